// Everything a week's digests are built from, read once per run: with thirty-odd recipients, a
// whole-school read per recipient would take seconds. Nothing here is shown to anyone; each
// recipient's digest takes from it only what the access policy lets them read, and audits that.
import { addDays } from '../../domain/dates.ts';
import type { AttendanceAnalysis } from '../../analysis/types.ts';
import { schoolYearDays } from '../../analysis/attendance/school-year.ts';
import { loadRecords, type LoadedRecords } from '../../store/analysis-repository.ts';
import { listStudents, type StudentIdentity } from '../../store/student-repository.ts';
import type { ServiceContext } from '../context.ts';
import type { StudentPart } from './build.ts';
import { currentSchoolYear, type SchoolYearWindow } from '../school-year.ts';

export interface DigestSource {
  weekOf: string;
  weekEnd: string;
  year: SchoolYearWindow | undefined;
  students: StudentIdentity[];
  records: Map<string, LoadedRecords>;
  /** The latest recorded step of each support plan: a review is due a cadence after it. */
  lastActionOn: Map<string, string>;
  /** The week's school days by the calendar (for the chart's columns). */
  schoolDays: string[];
  /** Attendance days recorded in the week, per student. */
  weekAttendanceDays: Map<string, number>;
  /** Attendance analyses shared by every recipient who may read attendance (build.ts). */
  attendanceAnalyses: Map<string, AttendanceAnalysis>;
  /** What each student adds under each view, shared by recipients with that view (build.ts). */
  parts: Map<string, StudentPart>;
}

const ALL_KINDS = { attendance: true, observations: true, environment: false, assessments: false, plans: true };

/** `weekOf` is a Monday. `studentIds` narrows the read (one person's preview); default the whole school. */
export async function loadDigestSource(ctx: ServiceContext, weekOf: string, students?: StudentIdentity[]): Promise<DigestSource> {
  const weekEnd = addDays(weekOf, 6);
  const year = await currentSchoolYear(ctx);
  const everyone = students ?? (await listStudents(ctx.db, 'all'));
  const ids = everyone.map((s) => s.id);
  const records = year ? await loadRecords(ctx.db, ids, () => ALL_KINDS, year.yearStart, weekEnd < year.lastRecorded ? weekEnd : year.lastRecorded) : new Map<string, LoadedRecords>();
  // Every plan's latest step in one grouped read (no id list: a district has more plans than a
  // query may bind parameters).
  const latest = await ctx.db.supportAction.groupBy({ by: ['planId'], _max: { actedOn: true } });
  const lastActionOn = new Map(latest.flatMap((a) => (a._max.actedOn ? [[a.planId, a._max.actedOn] as const] : [])));
  const schoolDays = year ? schoolYearDays(year.calendar, year.yearStart, weekEnd).days.filter((d) => d >= weekOf && d <= weekEnd) : [];
  const weekAttendanceDays = new Map([...records].map(([id, r]) => [id, r.attendance.filter((a) => a.date >= weekOf && a.date <= weekEnd).length]));
  return { weekOf, weekEnd, year, students: everyone, records, lastActionOn, schoolDays, weekAttendanceDays, attendanceAnalyses: new Map(), parts: new Map() };
}
