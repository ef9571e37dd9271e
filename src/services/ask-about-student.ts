// "How is <student>?": this school year's attendance, the latest observations the asker may see,
// and open support plans. Each kind of record is its own access decision (and audit row); a
// kind the asker may not read is left out rather than failing the whole answer.
import { mayReadObservation, type StaffMember } from '../access/policy.ts';
import { AccessDeniedError } from '../access/guard.ts';
import { summariseAttendance, type AttendanceSummary } from '../analysis/attendance-summary.ts';
import { buildSchoolCalendar } from '../analysis/school-days.ts';
import { schoolDateOf } from '../domain/dates.ts';
import { currentSchoolYear } from './school-year.ts';
import { staffNames } from '../store/staff-repository.ts';
import type { StudentIdentity } from '../store/student-repository.ts';
import {
  attendanceOf,
  openSupportPlans,
  recentObservations,
  type ObservationRecord,
  type SupportPlanRecord,
} from '../store/records-repository.ts';
import type { ServiceContext } from './context.ts';

const OBSERVATIONS_SHOWN = 5;
/** Read a few more than shown, since some may be filtered out by visibility. */
const OBSERVATIONS_READ = 40;

export interface StaffName {
  familyName: string;
  givenName: string;
}

export interface StudentOverview {
  student: StudentIdentity;
  asOf: string;
  attendance?: AttendanceSummary;
  observations?: (ObservationRecord & { author?: StaffName })[];
  plans?: (SupportPlanRecord & { owner?: StaffName })[];
}

export async function studentOverview(
  ctx: ServiceContext,
  staff: StaffMember,
  student: StudentIdentity,
  intent: string,
): Promise<StudentOverview> {
  const request = { staff, student, action: 'read' as const, intent };
  const profile = await ctx.guard.check({ ...request, kind: 'profile' });
  if (!profile.allowed) throw new AccessDeniedError(profile.reason);

  const now = ctx.now();
  const today = schoolDateOf(now);
  const overview: StudentOverview = { student, asOf: today };

  if ((await ctx.guard.check({ ...request, kind: 'attendance' })).allowed) {
    overview.attendance = await attendanceThisYear(ctx, student);
  }
  if ((await ctx.guard.check({ ...request, kind: 'observation' })).allowed) {
    const recent = await recentObservations(ctx.db, student.id, now, OBSERVATIONS_READ);
    overview.observations = recent.filter((o) => mayReadObservation(staff, o)).slice(0, OBSERVATIONS_SHOWN);
  }
  if ((await ctx.guard.check({ ...request, kind: 'support_plan' })).allowed) {
    overview.plans = await openSupportPlans(ctx.db, student.id);
  }

  const names = await staffNames(ctx.db, [
    ...(overview.observations ?? []).map((o) => o.authorId),
    ...(overview.plans ?? []).map((p) => p.ownerId),
  ]);
  overview.observations = overview.observations?.map((o) => ({ ...o, author: names.get(o.authorId) }));
  overview.plans = overview.plans?.map((p) => ({ ...p, owner: names.get(p.ownerId) }));
  return overview;
}

/**
 * School days run from the school's first recorded day this year (or the student's enrolment,
 * if later) to the last day the school has recorded, so a morning before the register is taken
 * does not count as a missing day.
 */
async function attendanceThisYear(ctx: ServiceContext, student: StudentIdentity): Promise<AttendanceSummary | undefined> {
  const year = await currentSchoolYear(ctx);
  if (!year) return undefined;
  const from = student.enrolledOn > year.yearStart ? student.enrolledOn : year.yearStart;
  const calendar = buildSchoolCalendar(year.calendar);
  return summariseAttendance(await attendanceOf(ctx.db, student.id, from, year.lastRecorded), calendar, from, year.lastRecorded);
}
