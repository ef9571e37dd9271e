// The weekly digest on a constructed school: each section has a student who must appear in it,
// and the access policy decides who sees what, as in any answer.
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceContext, type ServiceContext } from '../../../src/services/context.ts';
import { buildDigest, loadDigestSource, weeklyDigest, type WeeklyDigest } from '../../../src/services/digest/index.ts';
import { composeWeeklyDigest } from '../../../src/engine/compose/weekly-digest.ts';
import { findStaffMember } from '../../../src/store/staff-repository.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildConstructedSchool, NOW, WEEK } from './constructed-school.ts';

let database: TestDatabase;
let ctx: ServiceContext;
beforeAll(async () => {
  database = await createTestDatabase();
  await buildConstructedSchool(database.db);
  ctx = serviceContext(database, () => NOW);
});
afterAll(async () => database.destroy());

const staff = async (id: string) => (await findStaffMember(database.db, id))!;
const digestOf = async (id: string, week = WEEK) => weeklyDigest(ctx, await staff(id), week, 'digest_preview');
const ids = (items: { student: { id: string } }[]) => items.map((i) => i.student.id);

describe("a homeroom teacher's digest (T1, class 1-1)", () => {
  let digest: WeeklyDigest;
  beforeAll(async () => {
    digest = await digestOf('T1');
  });

  it('covers their class only, and never a student of another class', async () => {
    expect(digest.inScope).toBe(3);
    const text = composeWeeklyDigest(digest, 'ja').text;
    expect(text).not.toMatch(/千葉|千夏|死にたい/);
    expect(digest.urgentNotes).toEqual([]);
  });

  it('names the student who crossed the chronic-absence line this week, and the new five-day streak', () => {
    expect(digest.escalations).toEqual([expect.objectContaining({ student: expect.objectContaining({ id: 'B' }), crossed: expect.arrayContaining(['chronic_absence']) })]);
    expect(digest.newStreaks).toEqual([expect.objectContaining({ student: expect.objectContaining({ id: 'B' }), since: '2026-11-13', days: 6 })]);
  });

  it('celebrates the student whose attendance is improving', () => {
    expect(ids(digest.improvements)).toEqual(['D']);
  });

  it('lists the support plan due by tier cadence (tier 2: two weeks after its last step)', () => {
    expect(digest.reviewsDue).toEqual([expect.objectContaining({ planId: 'plan-b', dueOn: '2026-10-15', tier: 2 })]);
  });

  it('counts this week’s notes they may read by category (not the counselor’s confidential note)', () => {
    expect(digest.observationCount).toBe(1);
    expect(digest.observationsByCategory).toEqual({ health: 1 });
  });

  it('flags tier 2-3 students nobody has written about for three weeks', () => {
    expect(digest.unwatched).toEqual([
      expect.objectContaining({ student: expect.objectContaining({ id: 'B' }), lastNoteOn: null }),
      expect.objectContaining({ student: expect.objectContaining({ id: 'D' }), lastNoteOn: '2026-06-01' }),
    ]);
  });

  it('attaches the class’s week as a PNG grid: a row per student, a column per school day', () => {
    const reply = composeWeeklyDigest(digest, 'ja');
    const chart = reply.attachments?.[0];
    expect(chart).toMatchObject({ filename: `attendance-${WEEK}.png`, contentType: 'image/png' });
    const png = PNG.sync.read(Buffer.from(chart!.data));
    expect(png.width).toBeGreaterThan(100);
    expect(digest.chart?.rows.map((r) => r.student.id)).toEqual(['A', 'B', 'D']);
    expect(digest.chart?.days).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']);
    expect(digest.chart?.rows[1]!.statuses).toEqual(['absent', 'absent', 'absent', 'absent', 'absent']);
    expect(reply.sensitivity).toBe('restricted');
  });

  it('links each student to asking the bot about them, in either language', () => {
    expect(composeWeeklyDigest(digest, 'ja').text).toContain('→ 「坂本大和さんの様子は？」');
    expect(composeWeeklyDigest(digest, 'en').text).toContain('→ "How is Yamato Sakamoto?"');
  });

  it('audits the reads it made for the digest', async () => {
    const rows = await database.db.auditEvent.findMany({ where: { actorId: 'T1', intent: 'digest_preview' } });
    // One row per student of the class, listing the three kinds read.
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row.kind).toBe('attendance,observation,support_plan');
  });
});

describe('the safeguarding item', () => {
  it('is listed in full, first, in the digests of those who may read it', async () => {
    for (const who of ['T2', 'C1', 'N1', 'A1']) {
      const digest = await digestOf(who);
      expect(digest.urgentNotes.map((n) => n.observationId)).toEqual(['obs-c-urgent']);
      const text = composeWeeklyDigest(digest, 'ja').text;
      expect(text).toContain('「ノートに「死にたい」と書いていた。本人と話し、SCにつないだ。」');
      expect(text.indexOf('■ 要対応・安全に関わる記録')).toBeLessThan(text.indexOf('■ 状況が重くなった生徒'));
    }
  });
});

describe('SECURITY checklist 12: digest for a teacher -> only that teacher\'s students (by role)', () => {
  it("the counselor's digest covers the whole school and includes confidential notes", async () => {
    const digest = await digestOf('C1');
    expect(digest.inScope).toBe(4);
    expect(digest.observationsByCategory).toMatchObject({ family: 1, health: 1, safeguarding: 1 });
  });

  it("the nurse's digest counts only health and safeguarding notes", async () => {
    const digest = await digestOf('N1');
    expect(digest.observationCount).toBe(2);
    expect(digest.observationsByCategory.family).toBeUndefined();
  });
});

describe('an empty week', () => {
  it('says there is no data, and never reads as all clear', async () => {
    const digest = await digestOf('T1', '2026-11-23');
    expect(digest.attendanceDaysRecorded).toBe(0);
    expect(digest.observationCount).toBe(0);
    const ja = composeWeeklyDigest(digest, 'ja').text;
    expect(ja).toContain('この週の出欠の記録はまだありません');
    expect(ja).toContain('問題がないという意味ではありません');
    const en = composeWeeklyDigest(digest, 'en').text;
    expect(en).toContain('does not mean all is well');
    expect(en).not.toMatch(/all clear|nothing to report/i);
  });

  it('a school with no attendance at all gets the same honest answer', async () => {
    const empty = await createTestDatabase();
    try {
      await empty.db.staff.create({ data: { id: 'T9', familyName: '空', givenName: '先生', role: 'counselor' } });
      const digest = await weeklyDigest(serviceContext(empty, () => NOW), (await findStaffMember(empty.db, 'T9'))!, WEEK, 'digest_preview');
      expect(digest).toMatchObject({ inScope: 0, attendanceDaysRecorded: 0, urgentNotes: [], escalations: [] });
      expect(composeWeeklyDigest(digest, 'ja').text).toContain('まだありません');
    } finally {
      await empty.destroy();
    }
  });
});

describe('one source for every recipient (the scheduled run)', () => {
  it('gives each recipient the same digest as reading alone', async () => {
    const source = await loadDigestSource(ctx, WEEK);
    for (const who of ['T1', 'T2', 'C1', 'N1']) {
      const shared = await buildDigest(ctx, await staff(who), source, 'weekly_digest');
      expect(shared).toEqual(await digestOf(who));
    }
  });
});
