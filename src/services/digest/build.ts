// One recipient's digest from the week's source: the students in their scope, each kind of record
// decided and audited (one write per digest), observations filtered one by one as in any answer.
// Analyses at the start and the end of the week say what changed.
import { isInScope, mayReadObservation } from '../../access/policy.ts';
import type { AccessRequest } from '../../access/guard.ts';
import type { RecordKind } from '../../access/policy.ts';
import { addDays } from '../../domain/dates.ts';
import { OBSERVATION_CATEGORIES, type ObservationCategory } from '../../domain/school.ts';
import type { StaffMember } from '../../domain/staff.ts';
import { analyseAttendance } from '../../analysis/attendance/index.ts';
import { assessTier } from '../../analysis/tier.ts';
import type { AttendanceAnalysis, StudentRecords, Tier, TierAssessment } from '../../analysis/types.ts';
import type { LoadedRecords } from '../../store/analysis-repository.ts';
import type { StudentIdentity } from '../../store/student-repository.ts';
import { staffNames } from '../../store/staff-repository.ts';
import type { ServiceContext } from '../context.ts';
import type { DigestSource } from './source.ts';
import { THRESHOLD_CODES, UNWATCHED_AFTER_DAYS, type ChartGrid, type ThresholdCode, type WeeklyDigest } from './types.ts';

const KINDS: RecordKind[] = ['attendance', 'observation', 'support_plan'];
/** DOMAIN.md review cadence: tier 3 weekly, tier 2 every other week. */
const CADENCE_DAYS: Record<Tier, number | null> = { 1: null, 2: 14, 3: 7 };
/** A chart wider than a class is unreadable; the digest's own students are what matter then. */
const CHART_ROWS = 40;

type Visible = Pick<LoadedRecords, 'attendance' | 'observations' | 'plans'>;
type State = { attendance: AttendanceAnalysis; tier: TierAssessment };

/**
 * A student's state at `cutoff` as this recipient sees it. The attendance analysis (the costly
 * part) depends on attendance alone, so every recipient who may read attendance shares it; the
 * tier also weighs the notes and plans they may read, so it is shared only by the same view.
 */
function analyseAt(source: DigestSource, student: StudentIdentity, visible: Visible, cutoff: string, viewKey: string): State {
  const key = `${student.id}|${cutoff}|${viewKey}`;
  const known = source.analyses.get(key);
  if (known) return known;
  const records = recordsAt(source, student, visible, cutoff);
  const attendanceKey = `${student.id}|${cutoff}|${visible.attendance.length ? 'a' : ''}`;
  let attendance = source.attendanceAnalyses.get(attendanceKey);
  if (!attendance) {
    attendance = analyseAttendance(records);
    source.attendanceAnalyses.set(attendanceKey, attendance);
  }
  const state = { attendance, tier: assessTier(records, attendance) };
  source.analyses.set(key, state);
  return state;
}

function recordsAt(source: DigestSource, student: StudentIdentity, visible: Visible, cutoff: string): StudentRecords {
  const year = source.year!;
  const lastRecorded = cutoff < year.lastRecorded ? cutoff : year.lastRecorded;
  return {
    studentId: student.id,
    enrolledOn: student.enrolledOn,
    asOf: cutoff,
    yearStart: year.yearStart,
    lastRecorded,
    calendar: year.calendar,
    attendance: visible.attendance.filter((a) => a.date <= cutoff),
    observations: visible.observations.filter((o) => o.date <= cutoff),
    environment: [],
    competencies: [],
    bigFive: [],
    plans: visible.plans.filter((p) => p.startedOn <= cutoff),
  };
}

const thresholds = (state: State) => new Set(state.attendance.patterns.map((p) => p.code).filter((c): c is ThresholdCode => (THRESHOLD_CODES as readonly string[]).includes(c)));

