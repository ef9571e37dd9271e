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
import { THRESHOLD_CODES, UNWATCHED_AFTER_DAYS, type ChartGrid, type Escalation, type Improvement, type NewStreak, type ReviewDue, type ThresholdCode, type Unwatched, type UrgentNote, type WeeklyDigest } from './types.ts';

const KINDS: RecordKind[] = ['attendance', 'observation', 'support_plan'];
/** DOMAIN.md review cadence: tier 3 weekly, tier 2 every other week. */
const CADENCE_DAYS: Record<Tier, number | null> = { 1: null, 2: 14, 3: 7 };
/** A chart wider than a class is unreadable; the digest's own students are what matter then. */
const CHART_ROWS = 40;

type Visible = Pick<LoadedRecords, 'attendance' | 'observations' | 'plans'>;
type State = { attendance: AttendanceAnalysis; tier: TierAssessment };

/**
 * A student's state at `cutoff` from the records a view shows. The attendance analysis (the costly
 * part) depends on attendance alone, so every view that shows attendance shares it; the tier also
 * weighs the notes and plans the view shows.
 */
function analyseAt(source: DigestSource, student: StudentIdentity, visible: Visible, cutoff: string): State {
  const records = recordsAt(source, student, visible, cutoff);
  const attendanceKey = `${student.id}|${cutoff}|${visible.attendance.length ? 'a' : ''}`;
  let attendance = source.attendanceAnalyses.get(attendanceKey);
  if (!attendance) {
    attendance = analyseAttendance(records);
    source.attendanceAnalyses.set(attendanceKey, attendance);
  }
  return { attendance, tier: assessTier(records, attendance) };
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

/**
 * Which of a student's records a recipient sees, as a key shared by everyone who sees the same:
 * the kinds allowed, and the notes — decided by role class (all, team, health) and whether the
 * recipient wrote any of this student's notes (their own are always theirs to read).
 */
function viewOf(staff: StaffMember, loaded: LoadedRecords, may: (kind: RecordKind) => boolean) {
  const notes = staff.role === 'counselor' || staff.role === 'admin' ? 'all' : staff.role === 'nurse' ? 'health' : 'team';
  const authored = may('observation') && loaded.observations.some((o) => o.authorId === staff.id);
  return {
    key: `${may('attendance') ? 'a' : ''}${may('observation') ? 'o' : ''}${may('support_plan') ? 'p' : ''}|${notes}${authored ? `|${staff.id}` : ''}`,
    visible: (): Visible => ({
      attendance: may('attendance') ? loaded.attendance : [],
      observations: may('observation') ? loaded.observations.filter((o) => mayReadObservation(staff, o)) : [],
      plans: may('support_plan') ? loaded.plans : [],
    }),
  };
}

type Without<T> = Omit<T, 'student'>;

/** What one student adds to a digest under one view; the same for every recipient with that view. */
export interface StudentPart {
  tier: Tier;
  attendanceDays: number;
  notesThisWeek: number;
  categories: [ObservationCategory | 'uncategorised', number][];
  escalation?: Without<Escalation>;
  streak?: Without<NewStreak>;
  improvement?: Without<Improvement>;
  urgentNotes: Without<UrgentNote>[];
  reviews: Without<ReviewDue>[];
  unwatched?: Without<Unwatched>;
  /** Named by the digest: a row of the chart for recipients without a class of their own. */
  featured: boolean;
}

function studentPart(source: DigestSource, student: StudentIdentity, visible: Visible, attendanceAllowed: boolean): StudentPart {
  const { weekOf, weekEnd } = source;
  const year = source.year!;
  const now = analyseAt(source, student, visible, weekEnd < year.lastRecorded ? weekEnd : year.lastRecorded);
  const then = analyseAt(source, student, visible, addDays(weekOf, -1));
  const part: StudentPart = { tier: now.tier.tier, attendanceDays: attendanceAllowed ? (source.weekAttendanceDays.get(student.id) ?? 0) : 0, notesThisWeek: 0, categories: [], urgentNotes: [], reviews: [], featured: false };

  const wasOver = thresholds(then);
  const crossed = [...thresholds(now)].filter((c) => !wasOver.has(c));
  if (now.tier.tier > then.tier.tier || crossed.length) {
    part.escalation = { tierBefore: then.tier.tier, tierNow: now.tier.tier, crossed, absenceRate: now.attendance.absenceRate, raisedForUrgent: now.tier.raisedForUrgent };
    part.featured = true;
  }
  const streak = now.attendance.patterns.find((p) => p.code === 'non_attendance_streak');
  if (streak && !then.attendance.patterns.some((p) => p.code === 'non_attendance_streak')) {
    part.streak = { since: String(streak.details.since), days: Number(streak.details.length) };
    part.featured = true;
  }
  // Worth celebrating every week it holds, not only the week it began.
  if (now.tier.tier < then.tier.tier || now.attendance.trend === 'improving') {
    part.improvement = { tierBefore: then.tier.tier, tierNow: now.tier.tier, trend: now.attendance.trend };
  }

  const counts = new Map<ObservationCategory | 'uncategorised', number>();
  for (const o of visible.observations) {
    if (o.date < weekOf || o.date > weekEnd) continue;
    part.notesThisWeek += 1;
    for (const c of o.categories.length ? o.categories : (['uncategorised'] as const)) counts.set(c, (counts.get(c) ?? 0) + 1);
    if (o.concern === 'urgent' || o.categories.includes('safeguarding')) {
      part.urgentNotes.push({ observationId: o.id, date: o.date, authorId: o.authorId, text: o.text });
      part.featured = true;
    }
  }
  part.categories = [...counts];

  const cadence = CADENCE_DAYS[now.tier.tier];
  for (const plan of visible.plans) {
    if (plan.status !== 'active') continue;
    const touched = [plan.startedOn, source.lastActionOn.get(plan.id) ?? ''].sort().at(-1)!;
    const byCadence = cadence ? addDays(touched, cadence) : plan.reviewOn;
    const dueOn = byCadence < plan.reviewOn ? byCadence : plan.reviewOn;
    if (dueOn <= weekEnd) part.reviews.push({ planId: plan.id, goal: plan.goal, tier: now.tier.tier, dueOn });
  }

  if (now.tier.tier >= 2) {
    const lastNoteOn = visible.observations.filter((o) => o.date <= weekEnd).at(-1)?.date ?? null;
    if (!lastNoteOn || lastNoteOn <= addDays(weekEnd, -UNWATCHED_AFTER_DAYS)) {
      part.unwatched = { tier: now.tier.tier, lastNoteOn };
      part.featured = true;
    }
  }
  return part;
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

  const featured = new Set<string>();
  const counts = new Map<ObservationCategory | 'uncategorised', number>();
  for (const student of students) {
    const loaded = source.records.get(student.id);
    if (!loaded) continue;
    const may = (kind: RecordKind) => allowed.has(`${student.id}:${kind}`);
    const view = viewOf(staff, loaded, may);
    const partKey = `${student.id}|${view.key}`;
    let part = source.parts.get(partKey);
    if (!part) {
      part = studentPart(source, student, view.visible(), may('attendance'));
      source.parts.set(partKey, part);
    }
    digest.tierCounts[part.tier] += 1;
    digest.attendanceDaysRecorded += part.attendanceDays;
    digest.observationCount += part.notesThisWeek;
    for (const [c, n] of part.categories) counts.set(c, (counts.get(c) ?? 0) + n);
    if (part.escalation) digest.escalations.push({ student, ...part.escalation });
    if (part.streak) digest.newStreaks.push({ student, ...part.streak });
    if (part.improvement) digest.improvements.push({ student, ...part.improvement });
    for (const note of part.urgentNotes) digest.urgentNotes.push({ student, ...note });
    for (const review of part.reviews) digest.reviewsDue.push({ student, ...review });
    if (part.unwatched) digest.unwatched.push({ student, ...part.unwatched });
    if (part.featured) featured.add(student.id);
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
