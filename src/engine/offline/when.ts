// When: a day (今日, 昨日, 一昨日, 先週の金曜, last Friday, 11/18), a time of day (3限, 朝, 昼休み,
// 放課後, this morning, at lunch, 10:30) and spans of dates (先月, 今月, 先週, 10月, last month,
// October, 2学期, the past two weeks). All relative to `now` in the school's time zone
// (Asia/Tokyo, domain/dates.ts); weeks run Monday to Sunday.
import { addDays, mondayOf, schoolDateOf, schoolYearStart, weekday } from '../../domain/dates.ts';
import type { Period } from '../intent.ts';
import { anyOf } from './text.ts';

export interface When {
  observedOn: string;
  observedTime?: string;
  lessonPeriod?: number;
}

/** Start times of the school's periods (1限 08:50 ... 6限 14:30). */
export const PERIOD_START: Readonly<Record<number, string>> = { 1: '08:50', 2: '09:50', 3: '10:50', 4: '11:50', 5: '13:30', 6: '14:30' };

/** Times of day a message may name without a clock time. */
const PARTS_OF_DAY: readonly [RegExp, string][] = [
  [anyOf(['今朝', '(?<!毎)朝(?:の会|のHR|一番|イチ|から|に|は|、|の(?:登校|時間)|登校)', '登校時', 'this morning', 'in the morning', 'morning (?:homeroom|meeting|registration)', 'before school']), '08:30'],
  [anyOf(['昼休み', '給食', '昼食', 'お昼', 'at lunch', 'lunch ?time', 'lunch ?break', 'during lunch', 'over lunch']), '12:45'],
  [anyOf(['放課後', '下校(?:時|前|の時)', '帰りの会', '部活(?:中|の時間)', 'after school', 'end of the day']), '15:30'],
  [anyOf(['夕方', 'this evening', 'in the evening']), '17:00'],
  [anyOf(['昨夜', '昨晩', '今夜', '夜に(?:電話|連絡)', 'last night', 'tonight']), '20:00'],
];

const JA_NUMERALS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7 };
const EN_ORDINALS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7 };
const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_EN = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const WEEKDAYS_JA = '日月火水木金土';
const WEEKDAYS_EN = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export function todayOf(now: Date): string {
  return schoolDateOf(now);
}