export async function buildDigest(ctx: ServiceContext, staff: StaffMember, source: DigestSource, intent: string): Promise<WeeklyDigest> {
  return (await buildDigests(ctx, [staff], source, intent))[0]!;
}

/**
 * Several recipients' digests with one access pass: every read of every digest is decided and
 * audited in one write, and the authors of quoted notes are looked up once (a statement per
 * recipient was most of a week's build time).
 */
export async function buildDigests(ctx: ServiceContext, recipients: readonly StaffMember[], source: DigestSource, intent: string): Promise<WeeklyDigest[]> {
  const scopes = recipients.map((staff) => source.students.filter((s) => isInScope(staff, s)));
  const requests: AccessRequest[] = recipients.flatMap((staff, r) => scopes[r]!.flatMap((student) => KINDS.map((kind) => ({ staff, student, action: 'read' as const, kind, intent }))));
  const decisions = requests.length ? await ctx.guard.checkMany(requests) : [];
  const allowed = recipients.map(() => new Set<string>());
  let i = 0;
  recipients.forEach((_, r) => {
    for (const student of scopes[r]!) for (const kind of KINDS) if (decisions[i++]!.allowed) allowed[r]!.add(`${student.id}:${kind}`);
  });
  const digests = recipients.map((staff, r) => assemble(staff, scopes[r]!, allowed[r]!, source));
  const names = await staffNames(ctx.db, digests.flatMap((d) => d.urgentNotes.map((n) => n.authorId)));
  for (const note of digests.flatMap((d) => d.urgentNotes)) {
    const name = names.get(note.authorId);
    if (name) note.authorName = `${name.familyName} ${name.givenName}`;
  }
  return digests;
}

