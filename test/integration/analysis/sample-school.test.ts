// The analysis engine over the sample school's real export, through the database, the access
// policy and the audit: what ../shared/sample-school/README.md and its observations show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceContext } from '../../../src/services/context.ts';
import { importSchool } from '../../../src/store/import/index.ts';
import { findStaffMember } from '../../../src/store/staff-repository.ts';
import { findStudent } from '../../../src/store/student-repository.ts';
import { analyseStudentFor, attentionList, type AnalysisResult } from '../../../src/services/student-analysis.ts';
import type { ServiceContext } from '../../../src/services/context.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { SAMPLE_NOW, SAMPLE_SCHOOL_DIR } from '../../helpers/sample-school.ts';

let database: TestDatabase;
let ctx: ServiceContext;

beforeAll(async () => {
  database = await createTestDatabase();
  await importSchool(database.db, SAMPLE_SCHOOL_DIR, {});
  const now = () => SAMPLE_NOW;
  ctx = serviceContext(database, now);
});
afterAll(async () => database.destroy());

async function analyse(studentId: string, as = 'C01'): Promise<AnalysisResult> {
  const staff = (await findStaffMember(ctx.db, as))!;
  const student = (await findStudent(ctx.db, studentId))!;
  return (await analyseStudentFor(ctx, staff, student, 'analyze')).analysis;
}
const codes = (a: AnalysisResult) => a.patterns.map((p) => p.code);

describe('the sample school, analysed', () => {
  it('S002: Monday avoidance, an F1 hypothesis, and the Monday check-in that has not helped ranks lower', async () => {
    const a = await analyse('S002');
    expect(codes(a)).toContain('day_of_week_avoidance:mon');
    expect(a.hypotheses[0]?.function).toBe('F1');
    const checkIn = a.suggestions.find((s) => s.tried);
    if (checkIn) {
      expect(checkIn.action).toBe('reconsider');
      expect(checkIn.tried?.effect).toBe('no_effect');
    }
    for (const s of a.suggestions) expect(s.evidence.length).toBeGreaterThan(0);
  });

  it('S003: a non-attendance streak since 5 October, over the futoko threshold, tier 3, F4', async () => {
    const a = await analyse('S003');
    const streak = a.patterns.find((p) => p.code === 'non_attendance_streak');
    expect(streak?.details.since).toBe('2026-10-05');
    expect(codes(a)).toContain('futoko_threshold');
    expect(a.tier.tier).toBe(3);
    expect(a.tier.reviewEveryDays).toBe(7);
    expect(a.hypotheses[0]?.function).toBe('F4');
  });

  it("S004: growing nurse's-office attendance", async () => {
    const a = await analyse('S004');
    const nurse = a.patterns.find((p) => p.code === 'nurse_office');
    expect(nurse).toBeDefined();
    expect(JSON.stringify(nurse?.details)).toMatch(/grow|increas|recent/i);
  });

  it('S006: improving', async () => {
    const a = await analyse('S006');
    expect(a.trend).toBe('improving');
    expect(codes(a)).toContain('improving');
  });

  it('S007: test-day absences, F2', async () => {
    const a = await analyse('S007');
    expect(codes(a)).toContain('event_avoidance');
    expect(a.hypotheses.map((h) => h.function)).toContain('F2');
  });

  it.each(['S001', 'S011'])('%s: regular, tier 1, no alarm and nothing to suggest', async (id) => {
    const a = await analyse(id);
    expect(codes(a)).toEqual(['regular']);
    expect(a.tier.tier).toBe(1);
    expect(a.suggestions).toEqual([]);
  });

  it('every claim cites records that exist', async () => {
    const a = await analyse('S003');
    expect(a.evidence.length).toBeGreaterThan(5);
    const observationIds = new Set((await ctx.db.observation.findMany({ select: { id: true } })).map((o) => o.id));
    for (const e of a.evidence.filter((e) => e.kind === 'observation')) expect(observationIds.has(e.id)).toBe(true);
    for (const e of a.evidence.filter((e) => e.kind === 'attendance')) expect(e.id).toMatch(/^S003:\d{4}-\d{2}-\d{2}$/);
  });

  it('a homeroom teacher’s analysis leaves out the counselor’s confidential notes', async () => {
    const a = await analyse('S003', 'T01');
    const confidential = await ctx.db.observation.findMany({ where: { studentId: 'S003', visibility: 'confidential' }, select: { id: true } });
    expect(confidential.length).toBeGreaterThan(0);
    for (const c of confidential) expect(a.evidence.map((e) => e.id)).not.toContain(c.id);
  });

  it('a subject teacher’s analysis uses no assessments or surveys', async () => {
    const a = await analyse('S002', 'T03');
    expect(a.strengths.filter((s) => s.evidence.some((e) => e.kind === 'big_five' || e.kind === 'competency'))).toEqual([]);
    expect(a.evidence.filter((e) => e.kind === 'environment' || e.kind === 'big_five' || e.kind === 'competency')).toEqual([]);
  });
});

describe('attention', () => {
  it("T01's list: only 2-1, most pressing first, regular students left out", async () => {
    const t01 = (await findStaffMember(ctx.db, 'T01'))!;
    const { items, inScope } = await attentionList(ctx, t01, 'list_attention');
    expect(inScope).toBe(6);
    expect(items.every((i) => i.student.classId === '2-1')).toBe(true);
    expect(items[0]?.student.id).toBe('S003');
    expect(items.map((i) => i.student.id)).not.toContain('S001');
  });

  it("the counselor's list puts the urgent safeguarding note first", async () => {
    const c01 = (await findStaffMember(ctx.db, 'C01'))!;
    const { items } = await attentionList(ctx, c01, 'list_attention');
    expect(items[0]).toMatchObject({ urgent: true, student: { id: 'S010' } });
  });

  it('audits each student read, in one write per list', async () => {
    const where = { actorId: 'T02', intent: 'list_attention' };
    const before = await ctx.db.auditEvent.findMany({ where, select: { id: true } });
    await attentionList(ctx, (await findStaffMember(ctx.db, 'T02'))!, 'list_attention');
    const written = await ctx.db.auditEvent.findMany({ where: { ...where, id: { notIn: before.map((r) => r.id) } } });
    // One row per student of class 2-2, listing the kinds the list read.
    expect(written.map((r) => r.studentId).sort()).toEqual(['S007', 'S008', 'S009', 'S010', 'S011', 'S012']);
    for (const row of written) expect(row.kind.split(',').length).toBeGreaterThanOrEqual(3);
  });
});
