// Analysis of the students a staff member may see. The records handed to the (pure) analysis
// are exactly those the asker may read: a kind they may not read is left out, and observations
// are filtered one by one (confidential, the nurse's health scope). Every read is audited.
import { mayReadObservation, scopeClassIds } from '../access/policy.ts';
import { AccessDeniedError, type AccessRequest } from '../access/guard.ts';
import type { RecordKind } from '../access/policy.ts';
import type { StaffMember } from '../domain/staff.ts';
import { schoolDateOf } from '../domain/dates.ts';
import { analyseAttendanceAndTier, analyseStudent, type AnalysisResult } from '../analysis/analyse-student.ts';

export type { AnalysisResult };
import type { StudentRecords } from '../analysis/types.ts';
import { loadRecords, type LoadedRecords, type RecordKinds } from '../store/analysis-repository.ts';
import { listStudents, type StudentIdentity } from '../store/student-repository.ts';
import type { ServiceContext } from './context.ts';
import { currentSchoolYear, type SchoolYearWindow } from './school-year.ts';

const KINDS_READ: RecordKind[] = ['attendance', 'observation', 'environment', 'assessment', 'support_plan'];

function toRecords(student: StudentIdentity, year: SchoolYearWindow, loaded: LoadedRecords, staff: StaffMember): StudentRecords {
  return {
    studentId: student.id,
    enrolledOn: student.enrolledOn,
    asOf: year.today,
    yearStart: year.yearStart,
    lastRecorded: year.lastRecorded,
    calendar: year.calendar,
    attendance: loaded.attendance,
    observations: loaded.observations.filter((o) => mayReadObservation(staff, o)),
    environment: loaded.environment,
    competencies: loaded.competencies,
    bigFive: loaded.bigFive,
    plans: loaded.plans,
  };
}

function kindsFrom(allowed: (kind: RecordKind) => boolean): RecordKinds {
  return {
    attendance: allowed('attendance'),
    observations: allowed('observation'),
    environment: allowed('environment'),
    assessments: allowed('assessment'),
    plans: allowed('support_plan'),
  };
}

/** A school year with nothing recorded yet: the analysis says "insufficient data". */
function emptyYear(ctx: ServiceContext): SchoolYearWindow {
  const today = schoolDateOf(ctx.now());
  return { today, yearStart: today, lastRecorded: today, calendar: [] };
}

export interface StudentAnalysis {
  analysis: AnalysisResult;
  /** The records the analysis read, already limited to what the asker may see. */
  records: StudentRecords;
  /** The same observations and plans with their authors and owners, for showing who did what. */
  observations: LoadedRecords['observations'];
  plans: LoadedRecords['plans'];
  /** Which kinds of record the asker may read for this student. */
  kinds: RecordKinds;
}

export async function analyseStudentFor(ctx: ServiceContext, staff: StaffMember, student: StudentIdentity, intent: string): Promise<StudentAnalysis> {
  const base = { staff, student, action: 'read' as const, intent };
  // Every kind is decided and audited in one write; without the profile, nothing is read.
  const [profile, ...decisions] = await ctx.guard.checkMany((['profile', ...KINDS_READ] as RecordKind[]).map((kind) => ({ ...base, kind })));
  if (!profile!.allowed) throw new AccessDeniedError(profile!.reason);
  const kinds = kindsFrom((kind) => decisions[KINDS_READ.indexOf(kind)]!.allowed);

  const year = (await currentSchoolYear(ctx)) ?? emptyYear(ctx);
  const loaded = (await loadRecords(ctx.db, [student.id], () => kinds, year.yearStart, year.lastRecorded)).get(student.id)!;
  const records = toRecords(student, year, loaded, staff);
  const visible = new Set(records.observations.map((o) => o.id));
  return { analysis: analyseStudent(records), records, observations: loaded.observations.filter((o) => visible.has(o.id)), plans: loaded.plans, kinds };
}

export interface AttentionItem {
  student: StudentIdentity;
  tier: AnalysisResult['tier'];
  attendance: AnalysisResult['attendance'];
  urgent: boolean;
  /** Higher is more pressing; for ordering only. */
  priority: number;
}

const ATTENTION_KINDS: RecordKind[] = ['attendance', 'observation', 'support_plan'];

/**
 * Students in the asker's scope who need attention now, most pressing first: an urgent
 * observation, then tier, then how far absence has gone and whether it is getting worse.
 */
export async function attentionList(ctx: ServiceContext, staff: StaffMember, intent: string): Promise<{ items: AttentionItem[]; inScope: number }> {
  const students = await listStudents(ctx.db, scopeClassIds(staff));
  if (students.length === 0) return { items: [], inScope: 0 };
  const requests: AccessRequest[] = students.flatMap((student) => ATTENTION_KINDS.map((kind) => ({ staff, student, action: 'read' as const, kind, intent })));
  const decisions = await ctx.guard.checkMany(requests);
  const allowed = new Set(requests.filter((_, i) => decisions[i]!.allowed).map((r) => `${r.student.id}:${r.kind}`));

  const year = (await currentSchoolYear(ctx)) ?? emptyYear(ctx);
  const loaded = await loadRecords(ctx.db, students.map((s) => s.id), (id) => kindsFrom((kind) => allowed.has(`${id}:${kind}`)), year.yearStart, year.lastRecorded);

  const items: AttentionItem[] = [];
  for (const student of students) {
    const records = toRecords(student, year, loaded.get(student.id)!, staff);
    const { attendance, tier } = analyseAttendanceAndTier(records);
    const urgent = tier.raisedForUrgent;
    const worsening = attendance.trend === 'worsening';
    const flagged = attendance.patterns.some((p) => ['futoko_projection', 'non_attendance_streak'].includes(p.code));
    if (tier.tier === 1 && !urgent && !worsening && !flagged) continue;
    const priority = (urgent ? 100 : 0) + tier.tier * 10 + (attendance.absenceRate ?? 0) * 10 + (worsening ? 3 : 0) + (flagged ? 2 : 0);
    items.push({ student, tier, attendance, urgent, priority });
  }
  items.sort((a, b) => b.priority - a.priority || a.student.id.localeCompare(b.student.id));
  return { items, inScope: students.length };
}
