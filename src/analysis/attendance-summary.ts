// A student's attendance this school year as counts per status and an absence rate.
// The rate follows Attendance Works (DOMAIN.md): all absences over school days so far.
// Nurse's-office, separate-room and online days are attendance (出席扱い), not absences.
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../domain/school.ts';
import type { SchoolCalendar } from './school-days.ts';

export interface AttendanceRecord {
  date: string;
  status: AttendanceStatus;
}

export interface AttendanceSummary {
  from: string;
  to: string;
  schoolDays: number;
  /** School days in the period with no attendance row. */
  unrecordedDays: number;
  counts: Record<AttendanceStatus, number>;
  /** absent / schoolDays, 0..1; null when there are no school days yet. */
  absenceRate: number | null;
}

/**
 * Summarises attendance from `from` (the later of the school year's first day and enrolment)
 * to `to` (today, or the last day the school has recorded).
 */
export function summariseAttendance(
  records: readonly AttendanceRecord[],
  calendar: SchoolCalendar,
  from: string,
  to: string,
): AttendanceSummary {
  const days = to >= from ? calendar.schoolDaysBetween(from, to) : [];
  const inPeriod = new Set(days);
  const counts = Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, 0])) as Record<AttendanceStatus, number>;
  let recorded = 0;
  for (const r of records) {
    if (!inPeriod.has(r.date)) continue;
    counts[r.status] += 1;
    recorded += 1;
  }
  return {
    from,
    to,
    schoolDays: days.length,
    unrecordedDays: days.length - recorded,
    counts,
    absenceRate: days.length ? counts.absent / days.length : null,
  };
}
