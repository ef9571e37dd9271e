// Builds the synthetic demo school into an empty database: a believable junior high for the
// school year containing `now`, so a newcomer can chat with the bot without any configuration.
// Everything is computed in memory from the seed and `now` alone, then written in one
// transaction, so a failed build leaves the database empty (and the next start tries again)
// rather than half a school that would never be rebuilt.
import { schoolDateOf, schoolYearStart } from '../../domain/dates.ts';
import type { Db } from '../database.ts';
import { assessmentDates, bigFive, competencies, environmentSurvey, type BigFiveRow, type CompetencyRow, type EnvironmentRow } from './assessments.ts';
import { studentAttendance, type AttendanceRow } from './attendance.ts';
import { buildCalendar } from './calendar.ts';
import { defaultClassOf, planClasses } from './classes.ts';
import { createIdMaker } from './ids.ts';
import { buildObservations } from './observations.ts';
import { buildPlans } from './plans.ts';
import { assignProfiles, KINDS, type ProfileKind, type SafeguardingKind } from './profiles.ts';
import { describeSchoolDays } from './school-days.ts';
import { buildStaff, DEMO_DEFAULT_STAFF_ID } from './staff.ts';
import { buildStudents } from './students.ts';
import { insertRows, type Writer } from './write.ts';

