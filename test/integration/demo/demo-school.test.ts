// The default demo school: its size and shape, that the attendance patterns DOMAIN.md describes
// are really in the data, and that the records around them (notes, assessments, plans) fit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, schoolDateOf, weekday } from '../../../src/domain/dates.ts';
import { ATTENDANCE_STATUSES, OBSERVATION_CATEGORIES, ROLES } from '../../../src/domain/school.ts';
import { mentionsSafeguardingConcern } from '../../../src/analysis/safeguarding.ts';
import { buildDemoSchool, DEMO_DEFAULT_STAFF_ID, isDatabaseEmpty, type DemoSummary, type ProfileKind } from '../../../src/store/demo/index.ts';
import type { Db } from '../../../src/store/database.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';

const now = new Date('2026-11-20T17:00:00+09:00');
type Row = { studentId: string; date: string; status: string; periodsAttended: number };

describe('the default demo school', () => {
  let database: TestDatabase;
  let db: Db;
  let summary: DemoSummary;
  let attendance: Row[];
  const byStudent = new Map<string, Row[]>();
  let emptyBefore: boolean;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    emptyBefore = await isDatabaseEmpty(db);
    summary = await buildDemoSchool(db, { now });
    attendance = await db.attendance.findMany({ orderBy: [{ studentId: 'asc' }, { date: 'asc' }] });
    for (const r of attendance) byStudent.set(r.studentId, [...(byStudent.get(r.studentId) ?? []), r]);
  });
  afterAll(async () => database.destroy());

  /** The default class's student with this pattern, and their attendance. */
  const planted = (kind: ProfileKind) => {
    const h = summary.highlights.find((x) => x.profile === kind && !x.safeguarding);
    if (!h) throw new Error(`no ${kind} student in the default class`);
    return byStudent.get(h.studentId) ?? [];
  };
  const absentRate = (rows: Row[]) => (rows.length ? rows.filter((r) => r.status === 'absent').length / rows.length : 0);

  it('was empty before and is not after', async () => {
    expect(emptyBefore).toBe(true);
    expect(await isDatabaseEmpty(db)).toBe(false);
  });

  it('has about 360 students in 3 grades x 4 classes of about 30, and the summary matches the tables', async () => {
    expect(summary.students).toBe(360);
    expect(await db.student.count()).toBe(360);
    const classes = await db.schoolClass.findMany({ include: { _count: { select: { students: true } } } });
    expect(classes.map((c) => c.id).sort()).toEqual(['1-1', '1-2', '1-3', '1-4', '2-1', '2-2', '2-3', '2-4', '3-1', '3-2', '3-3', '3-4']);
    for (const c of classes) expect(c._count.students).toBeGreaterThanOrEqual(28);
    expect(summary.counts.attendance).toBe(attendance.length);
    expect(summary.counts.observations).toBe(await db.observation.count());
    expect(summary.counts.supportPlans).toBe(await db.supportPlan.count());
    expect(summary.counts.staff).toBe(await db.staff.count());
  });

  it('has staff of every role with demo identities, a homeroom teacher per class and teachers of several classes', async () => {
    const staff = await db.staff.findMany({ include: { classes: true } });
    for (const role of ROLES) expect(staff.some((s) => s.role === role)).toBe(true);
    expect(staff.filter((s) => s.role === 'admin').map((s) => s.id).sort()).toEqual(['A01', 'A02']);
    expect(staff.map((s) => s.id)).toEqual(expect.arrayContaining(['C01', 'N01']));
    const english = staff.filter((s) => s.preferredLanguage === 'en').length;
    expect(english).toBeGreaterThanOrEqual(1);
    expect(english).toBeLessThanOrEqual(2);
    for (const s of staff) {
      expect(s.slackUserId).toMatch(/^U0DEMO/);
      expect(s.discordUserId).toMatch(/^\d{18}$/);
      expect(s.email).toMatch(/@demo\.example\.ed\.jp$/);
    }
    const homerooms = staff.flatMap((s) => s.classes.filter((c) => c.relation === 'homeroom').map((c) => c.classId));
    expect(homerooms.sort()).toEqual([...new Set(homerooms)].sort());
    expect(homerooms).toHaveLength(12);
    for (const s of staff.filter((m) => m.role === 'subject_teacher')) expect(s.classes.length).toBeGreaterThanOrEqual(2);
  });

  it('makes T01 the default staff member: homeroom teacher of 2-1, which has students', async () => {
    expect(DEMO_DEFAULT_STAFF_ID).toBe('T01');
    expect(summary.defaultStaffId).toBe('T01');
    const t01 = await db.staff.findUniqueOrThrow({ where: { id: 'T01' }, include: { classes: true, homeroomOf: true } });
    expect(t01.role).toBe('homeroom_teacher');
    expect(t01.classes).toContainEqual(expect.objectContaining({ classId: '2-1', relation: 'homeroom' }));
    expect(t01.homeroomOf.length).toBeGreaterThanOrEqual(28);
    const kinds = new Set(summary.highlights.map((h) => h.profile));
    for (const k of ['monday_avoidance', 'futoko', 'improving', 'test_avoidance', 'night_lateness', 'nurse_office', 'early_leave', 'worsening', 'online'] as const) {
      expect(kinds.has(k)).toBe(true);
    }
    for (const h of summary.highlights) expect(t01.homeroomOf.map((s) => s.id)).toContain(h.studentId);
  });

  it('uses every attendance status with periods as the sample export counts them', () => {
    const statuses = new Set(attendance.map((r) => r.status));
    for (const s of ATTENDANCE_STATUSES) expect(statuses.has(s)).toBe(true);
    const periods: Record<string, [number, number]> = {
      present: [6, 6], absent: [0, 0], online: [6, 6], late: [3, 5], early_leave: [2, 4], nurse_office: [0, 0], separate_room: [0, 3],
    };
    const wrong = attendance.filter((r) => {
      const [lo, hi] = periods[r.status] as [number, number];
      return r.periodsAttended < lo || r.periodsAttended > hi;
    });
    expect(wrong).toEqual([]);
  });

  it('records attendance only on school days: never weekends, holidays or breaks, never after now', async () => {
    const calendar = await db.calendarEntry.findMany();
    const closed = new Set(calendar.filter((e) => e.kind === 'holiday').map((e) => e.date));
    const starts = calendar.filter((e) => e.kind === 'break_start').map((e) => e.date).sort();
    const ends = calendar.filter((e) => e.kind === 'break_end').map((e) => e.date).sort();
    starts.forEach((start, i) => {
      for (let d = start; d <= (ends[i] as string); d = addDays(d, 1)) closed.add(d);
    });
    expect(closed.has('2026-08-11')).toBe(true);
    const dates = [...new Set(attendance.map((r) => r.date))].sort();
    expect(dates).toHaveLength(125);
    expect(dates[0]).toBe('2026-04-06');
    expect(dates.at(-1)).toBe(schoolDateOf(now));
    for (const d of dates) {
      expect([0, 6]).not.toContain(weekday(d));
      expect(closed.has(d), d).toBe(false);
    }
  });

  it('has one row per student per school day from enrolment, with mid-year transfers', async () => {
    const students = await db.student.findMany();
    const days = [...new Set(attendance.map((r) => r.date))].sort();
    const transfers = students.filter((s) => s.enrolledOn > '2026-04-06');
    expect(transfers.length).toBeGreaterThanOrEqual(2);
    for (const s of students) {
      const rows = byStudent.get(s.id) ?? [];
      expect(rows.map((r) => r.date), s.id).toEqual(days.filter((d) => d >= s.enrolledOn));
    }
    for (const t of transfers) expect((byStudent.get(t.id) ?? []).length).toBeLessThan(days.length);
  });

  it('puts the patterns in the data', () => {
    const monday = planted('monday_avoidance');
    const mondayRate = absentRate(monday.filter((r) => weekday(r.date) === 1));
    expect(mondayRate).toBeGreaterThan(0.35);
    expect(mondayRate).toBeGreaterThan(3 * absentRate(monday.filter((r) => weekday(r.date) !== 1)));

    const futoko = planted('futoko');
    expect(futoko.filter((r) => r.status === 'absent').length).toBeGreaterThanOrEqual(30);
    let streak = 0;
    let longest = 0;
    for (const r of futoko) longest = Math.max(longest, (streak = r.status === 'absent' ? streak + 1 : 0));
    expect(longest).toBeGreaterThanOrEqual(5);

    const improving = planted('improving');
    const half = Math.floor(improving.length / 2);
    expect(absentRate(improving.slice(0, half))).toBeGreaterThan(2 * absentRate(improving.slice(half)));
    // The ladder: online and separate-room days come before the classroom days pick up again.
    expect(improving.slice(-20).filter((r) => r.status === 'present').length).toBeGreaterThan(10);

    const worsening = planted('worsening');
    expect(absentRate(worsening.slice(-15))).toBeGreaterThan(absentRate(worsening.slice(0, -25)) + 0.1);

    const tests = planted('test_avoidance');
    const testDays = new Set(['2026-05-27', '2026-05-28', '2026-07-02', '2026-07-03', '2026-10-14', '2026-10-15']);
    expect(absentRate(tests.filter((r) => testDays.has(r.date)))).toBeGreaterThan(0.5);
    expect(absentRate(tests.filter((r) => !testDays.has(r.date)))).toBeLessThan(0.15);

    const count = (rows: Row[], status: string) => rows.filter((r) => r.status === status).length;
    expect(count(planted('night_lateness'), 'late')).toBeGreaterThan(20);
    expect(count(planted('early_leave'), 'early_leave')).toBeGreaterThan(10);
    expect(count(planted('nurse_office'), 'nurse_office')).toBeGreaterThan(20);
    expect(count(planted('online'), 'online')).toBeGreaterThan(5);
  });

  it('keeps most of the school attending and about 5-10% with serious absence', () => {
    const rates = [...byStudent.values()].map(absentRate);
    const chronic = rates.filter((r) => r >= 0.1).length / rates.length;
    const severe = rates.filter((r) => r >= 0.2).length / rates.length;
    expect(chronic).toBeGreaterThan(0.04);
    expect(chronic).toBeLessThan(0.15);
    expect(severe).toBeGreaterThan(0.02);
    expect(severe).toBeLessThan(0.1);
    const futokoLevel = [...byStudent.values()].filter((rows) => rows.filter((r) => r.status === 'absent').length >= 30).length;
    expect(futokoLevel).toBeGreaterThanOrEqual(5);
  });

  it('has one Big Five per student in May, competencies by self, peer and teacher, and two environment surveys', async () => {
    const big5 = await db.bigFiveResult.findMany();
    expect(new Set(big5.map((b) => b.studentId)).size).toBe(big5.length);
    expect(big5.length).toBeGreaterThanOrEqual(355);
    for (const b of big5) {
      expect(b.assessedOn.slice(0, 7)).toBe('2026-05');
      for (const v of [b.openness, b.conscientiousness, b.extraversion, b.agreeableness, b.neuroticism]) {
        expect(v).toBeGreaterThanOrEqual(1);
        expect(v).toBeLessThanOrEqual(5);
        expect(Math.round(v * 10) / 10).toBe(v);
      }
    }
    const ratings = await db.competencyRating.findMany();
    expect(new Set(ratings.map((r) => r.competency))).toEqual(new Set(['resilience', 'collaboration', 'self_efficacy', 'curiosity', 'emotional_regulation', 'communication']));
    expect(new Set(ratings.map((r) => r.rater))).toEqual(new Set(['self', 'peer', 'teacher']));
    const environment = await db.environmentFactor.findMany();
    expect([...new Set(environment.map((e) => e.assessedOn))].sort().map((d) => d.slice(0, 7))).toEqual(['2026-06', '2026-11']);
    const qu = environment.filter((e) => e.factor === 'qu_group').map((e) => e.value);
    expect(qu).toContain('needs_support');
    expect(qu).toContain('harmed');
    expect(qu.filter((v) => v === 'satisfied').length).toBeGreaterThan(qu.length / 3);
  });

  it('leans Big Five mildly with the profile: F1/F2 students score higher on neuroticism on average', async () => {
    const anxious = new Set(summary.highlights.filter((h) => ['monday_avoidance', 'nurse_office', 'test_avoidance'].includes(h.profile)).map((h) => h.studentId));
    const big5 = await db.bigFiveResult.findMany({ where: { student: { classId: '2-1' } } });
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const others = big5.filter((b) => !summary.highlights.some((h) => h.studentId === b.studentId));
    expect(mean(big5.filter((b) => anxious.has(b.studentId)).map((b) => b.neuroticism))).toBeGreaterThan(mean(others.map((b) => b.neuroticism)));
  });

  it('has observations in Japanese and English that fit each record, with urgent safeguarding notes', async () => {
    const observations = await db.observation.findMany({ include: { author: true } });
    const japanese = observations.filter((o) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(o.text));
    const english = observations.filter((o) => /^[\x20-\x7e°]+$/.test(o.text));
    expect(japanese.length).toBeGreaterThan(200);
    expect(english.length).toBeGreaterThan(5);
    for (const o of english) expect(o.author.preferredLanguage).toBe('en');
    const urgent = observations.filter((o) => o.concern === 'urgent');
    expect(urgent.length).toBeGreaterThanOrEqual(1);
    expect(urgent.some((o) => o.text.includes('消えたい'))).toBe(true);
    for (const o of observations) {
      expect(o.source).toBe('import');
      expect(o.observedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(o.importKey).toBe(`${new Date(o.observedAt.getTime() + 9 * 3600_000).toISOString().slice(0, 16)}|${o.studentId}|${o.authorId}`);
      expect(o.concern === 'urgent', o.text).toBe(mentionsSafeguardingConcern(o.text));
      expect(o.categories.split(',').includes('safeguarding')).toBe(o.concern === 'urgent');
      for (const c of o.categories.split(',')) expect(OBSERVATION_CATEGORIES).toContain(c);
      expect(o.visibility).toBe(o.author.role === 'counselor' ? 'confidential' : 'team');
    }
    // A note about a Monday-morning call sits on a Monday in Tokyo.
    const mondayCalls = observations.filter((o) => o.text.startsWith('月曜日の朝'));
    expect(mondayCalls.length).toBeGreaterThan(0);
    for (const o of mondayCalls) expect(weekday(schoolDateOf(o.observedAt))).toBe(1);
    // The default class has notes in English too (its English teacher prefers English).
    const classIds = new Set((await db.student.findMany({ where: { classId: '2-1' } })).map((s) => s.id));
    expect(english.some((o) => classIds.has(o.studentId))).toBe(true);
  });

  it('has tier 2 and 3 support plans with outcomes and actions for the serious cases', async () => {
    const plans = await db.supportPlan.findMany({ include: { actions: true, owner: true } });
    expect(new Set(plans.map((p) => p.tier))).toEqual(new Set([2, 3]));
    expect(new Set(plans.map((p) => p.status))).toEqual(new Set(['active', 'completed', 'stopped']));
    for (const p of plans.filter((x) => x.status !== 'active')) {
      expect(p.outcome).not.toBe('');
      expect(p.reviewOn > p.startedOn).toBe(true);
    }
    for (const p of plans) {
      expect(p.startedOn <= schoolDateOf(now)).toBe(true);
      for (const a of p.actions) {
        expect(a.actedOn >= p.startedOn).toBe(true);
        expect(a.actedOn <= schoolDateOf(now)).toBe(true);
      }
    }
    expect(plans.filter((p) => p.actions.length > 0).length).toBeGreaterThan(5);
    const futoko = summary.highlights.find((h) => h.profile === 'futoko')!;
    const futokoPlans = plans.filter((p) => p.studentId === futoko.studentId);
    expect(futokoPlans.some((p) => p.tier === 3 && p.status === 'active')).toBe(true);
    const improving = summary.highlights.find((h) => h.profile === 'improving')!;
    expect(plans.some((p) => p.studentId === improving.studentId && p.status === 'completed' && p.outcome.startsWith('改善'))).toBe(true);
  });
});
