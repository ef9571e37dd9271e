// The school days of one school year, computed once per calendar and reused for every student
// (a school analyses hundreds of students against the same calendar). School days follow
// DOMAIN.md: weekends, holidays and breaks (calendar.csv) are not school days; test and event
// days are. The same list, minus assumed closures, estimates the days still to come.
import { schoolYearStart, weekday } from '../../domain/dates.ts';
import { buildSchoolCalendar } from '../school-days.ts';
import type { CalendarRecord } from '../types.ts';
import { assumedClosures, assumedYearEnd } from './assumed-closures.ts';

export interface SchoolYearDays {
  /** The assumed last school day of the year (March 24; see assumed-closures.ts). */
  yearEnd: string;
  /** School days by the calendar from the year's first day, in order. */
  days: string[];
  /** 1 = Monday ... 5 = Friday, parallel to `days`. */
  weekdays: number[];
  index: Map<string, number>;
  /** Per day in `days`: true when it is a school day also after the assumed closures. */
  projected: boolean[];
  /** Test and event days of the calendar: date -> entries. */
  events: Map<string, CalendarRecord[]>;
}

// Keyed by the calendar's content: a whole-school analysis passes one array for every student, and
// each chat turn loads the same calendar afresh, so both reuse the days computed before. A few
// dozen entries make the key; a handful of years and ranges are ever live at once.
const cache = new Map<string, SchoolYearDays>();
const CACHE_LIMIT = 32;

function calendarKey(calendar: readonly CalendarRecord[]): string {
  return calendar.map((e) => `${e.date}${e.kind}${e.label}`).join('\n');
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** School days from `start` to the year end (or `until`, if later). Cached per calendar content. */
export function schoolYearDays(calendar: readonly CalendarRecord[], start: string, until: string): SchoolYearDays {
  const startYear = Number(schoolYearStart(start).slice(0, 4));
  const yearEnd = assumedYearEnd(startYear);
  const end = until > yearEnd ? until : yearEnd;
  const key = `${start}|${end}|${calendarKey(calendar)}`;
  const hit = cache.get(key);
  if (hit) return hit;

  const school = buildSchoolCalendar(calendar);
  const closed = assumedClosures(calendar, startYear);
  const days: string[] = [];
  const weekdays: number[] = [];
  const projected: boolean[] = [];
  const index = new Map<string, number>();
  for (let d = start; d <= end; d = nextDay(d)) {
    if (!school.isSchoolDay(d)) continue;
    index.set(d, days.length);
    days.push(d);
    weekdays.push(weekday(d));
    projected.push(!closed(d));
  }
  const events = new Map<string, CalendarRecord[]>();
  for (const e of calendar) {
    if (e.kind !== 'test' && e.kind !== 'event') continue;
    const list = events.get(e.date);
    if (list) list.push(e);
    else events.set(e.date, [e]);
  }
  const result: SchoolYearDays = { yearEnd, days, weekdays, index, projected, events };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

/** The first position in sorted `days` whose date is >= `date`. */
export function lowerBound(days: readonly string[], date: string): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first position in sorted `days` whose date is > `date`. */
export function upperBound(days: readonly string[], date: string): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