const STUDENT_COLUMNS = ['id', 'familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'grade', 'classId', 'homeroomId', 'enrolledOn', 'createdAt', 'updatedAt'] as const;
const OBSERVATION_COLUMNS = ['id', 'studentId', 'authorId', 'observedAt', 'text', 'categories', 'setting', 'mood', 'concern', 'visibility', 'source', 'importKey', 'createdAt', 'updatedAt'] as const;
const PLAN_COLUMNS = ['id', 'studentId', 'startedOn', 'tier', 'goal', 'strategy', 'ownerId', 'reviewOn', 'status', 'outcome', 'importKey', 'createdAt', 'updatedAt'] as const;

export const DEMO_DEFAULT_STUDENTS = 360;
export const DEMO_DEFAULT_SEED = 20260406;
/** Beyond this the build stops being a demo; 20 000 students is already a district, not a school. */
export const DEMO_MAX_STUDENTS = 20_000;

export interface BuildDemoOptions {
  now: Date;
  students?: number;
  seed?: number;
  onProgress?: (message: string) => void;
}

export interface DemoHighlight {
  studentId: string;
  name: string;
  kana: string;
  profile: ProfileKind;
  safeguarding?: SafeguardingKind;
}

export interface DemoSummary {
  seed: number;
  students: number;
  schoolYear: number;
  now: string;
  firstSchoolDay: string | null;
  lastSchoolDay: string | null;
  schoolDays: number;
  defaultStaffId: string;
  defaultClassId: string;
  counts: {
    classes: number;
    staff: number;
    staffClasses: number;
    students: number;
    calendarEntries: number;
    attendance: number;
    bigFive: number;
    competencies: number;
    environment: number;
    observations: number;
    supportPlans: number;
    supportActions: number;
  };
  profiles: Record<ProfileKind, number>;
  /** The default teacher's students who have a pattern worth asking about. */
  highlights: DemoHighlight[];
}

/** True when the school has neither staff nor students: nothing imported, no demo built yet. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [staff, students] = await Promise.all([db.staff.count(), db.student.count()]);
  return staff === 0 && students === 0;
}

function validate(options: BuildDemoOptions): { students: number; seed: number } {
  const students = options.students ?? DEMO_DEFAULT_STUDENTS;
  const seed = options.seed ?? DEMO_DEFAULT_SEED;
  if (!Number.isInteger(students) || students < 1 || students > DEMO_MAX_STUDENTS) {
    throw new RangeError(`students must be a whole number from 1 to ${DEMO_MAX_STUDENTS} (got ${students})`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed must be a whole number from 0 to 4294967295 (got ${seed})`);
  if (!(options.now instanceof Date) || Number.isNaN(options.now.getTime())) throw new RangeError('now must be a valid Date');
  return { students, seed };
}

export async function buildDemoSchool(db: Db, options: BuildDemoOptions): Promise<DemoSummary> {
  const { students: size, seed } = validate(options);
  const now = new Date(options.now);
  const progress = options.onProgress ?? (() => {});
  if (!(await isDatabaseEmpty(db))) throw new Error('the database already holds a school; the demo school is only built into an empty database');

  const today = schoolDateOf(now);
  const calendar = buildCalendar(Number(schoolYearStart(today).slice(0, 4)));
  const elapsed = calendar.schoolDays.filter((d) => d <= today);
  const days = describeSchoolDays(calendar, elapsed);
  const dayMap = new Map(days.map((d) => [d.date, d]));

  const classes = planClasses(size);
  const defaultClass = defaultClassOf(classes);
  const staff = buildStaff(seed, classes, defaultClass.id, size);
  const students = buildStudents(seed, classes, staff, calendar, elapsed, defaultClass.id);
  const profiles = assignProfiles(seed, students, defaultClass.id);
  const planted = new Set(students.filter((s) => s.classId === defaultClass.id && profiles.get(s.id)?.kind !== 'regular').map((s) => s.id));
  progress(`demo: ${students.length} students, ${staff.length} staff, ${classes.length} classes, ${elapsed.length} school days`);

  const attendance = new Map<string, AttendanceRow[]>();
  for (const s of students) attendance.set(s.id, studentAttendance(seed, s, profiles.get(s.id)!, days));

  const dates = assessmentDates(calendar);
  const big5: BigFiveRow[] = [];
  const ratings: CompetencyRow[] = [];
  const environment: EnvironmentRow[] = [];
  for (const s of students) {
    const p = profiles.get(s.id)!;
    // Only surveys that have happened, and only for students who were enrolled by then.
    if (dates.bigFive <= today && s.enrolledOn <= dates.bigFive) big5.push(bigFive(seed, s, p, dates.bigFive));
    if (dates.competencies <= today && s.enrolledOn <= dates.competencies) ratings.push(...competencies(seed, s, p, dates.competencies));
    dates.environment.forEach((on, round) => {
      if (on <= today && s.enrolledOn <= on) environment.push(...environmentSurvey(seed, s, p, on, round));
    });
  }

  progress('demo: attendance and assessments drawn');
  const observations = buildObservations({ seed, now, students, profiles, attendance, day: dayMap, staff, newId: createIdMaker(seed, 'observation') }, planted);
  const { plans, actions } = buildPlans(
    { seed, now, students, profiles, attendance, days, staff, observations, newPlanId: createIdMaker(seed, 'plan'), newActionId: createIdMaker(seed, 'action') },
    planted,
  );

  progress('demo: observations and plans drawn');
  const attendanceRows = students.flatMap((s) => attendance.get(s.id) ?? []);
  const staffClasses = staff.flatMap((m) => [
    ...(m.homeroomClassId ? [{ staffId: m.id, classId: m.homeroomClassId, relation: 'homeroom' }] : []),
    ...m.taughtClassIds.map((classId) => ({ staffId: m.id, classId, relation: 'teaches' })),
  ]);
  const stamp = { createdAt: now, updatedAt: now };

  await db.$transaction(
    async (tx: Writer) => {
      await tx.schoolClass.createMany({ data: classes.map((c) => ({ id: c.id, grade: c.grade })) });
      await tx.staff.createMany({
        data: staff.map((m) => ({
          id: m.id, familyName: m.familyName, givenName: m.givenName, role: m.role, slackUserId: m.slackUserId,
          discordUserId: m.discordUserId, email: m.email, preferredLanguage: m.preferredLanguage, ...stamp,
        })),
      });
      await tx.staffClass.createMany({ data: staffClasses });
      await tx.calendarEntry.createMany({ data: calendar.entries });
      await insertRows(tx, 'Student', STUDENT_COLUMNS, students.map((s) => ({ ...s, ...stamp })));
      progress('demo: staff, classes and students written');
      await insertRows(tx, 'Attendance', ['studentId', 'date', 'status', 'periodsAttended', 'note'], attendanceRows, (n) =>
        progress(`demo: attendance ${n}/${attendanceRows.length}`),
      );
      await insertRows(tx, 'BigFiveResult', ['studentId', 'assessedOn', 'instrument', 'openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'], big5);
      await insertRows(tx, 'CompetencyRating', ['studentId', 'assessedOn', 'competency', 'score', 'rater'], ratings);
      await insertRows(tx, 'EnvironmentFactor', ['studentId', 'assessedOn', 'factor', 'value', 'note'], environment);
      progress('demo: assessments written');
      await insertRows(tx, 'Observation', OBSERVATION_COLUMNS, observations);
      await insertRows(tx, 'SupportPlan', PLAN_COLUMNS, plans);
      await insertRows(tx, 'SupportAction', ['id', 'planId', 'actedOn', 'actorId', 'description', 'outcome', 'createdAt'], actions);
      progress(`demo: ${observations.length} observations, ${plans.length} plans written`);
    },
    // A big school takes a while to write; the default Prisma limit (5 s) is for request handlers.
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );

  const profileCounts = Object.fromEntries(['regular', ...Object.keys(KINDS)].map((k) => [k, 0])) as Record<ProfileKind, number>;
  for (const p of profiles.values()) profileCounts[p.kind] += 1;
  const highlights = students
    .filter((s) => s.classId === defaultClass.id)
    .map((s) => ({ s, p: profiles.get(s.id)! }))
    .filter(({ p }) => p.kind !== 'regular' || p.safeguarding)
    .map(({ s, p }) => ({
      studentId: s.id,
      name: `${s.familyName} ${s.givenName}`,
      kana: `${s.familyNameKana} ${s.givenNameKana}`,
      profile: p.kind,
      ...(p.safeguarding ? { safeguarding: p.safeguarding } : {}),
    }));

  return {
    seed,
    students: students.length,
    schoolYear: calendar.schoolYear,
    now: now.toISOString(),
    firstSchoolDay: elapsed[0] ?? null,
    lastSchoolDay: elapsed.at(-1) ?? null,
    schoolDays: elapsed.length,
    defaultStaffId: DEMO_DEFAULT_STAFF_ID,
    defaultClassId: defaultClass.id,
    counts: {
      classes: classes.length,
      staff: staff.length,
      staffClasses: staffClasses.length,
      students: students.length,
      calendarEntries: calendar.entries.length,
      attendance: attendanceRows.length,
      bigFive: big5.length,
      competencies: ratings.length,
      environment: environment.length,
      observations: observations.length,
      supportPlans: plans.length,
      supportActions: actions.length,
    },
    profiles: profileCounts,
    highlights,
  };
}