export { mondayOf };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A month and day without a year: this year's, unless that is later than `futureDays` from
 * today (then last year's). Observations and searches look back (0); plans may start ahead.
 */
function nearestDate(month: number, day: number, today: string, futureDays = 0): string | undefined {
  const year = Number(today.slice(0, 4));
  const date = validDate(year, month, day);
  if (!date) return validDate(year - 1, month, day);
  return date > addDays(today, futureDays) ? validDate(year - 1, month, day) : date;
}

function monthNumber(word: string): number {
  return MONTHS_EN.indexOf(word.toLowerCase().slice(0, 3)) + 1;
}

/** A day the message names explicitly: 2026-11-18, 11月18日, 11/18, November 18, 18日に. */
function explicitDate(text: string, today: string, futureDays = 0): string | undefined {
  let m = /(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?/.exec(text);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(?<![\d/])(\d{1,2})月(\d{1,2})日/.exec(text) ?? /(?<![\d/.:])(\d{1,2})\/(\d{1,2})(?![\d/]|回|日|人|時間)/.exec(text);
  if (m) return nearestDate(Number(m[1]), Number(m[2]), today, futureDays);
  m = new RegExp(`\\b${MONTH_EN}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'i').exec(text);
  if (m) return nearestDate(monthNumber(m[1]!), Number(m[2]), today, futureDays);
  m = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_EN}`, 'i').exec(text);
  if (m) return nearestDate(monthNumber(m[2]!), Number(m[1]), today, futureDays);
  // A bare day of this month (18日に, on the 18th): the latest such day not after today.
  m = /(?<![\d月])(\d{1,2})日(?:\([月火水木金土日]\))?(?=[にはの、,\s]|$)(?!間)/.exec(text) ?? /\bon the (\d{1,2})(?:st|nd|rd|th)\b/i.exec(text);
  if (m) {
    const day = Number(m[1]);
    const [y, mo] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
    const thisMonth = validDate(y, mo, day);
    if (thisMonth && thisMonth <= today) return thisMonth;
    return mo === 1 ? validDate(y - 1, 12, day) : validDate(y, mo - 1, day);
  }
  return undefined;
}

/** 今日, 昨日, 一昨日, 明日, 3日前, two days ago. */
function relativeDay(text: string, today: string): string | undefined {
  const ago = /(\d{1,2})日前/.exec(text) ?? /\b(\d{1,2}|two|three|four|five|six) days ago\b/i.exec(text);
  if (ago) {
    const words: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6 };
    return addDays(today, -(words[ago[1]!.toLowerCase()] ?? Number(ago[1])));
  }
  if (/一昨日|おととい|おとつい|day before yesterday/i.test(text)) return addDays(today, -2);
  if (/昨日|きのう|昨晩|昨夜|yesterday|last night/i.test(text)) return addDays(today, -1);
  if (/明日|あした|tomorrow/i.test(text)) return addDays(today, 1);
  if (/今日|きょう|本日|今朝|today|this (?:morning|afternoon|evening)|tonight/i.test(text)) return today;
  return undefined;
}

/** 先週の金曜, 今週月曜, 金曜日に, last Friday, on Monday, next Tuesday. Not 毎週月曜 / every Monday / Mondays. */
function weekdayDate(text: string, today: string): string | undefined {
  const ja = new RegExp(`(先々週|先週|今週|来週)?(?:の)?(?<!毎週|毎週の|毎|隔週|隔週の)([${WEEKDAYS_JA}])曜(?:日)?(?!日?(?:ごと|毎))`).exec(text);
  if (ja) {
    const day = WEEKDAYS_JA.indexOf(ja[2]!);
    const week = ja[1];
    if (week) {
      const offset = week === '先々週' ? -14 : week === '先週' ? -7 : week === '来週' ? 7 : 0;
      return addDays(mondayOf(today), offset + ((day + 6) % 7));
    }
    return latestOnOrBefore(today, day, true);
  }
  const en = new RegExp(`\\b(last|this|next|on|past)?\\s*(${WEEKDAYS_EN.join('|')})\\b(?!s)(\\s+last week)?`, 'i').exec(text);
  if (en && !/\b(?:every|each)\s*$/i.test(text.slice(0, en.index))) {
    const day = WEEKDAYS_EN.indexOf(en[2]!.toLowerCase());
    const word = en[1]?.toLowerCase();
    if (en[3]) return addDays(mondayOf(addDays(today, -7)), (day + 6) % 7);
    if (word === 'next') return addDays(mondayOf(today), 7 + ((day + 6) % 7));
    if (word === 'this') return addDays(mondayOf(today), (day + 6) % 7);
    return latestOnOrBefore(today, day, word !== 'last' && word !== 'past');
  }
  return undefined;
}

function latestOnOrBefore(today: string, day: number, includeToday: boolean): string {
  let back = (weekday(today) - day + 7) % 7;
  if (back === 0 && !includeToday) back = 7;
  return addDays(today, -back);
}

/** The school period a message names: 3限, 3時間目, 三限, period 3, 3rd period, the third lesson. */
export function lessonPeriodOf(text: string): number | undefined {
  let m = /(?<![\d.])([1-7一二三四五六七])\s*(?:限|時間目|時限目?|校時)/.exec(text);
  if (m) return JA_NUMERALS[m[1]!] ?? Number(m[1]);
  m = /\b(?:period|lesson)\s*([1-7])\b/i.exec(text) ?? /\b([1-7])(?:st|nd|rd|th)\s+(?:period|lesson|class)\b/i.exec(text);
  if (m) return Number(m[1]);
  m = /\b(first|second|third|fourth|fifth|sixth|seventh)\s+(?:period|lesson)\b/i.exec(text);
  return m ? EN_ORDINALS[m[1]!.toLowerCase()] : undefined;
}

/** A clock time: 10:30, 10時半, 9時15分, at 3pm. Not durations (2時間) or limits (3時まで). */
function clockTime(text: string): string | undefined {
  let m = /(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?!\s*(?:まで|until))/.exec(text);
  if (m && !/(?:until|till|up to)\s*$/i.test(text.slice(0, m.index))) return `${pad(Number(m[1]))}:${m[2]}`;
  m = /(午前|午後)?(?<!\d)(\d{1,2})時(半|(\d{1,2})分)?(?!間|まで|頃まで|ごろまで|過ぎまで)/.exec(text);
  if (m) {
    let hour = Number(m[2]);
    if (m[1] === '午後' && hour < 12) hour += 12;
    if (hour > 23) return undefined;
    return `${pad(hour)}:${m[3] === '半' ? '30' : pad(Number(m[4] ?? 0))}`;
  }
  m = /\bat (\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?/i.exec(text);
  if (m) {
    let hour = Number(m[1]);
    const pm = m[3]?.toLowerCase().startsWith('p');
    // "at 3" in a school day is 3 in the afternoon.
    if (pm || (!m[3] && hour >= 1 && hour <= 6)) hour += hour < 12 ? 12 : 0;
    if (hour > 23) return undefined;
    return `${pad(hour)}:${m[2] ?? '00'}`;
  }
  return undefined;
}

/**
 * The day a message speaks of; today when it names none. `futureDays`: how far ahead a date
 * without a year may lie (a plan starting 12/1); past otherwise.
 */
export function dayOf(text: string, now: Date, futureDays = 0): string {
  const today = todayOf(now);
  const ahead = futureDays > 0 ? startAhead(text, today) : undefined;
  return explicitDate(text, today, futureDays) ?? relativeDay(text, today) ?? ahead ?? weekdayDate(text, today) ?? today;
}

/** A plan's start ahead of today: 来週から, next week, 月曜から, from Monday (the coming one). */
function startAhead(text: string, today: string): string | undefined {
  const ja = new RegExp(`(?<!先週の?|今週の?)([${WEEKDAYS_JA}])曜日?から`).exec(text);
  const en = new RegExp(`\\b(?:from|starting|beginning|as of)\\s+(?:next\\s+)?(${WEEKDAYS_EN.join('|')})\\b`, 'i').exec(text);
  const day = ja ? WEEKDAYS_JA.indexOf(ja[1]!) : en ? WEEKDAYS_EN.indexOf(en[1]!.toLowerCase()) : -1;
  if (day >= 0) return addDays(today, ((day - weekday(today) + 7) % 7) || 7);
  if (/来週(?!の?[月火水木金土日]曜)|next week/i.test(text)) return addDays(mondayOf(today), 7);
  return undefined;
}

/** When an observation happened: the day, and the time if the message gives one. */
export function parseWhen(text: string, now: Date): When {
  const when: When = { observedOn: dayOf(text, now) };
  const period = lessonPeriodOf(text);
  if (period !== undefined) {
    when.lessonPeriod = period;
    const start = PERIOD_START[period];
    if (start) when.observedTime = start;
    return when;
  }
  const clock = clockTime(text);
  if (clock) {
    when.observedTime = clock;
    return when;
  }
  for (const [pattern, time] of PARTS_OF_DAY) {
    if (pattern.test(text)) {
      when.observedTime = time;
      break;
    }
  }
  return when;
}

function monthSpan(year: number, month: number, today: string): Period {
  const from = `${year}-${pad(month)}-01`;
  const end = `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`;
  return { from, to: end > today && from <= today ? today : end };
}

/** A month named without a year: the latest such month not after this one. */
function namedMonth(month: number, today: string): Period {
  const year = Number(today.slice(0, 4));
  return monthSpan(month > Number(today.slice(5, 7)) ? year - 1 : year, month, today);
}

/** Terms of the Japanese school year: 1学期 April-July, 2学期 September-December, 3学期 January-March. */
function termSpan(term: number, today: string): Period {
  const start = Number(schoolYearStart(today).slice(0, 4));
  const spans: Record<number, [string, string]> = {
    1: [`${start}-04-01`, `${start}-07-31`],
    2: [`${start}-09-01`, `${start}-12-31`],
    3: [`${start + 1}-01-01`, `${start + 1}-03-31`],
  };
  const [from, to] = spans[term]!;
  return { from, to: to > today ? today : to };
}

function currentTerm(today: string): number {
  const month = Number(today.slice(5, 7));
  return month >= 4 && month <= 8 ? 1 : month >= 9 ? 2 : 3;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, a: 1, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/**
 * A span of dates the message narrows a question or search to, or undefined. Spans reaching
 * today end today.
 */
export function parsePeriod(text: string, now: Date): Period | undefined {
  const today = todayOf(now);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const clamp = (p: Period): Period => ({ from: p.from, to: p.to > today ? today : p.to });

  // An explicit range: 10月1日から11月15日まで, 10/1〜10/15, from Oct 1 to Oct 15.
  const range = /(\d{1,2})[/月](\d{1,2})日?\s*(?:から|~|〜|-|–|to)\s*(?:(\d{1,2})[/月])?(\d{1,2})日?/.exec(text);
  if (range) {
    const from = nearestDate(Number(range[1]), Number(range[2]), today);
    const to = nearestDate(Number(range[3] ?? range[1]), Number(range[4]), today);
    if (from && to && from <= to) return { from, to };
  }
  // Last N days/weeks/months: ここ2週間, 過去3か月, the past two weeks, last 10 days.
  const recent =
    /(?:ここ|過去|最近の?|直近の?)\s*([\d一二三四五六]+)\s*(日間?|週間?|か月|ヶ月|カ月|ヵ月)/.exec(text) ??
    /\b(?:past|last|previous)\s+(\d+|one|two|three|four|five|six|a)\s+(days?|weeks?|months?)\b/i.exec(text);
  if (recent) {
    const n = NUMBER_WORDS[recent[1]!.toLowerCase()] ?? Number(recent[1]);
    const unit = recent[2]!;
    const days = /日|day/i.test(unit) ? n : /週|week/i.test(unit) ? n * 7 : n * 30;
    if (n > 0) return { from: addDays(today, -(days - 1)), to: today };
  }
  // From a day up to today: 11月1日以降, 2026-11-01から, since Nov 1, since 2026-11-01.
  const sinceJa = /(\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}日?|\d{1,2}月\d{1,2}日|(?<![\d/])\d{1,2}\/\d{1,2}(?![\d/]))\s*(?:以降|から(?!\s*\d))/.exec(text);
  const sinceEn = /\bsince\s+(?:the\s+)?(.{1,30})/i.exec(text);
  const sinceDay = sinceJa ? explicitDate(sinceJa[1]!, today) : sinceEn ? explicitDate(sinceEn[1]!, today) : undefined;
  if (sinceDay && sinceDay <= today) return { from: sinceDay, to: today };
  const on = explicitDate(text, today);
  if (on) return { from: on, to: on };

  if (/先々月|the month before last/i.test(text)) return month <= 2 ? monthSpan(year - 1, month + 10, today) : monthSpan(year, month - 2, today);
  if (/先月|前月|last month|previous month/i.test(text)) return month === 1 ? monthSpan(year - 1, 12, today) : monthSpan(year, month - 1, today);
  if (/今月|this month/i.test(text)) return monthSpan(year, month, today);
  if (/先々週|the week before last/i.test(text)) return { from: addDays(mondayOf(today), -14), to: addDays(mondayOf(today), -8) };
  if (/先週|前週|last week|previous week/i.test(text)) return { from: addDays(mondayOf(today), -7), to: addDays(mondayOf(today), -1) };
  if (/今週|this week/i.test(text)) return clamp({ from: mondayOf(today), to: addDays(mondayOf(today), 6) });

  const since = /(\d{1,2})月(?:以降|から(?!\d))/.exec(text) ?? new RegExp(`\\bsince\\s+${MONTH_EN}`, 'i').exec(text);
  if (since) {
    const m = Number(since[1]) || monthNumber(since[1]!);
    return { from: namedMonth(m, today).from, to: today };
  }
  const ja = /(?<![\d/])(\d{1,2})月(?!\d|日)/.exec(text);
  if (ja && Number(ja[1]) >= 1 && Number(ja[1]) <= 12) return namedMonth(Number(ja[1]), today);
  // "May" is a month only when capitalised or after a preposition (not "may I ...").
  const en = new RegExp(`\\b(?:in|during|for|from|of|since)\\s+${MONTH_EN}(?![a-z])|\\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\b`, 'i').exec(text);
  if (en) {
    const word = en[1] ?? en[2]!;
    if (!(word.toLowerCase() === 'may' && !en[1] && word !== 'May')) {
      const m = monthNumber(word);
      if (m) return namedMonth(m, today);
    }
  }

  const term = /([123一二三])学期/.exec(text) ?? /\b(first|second|third|1st|2nd|3rd) term\b/i.exec(text);
  if (term) {
    const n = ({ 一: 1, 二: 2, 三: 3, first: 1, second: 2, third: 3, '1st': 1, '2nd': 2, '3rd': 3 } as Record<string, number>)[term[1]!.toLowerCase()] ?? Number(term[1]);
    return termSpan(n, today);
  }
  if (/今学期|this term/i.test(text)) return termSpan(currentTerm(today), today);
  if (/前学期|先学期|last term|previous term/i.test(text)) {
    const t = currentTerm(today);
    if (t > 1) return termSpan(t - 1, today);
    // The third term of the school year before this one.
    const start = schoolYearStart(today).slice(0, 4);
    return { from: `${start}-01-01`, to: `${start}-03-31` };
  }
  if (/今年度|this (?:school )?year/i.test(text)) return { from: schoolYearStart(today), to: today };

  const day = relativeDay(text, today);
  if (day && day <= today) return { from: day, to: day };
  return undefined;
}

/** The Monday of the week a digest request names (先週のまとめ, week of 11/9), or undefined for this week. */
export function weekOfFrom(text: string, now: Date): string | undefined {
  const today = todayOf(now);
  if (/先々週|the week before last/i.test(text)) return addDays(mondayOf(today), -14);
  if (/先週|前週|last week|previous week/i.test(text)) return addDays(mondayOf(today), -7);
  const date = explicitDate(text, today);
  return date ? mondayOf(date) : undefined;
}
