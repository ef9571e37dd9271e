// Which dates are school days. DOMAIN.md: rates are measured over school days, so weekends,
// holidays and breaks (calendar.csv: holiday, break_start..break_end) are left out.
import { addDays, weekday } from '../domain/dates.ts';

export interface CalendarDay {
  date: string;
  kind: string;
}

export interface SchoolCalendar {
  isSchoolDay(date: string): boolean;
  /** School days from `from` to `to`, both inclusive, in order. */
  schoolDaysBetween(from: string, to: string): string[];
}

export function buildSchoolCalendar(entries: readonly CalendarDay[]): SchoolCalendar {
  const closed = new Set<string>();
  const breakStarts = entries.filter((e) => e.kind === 'break_start').map((e) => e.date).sort();
  const breakEnds = entries.filter((e) => e.kind === 'break_end').map((e) => e.date).sort();
  for (const e of entries) if (e.kind === 'holiday') closed.add(e.date);
  // Pair each break start with the first end on or after it; an unpaired start closes nothing,
  // because guessing its end would silently remove real school days.
  for (const start of breakStarts) {
    const end = breakEnds.find((d) => d >= start);
    if (!end) continue;
    for (let d = start; d <= end; d = addDays(d, 1)) closed.add(d);
  }

  const isSchoolDay = (date: string) => {
    const dow = weekday(date);
    return dow !== 0 && dow !== 6 && !closed.has(date);
  };
  return {
    isSchoolDay,
    schoolDaysBetween(from, to) {
      const days: string[] = [];
      for (let d = from; d <= to; d = addDays(d, 1)) if (isSchoolDay(d)) days.push(d);
      return days;
    },
  };
}
