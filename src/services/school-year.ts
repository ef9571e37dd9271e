// The window every figure is measured over: this school year (from April, MEXT), from the
// school's first recorded attendance day to the last recorded one, so a morning before the
// register is taken does not count as a missing day.
import { schoolDateOf, schoolYearStart } from '../domain/dates.ts';
import type { CalendarRecord } from '../analysis/types.ts';
import { loadCalendar } from '../store/analysis-repository.ts';
import { recordedAttendanceRange } from '../store/attendance-range.ts';
import type { ServiceContext } from './context.ts';

export interface SchoolYearWindow {
  today: string;
  /** The school's first recorded day this school year. */
  yearStart: string;
  /** The last day with attendance recorded (<= today). */
  lastRecorded: string;
  calendar: CalendarRecord[];
}

/** Undefined when no attendance has been recorded yet this school year. */
export async function currentSchoolYear(ctx: ServiceContext): Promise<SchoolYearWindow | undefined> {
  const today = schoolDateOf(ctx.now());
  const aprilFirst = schoolYearStart(today);
  const range = await recordedAttendanceRange(ctx.db, aprilFirst, today);
  if (!range.first || !range.last) return undefined;
  // The calendar runs to the end of the school year: projections need the days still to come.
  const yearEnd = `${Number(aprilFirst.slice(0, 4)) + 1}-03-31`;
  return { today, yearStart: range.first, lastRecorded: range.last, calendar: await loadCalendar(ctx.db, aprilFirst, yearEnd) };
}