/** One recipient's digest from what they may read (`allowed`: "studentId:kind"). */
function assemble(staff: StaffMember, students: StudentIdentity[], allowed: Set<string>, source: DigestSource): WeeklyDigest {
  const { weekOf, weekEnd } = source;
  const digest: WeeklyDigest = {
    recipientId: staff.id,
    weekOf,
    weekEnd,
    inScope: students.length,
    attendanceDaysRecorded: 0,
    tierCounts: { 1: 0, 2: 0, 3: 0 },
    escalations: [],
    newStreaks: [],
    improvements: [],
    urgentNotes: [],
    reviewsDue: [],
    observationCount: 0,
    observationsByCategory: {},
    unwatched: [],
  };
  if (!source.year) return digest;

  const end = weekEnd < source.year.lastRecorded ? weekEnd : source.year.lastRecorded;
  const before = addDays(weekOf, -1);
  const featured = new Set<string>();
  const counts = new Map<ObservationCategory | 'uncategorised', number>();
  for (const student of students) {
    const loaded = source.records.get(student.id);
    if (!loaded) continue;
    const may = (kind: RecordKind) => allowed.has(`${student.id}:${kind}`);
    const visible: Visible = {
      attendance: may('attendance') ? loaded.attendance : [],
      observations: may('observation') ? loaded.observations.filter((o) => mayReadObservation(staff, o)) : [],
      plans: may('support_plan') ? loaded.plans : [],
    };
    const viewKey = `${may('attendance') ? 'a' : ''}${may('support_plan') ? 'p' : ''}|${visible.observations.map((o) => o.id).join(',')}`;
    const now = analyseAt(source, student, visible, end, viewKey);
    const then = analyseAt(source, student, visible, before, viewKey);
    digest.tierCounts[now.tier.tier] += 1;
    if (may('attendance')) digest.attendanceDaysRecorded += source.weekAttendanceDays.get(student.id) ?? 0;

    const wasOver = thresholds(then);
    const crossed = [...thresholds(now)].filter((c) => !wasOver.has(c));
    if (now.tier.tier > then.tier.tier || crossed.length) {
      digest.escalations.push({ student, tierBefore: then.tier.tier, tierNow: now.tier.tier, crossed, absenceRate: now.attendance.absenceRate, raisedForUrgent: now.tier.raisedForUrgent });
      featured.add(student.id);
    }
    const streak = now.attendance.patterns.find((p) => p.code === 'non_attendance_streak');
    const streakBefore = then.attendance.patterns.some((p) => p.code === 'non_attendance_streak');
    if (streak && !streakBefore) {
      digest.newStreaks.push({ student, since: String(streak.details.since), days: Number(streak.details.length) });
      featured.add(student.id);
    }
    // Worth celebrating every week it holds, not only the week it began.
    if (now.tier.tier < then.tier.tier || now.attendance.trend === 'improving') {
      digest.improvements.push({ student, tierBefore: then.tier.tier, tierNow: now.tier.tier, trend: now.attendance.trend });
    }

    const thisWeek = visible.observations.filter((o) => o.date >= weekOf && o.date <= weekEnd);
    digest.observationCount += thisWeek.length;
    for (const o of thisWeek) {
      for (const c of o.categories.length ? o.categories : (['uncategorised'] as const)) counts.set(c, (counts.get(c) ?? 0) + 1);
      if (o.concern === 'urgent' || o.categories.includes('safeguarding')) {
        digest.urgentNotes.push({ student, observationId: o.id, date: o.date, authorId: o.authorId, text: o.text });
        featured.add(student.id);
      }
    }

    const cadence = CADENCE_DAYS[now.tier.tier];
    for (const plan of visible.plans) {
      if (plan.status !== 'active') continue;
      const touched = [plan.startedOn, source.lastActionOn.get(plan.id) ?? ''].sort().at(-1)!;
      const byCadence = cadence ? addDays(touched, cadence) : plan.reviewOn;
      const dueOn = byCadence < plan.reviewOn ? byCadence : plan.reviewOn;
      if (dueOn <= weekEnd) digest.reviewsDue.push({ student, planId: plan.id, goal: plan.goal, tier: now.tier.tier, dueOn });
    }

    if (now.tier.tier >= 2) {
      const lastNoteOn = visible.observations.filter((o) => o.date <= weekEnd).at(-1)?.date ?? null;
      if (!lastNoteOn || lastNoteOn <= addDays(weekEnd, -UNWATCHED_AFTER_DAYS)) {
        digest.unwatched.push({ student, tier: now.tier.tier, lastNoteOn });
        featured.add(student.id);
      }
    }
  }

  // In the canonical order, so every digest lists the categories alike.
  for (const c of [...OBSERVATION_CATEGORIES, 'uncategorised' as const]) if (counts.has(c)) digest.observationsByCategory[c] = counts.get(c)!;
  digest.urgentNotes.sort((a, b) => a.date.localeCompare(b.date));
  digest.reviewsDue.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  digest.escalations.sort((a, b) => b.tierNow - a.tierNow || (b.absenceRate ?? 0) - (a.absenceRate ?? 0));
  const chart = chartFor(staff, students, featured, source, allowed);
  if (chart) digest.chart = chart;
  return digest;
}

/** A homeroom teacher's class; for everyone else, the students this digest names. */
function chartFor(staff: StaffMember, students: StudentIdentity[], featured: Set<string>, source: DigestSource, allowed: Set<string>): ChartGrid | undefined {
  if (!source.schoolDays.length) return undefined;
  const classId = staff.role === 'homeroom_teacher' ? staff.homeroomClassIds[0] : undefined;
  const shown = (classId ? students.filter((s) => s.classId === classId) : students.filter((s) => featured.has(s.id)))
    .filter((s) => allowed.has(`${s.id}:attendance`))
    .slice(0, CHART_ROWS);
  if (!shown.length) return undefined;
  const rows = shown.map((student) => {
    const byDate = new Map((source.records.get(student.id)?.attendance ?? []).map((a) => [a.date, a.status]));
    return { student, statuses: source.schoolDays.map((d) => byDate.get(d) ?? null) };
  });
  return { ...(classId ? { classId } : {}), days: source.schoolDays, rows };
}
