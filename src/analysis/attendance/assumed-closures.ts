// Closures assumed for the rest of the school year when the calendar does not say, used only to
// estimate how many school days remain (futoko_projection). Measured figures never use them:
// the days already past are counted from the calendar alone (DOMAIN.md: rates over school days).
// - Summer (7/21-8/31) and winter (12/25-1/7) breaks, the usual ones in a Japanese junior high,
//   unless the calendar has a break overlapping them.
// - National holidays (国民の祝日) after the calendar's last entry, since a school's calendar
//   export often stops partway through the year.
// The school year itself is taken to end on March 24 (the usual 修了式 date; spring break follows).
import { addDays, weekday } from '../../domain/dates.ts';
import type { CalendarRecord } from '../types.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The assumed last school day of the school year that starts in April of `startYear`. */
export function assumedYearEnd(startYear: number): string {
  return ymd(startYear + 1, 3, 24);
}

function nthMonday(y: number, m: number, n: number): string {
  const first = ymd(y, m, 1);
  return addDays(first, ((8 - weekday(first)) % 7) + 7 * (n - 1));
}

/** The usual national holidays from April of `startYear` to March, with 振替休日 for Sundays. */
function nationalHolidays(startYear: number): Set<string> {
  const y = startYear;
  const n = y + 1;
  // Equinoxes by the standard approximation (valid 1980-2099).
  const equinox = (year: number, base: number) => Math.floor(base + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4));
  const days = [
    ymd(y, 4, 29), ymd(y, 5, 3), ymd(y, 5, 4), ymd(y, 5, 5), nthMonday(y, 7, 3), ymd(y, 8, 11),
    nthMonday(y, 9, 3), ymd(y, 9, equinox(y, 23.2488)), nthMonday(y, 10, 2), ymd(y, 11, 3), ymd(y, 11, 23),
    ymd(n, 1, 1), nthMonday(n, 1, 2), ymd(n, 2, 11), ymd(n, 2, 23), ymd(n, 3, equinox(n, 20.8431)),
  ];
  const set = new Set(days);
  for (const d of days) if (weekday(d) === 0) {
    let next = addDays(d, 1);
    while (set.has(next)) next = addDays(next, 1);
    set.add(next);
  }
  return set;
}

/** A predicate: is this date closed by assumption (on top of the calendar's own closures)? */
export function assumedClosures(calendar: readonly CalendarRecord[], startYear: number): (date: string) => boolean {
  let lastEntry = '';
  for (const e of calendar) if (e.date > lastEntry) lastEntry = e.date;
  const breaks = pairBreaks(calendar);
  const overlaps = (from: string, to: string) => breaks.some(([s, e]) => s <= to && e >= from);
  const usual: [string, string][] = [
    [ymd(startYear, 7, 21), ymd(startYear, 8, 31)],
    [ymd(startYear, 12, 25), ymd(startYear + 1, 1, 7)],
  ];
  const assumedBreaks = usual.filter(([from, to]) => !overlaps(from, to));
  const holidays = nationalHolidays(startYear);
  return (date) => (date > lastEntry && holidays.has(date)) || assumedBreaks.some(([from, to]) => date >= from && date <= to);
}

function pairBreaks(calendar: readonly CalendarRecord[]): [string, string][] {
  const starts = calendar.filter((e) => e.kind === 'break_start').map((e) => e.date).sort();
  const ends = calendar.filter((e) => e.kind === 'break_end').map((e) => e.date).sort();
  return starts.flatMap((s) => {
    const e = ends.find((d) => d >= s);
    return e ? [[s, e] as [string, string]] : [];
  });
}
