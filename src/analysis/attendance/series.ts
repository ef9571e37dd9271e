// One student's measured period as a day-by-day series: the school days from the later of the
// year's first day and enrolment (a student who joined mid-year is measured from enrolment,
// DOMAIN.md / issue 3) to the last recorded day. A school day without an attendance row is
// "not recorded": it is neither an absence nor attendance, and every rate below is taken over
// recorded days only, so a gap in the register cannot make a student look absent.
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../domain/school.ts';
import type { StudentRecords } from '../types.ts';
import { lowerBound, schoolYearDays, upperBound, type SchoolYearDays } from './school-year.ts';

export interface Series {
  studentId: string;
  from: string;
  to: string;
  /** School days in the measured period, in order. */
  days: string[];
  /** 1 = Monday ... 5 = Friday, parallel to `days`. */
  weekdays: number[];
  /** The status recorded for each day; undefined when not recorded. */
  status: (AttendanceStatus | undefined)[];
  recorded: number;
  counts: Record<AttendanceStatus, number>;
  year: SchoolYearDays;
  /** Index in `year.days` of this period's first day. */
  offset: number;
}

export function buildSeries(records: StudentRecords): Series {
  const from = records.enrolledOn > records.yearStart ? records.enrolledOn : records.yearStart;
  const to = records.lastRecorded;
  const year = schoolYearDays(records.calendar, records.yearStart, to);
  const offset = lowerBound(year.days, from);
  const endExclusive = to >= from ? upperBound(year.days, to) : offset;
  const days = year.days.slice(offset, Math.max(offset, endExclusive));
  const weekdays = year.weekdays.slice(offset, offset + days.length);
  const status: (AttendanceStatus | undefined)[] = new Array(days.length).fill(undefined);
  for (const row of records.attendance) {
    const i = year.index.get(row.date);
    // Rows outside the period or on a day the calendar closes are left out; a duplicate row for
    // a day keeps the last one given.
    if (i === undefined || i < offset || i - offset >= days.length) continue;
    status[i - offset] = row.status;
  }
  const counts = Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, 0])) as Record<AttendanceStatus, number>;
  let recorded = 0;
  for (const s of status) {
    if (s === undefined) continue;
    counts[s] += 1;
    recorded += 1;
  }
  return { studentId: records.studentId, from, to, days, weekdays, status, recorded, counts, year, offset };
}

/**
 * Recent windows, counted in school days back from the last recorded day (issue 3 asks for "the
 * last 4-6 school weeks"): 30 school days (six weeks) for how often something happens, since
 * frequency needs enough days to count; 20 school days (four weeks) for the ladder trend, so a
 * decline that began a month ago is not diluted by the weeks before it (ladder.ts compares
 * 5-day blocks, which keeps the shorter window from reacting to a single bad week). When the
 * period is shorter than twice the window, the later half is used, so a student enrolled
 * mid-year still has an earlier stretch to compare with.
 */
export const RECENT_SCHOOL_DAYS = 30;
export const TREND_SCHOOL_DAYS = 20;

/** The index of the first day of the recent window of `size` school days. */
export function recentStart(s: Series, size: number): number {
  return s.days.length - Math.min(size, Math.floor(s.days.length / 2));
}
