// The school calendar for the school year that contains `now`, shaped like the sample export's
// calendar.csv: weekday holidays outside breaks, the three breaks, test days and events. The
// dates follow the usual rhythm of a Japanese junior high (three terms; mid-term and final tests;
// sports day in May, work experience in September, culture festival in October), placed by rule
// so any year works; for 2026 they reproduce the sample school's calendar.
import { addDays, weekday } from '../../domain/dates.ts';
import type { CalendarKind } from '../../domain/school.ts';
import { japaneseHolidays } from './holidays.ts';

export interface CalendarRow {
  date: string;
  kind: CalendarKind;
  label: string;
}

export interface DemoCalendar {
  schoolYear: number;
  entries: CalendarRow[];
  /** Every school day of the year, in order. */
  schoolDays: string[];
  isSchoolDay(date: string): boolean;
  /** Test day -> its label, and event day -> its label. */
  tests: Map<string, string>;
  events: Map<string, string>;
  /** First school day of the second and third terms. */
  termStart: { 2: string; 3: string };
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function nthWeekday(year: number, month: number, dow: number, n: number): string {
  const first = ymd(year, month, 1);
  return addDays(first, ((dow - weekday(first) + 7) % 7) + 7 * (n - 1));
}

function lastWeekday(year: number, month: number, dow: number): string {
  const nextFirst = month === 12 ? ymd(year + 1, 1, 1) : ymd(year, month + 1, 1);
  const last = addDays(nextFirst, -1);
  return addDays(last, -((weekday(last) - dow + 7) % 7));
}

export function buildCalendar(schoolYear: number): DemoCalendar {
  const y = schoolYear;
  const yearStart = ymd(y, 4, 1);
  const yearEnd = ymd(y + 1, 3, 31);
  const holidays = [...japaneseHolidays(y), ...japaneseHolidays(y + 1)].filter((h) => h.date >= yearStart && h.date <= yearEnd);
  const holidayDates = new Set(holidays.map((h) => h.date));
  const isOpenWeekday = (d: string) => weekday(d) !== 0 && weekday(d) !== 6 && !holidayDates.has(d);

  // The first school day is the first weekday on or after April 6 that is not a holiday.
  let firstDay = ymd(y, 4, 6);
  while (!isOpenWeekday(firstDay)) firstDay = addDays(firstDay, 1);

  const breaks: [string, string, string][] = [
    [yearStart, addDays(firstDay, -1), '春季休業'],
    [ymd(y, 7, 21), ymd(y, 8, 31), '夏季休業'],
    [ymd(y, 12, 25), ymd(y + 1, 1, 7), '冬季休業'],
    [ymd(y + 1, 3, 25), yearEnd, '春季休業'],
  ];
  const inBreak = (d: string) => breaks.some(([from, to]) => d >= from && d <= to);
  const isSchoolDay = (d: string) => d >= yearStart && d <= yearEnd && isOpenWeekday(d) && !inBreak(d);

  /** `count` consecutive school days starting at the first school day on or after `from`. */
  const schoolRun = (from: string, count: number): string[] => {
    const days: string[] = [];
    for (let d = from; days.length < count; d = addDays(d, 1)) if (isSchoolDay(d)) days.push(d);
    return days;
  };

  const tests = new Map<string, string>();
  const addTest = (from: string, label: string) => schoolRun(from, 2).forEach((d) => tests.set(d, label));
  addTest(lastWeekday(y, 5, 3), '1学期中間テスト');
  addTest(nthWeekday(y, 7, 4, 1), '1学期期末テスト');
  addTest(addDays(nthWeekday(y, 10, 1, 2), 2), '2学期中間テスト');
  addTest(lastWeekday(y, 11, 4), '2学期期末テスト');
  addTest(lastWeekday(y + 1, 2, 3), '学年末テスト');

  const events = new Map<string, string>();
  schoolRun(nthWeekday(y, 5, 5, 4), 1).forEach((d) => events.set(d, '体育祭'));
  schoolRun(nthWeekday(y, 9, 3, 2), 3).forEach((d) => events.set(d, '職場体験'));
  schoolRun(lastWeekday(y, 10, 5), 1).forEach((d) => events.set(d, '文化祭'));
  schoolRun(nthWeekday(y + 1, 3, 5, 2), 1).forEach((d) => events.set(d, '卒業式'));

  const entries: CalendarRow[] = [];
  // As in the sample export: only holidays that would otherwise have been school days.
  for (const h of holidays) if (weekday(h.date) !== 0 && weekday(h.date) !== 6 && !inBreak(h.date)) entries.push({ date: h.date, kind: 'holiday', label: h.label });
  for (const [from, to, label] of breaks) {
    if (from > to) continue;
    entries.push({ date: from, kind: 'break_start', label }, { date: to, kind: 'break_end', label });
  }
  for (const [date, label] of tests) entries.push({ date, kind: 'test', label });
  for (const [date, label] of events) entries.push({ date, kind: 'event', label });
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind < b.kind ? -1 : 1));

  const schoolDays: string[] = [];
  for (let d = firstDay; d <= yearEnd; d = addDays(d, 1)) if (isSchoolDay(d)) schoolDays.push(d);

  return {
    schoolYear: y,
    entries,
    schoolDays,
    isSchoolDay,
    tests,
    events,
    termStart: { 2: schoolRun(ymd(y, 9, 1), 1)[0] as string, 3: schoolRun(ymd(y + 1, 1, 8), 1)[0] as string },
  };
}
