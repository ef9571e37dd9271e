// The elapsed school days with what a pattern needs to know about each: is it a test or event
// day, the day before a test, the first school day of its week (Monday avoidance follows the
// start of the week, so a Tuesday after a holiday Monday counts), and how far it lies from
// `now`.
import { weekday } from '../../domain/dates.ts';
import type { DemoCalendar } from './calendar.ts';

export interface SchoolDay {
  date: string;
  /** Position in the elapsed school year, 0..1. */
  frac: number;
  dow: number;
  test?: string;
  event?: string;
  beforeTest: boolean;
  firstOfWeek: boolean;
  /** 0 for the last elapsed school day, 1 for the one before, ... */
  fromEnd: number;
  /** December to February, when colds and flu go round. */
  fluSeason: boolean;
}

export function describeSchoolDays(calendar: DemoCalendar, elapsed: readonly string[]): SchoolDay[] {
  const n = elapsed.length;
  return elapsed.map((date, i) => {
    const prev = elapsed[i - 1];
    const next = elapsed[i + 1];
    const month = Number(date.slice(5, 7));
    return {
      date,
      frac: n > 1 ? i / (n - 1) : 0,
      dow: weekday(date),
      test: calendar.tests.get(date),
      event: calendar.events.get(date),
      beforeTest: next !== undefined && calendar.tests.has(next) && !calendar.tests.has(date),
      // A new week starts when the weekday number does not grow (or more than a week passed).
      firstOfWeek: prev === undefined || weekday(prev) >= weekday(date) || daysBetween(prev, date) >= 7,
      fromEnd: n - 1 - i,
      fluSeason: month === 12 || month <= 2,
    };
  });
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
