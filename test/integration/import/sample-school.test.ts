// The whole sample school imports, and what lands in the database is what the files say.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSchool, type ImportSummary } from '../../../src/store/import/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { SAMPLE_DIR } from './fixtures.ts';

describe('importing the sample school', () => {
  let database: TestDatabase;
  let summary: ImportSummary;
  const progress: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    summary = await importSchool(database.db, SAMPLE_DIR, { onProgress: (m) => progress.push(m) });
  });
  afterAll(async () => database.destroy());

  it('adds every row of every file', () => {
    const byFile = Object.fromEntries(summary.files.map((f) => [f.file, [f.rows, f.added, f.updated, f.unchanged]]));
    expect(byFile).toEqual({
      'staff.csv': [7, 7, 0, 0],
      'students.csv': [12, 12, 0, 0],
      'calendar.csv': [25, 25, 0, 0],
      'attendance.csv': [1500, 1500, 0, 0],
      'assessments_big5.csv': [12, 12, 0, 0],
      'competencies.csv': [144, 144, 0, 0],
      'environment.csv': [144, 144, 0, 0],
      'observations.csv': [27, 27, 0, 0],
      'observations_sjis.csv': [3, 3, 0, 0],
      'support_plans.csv': [4, 4, 0, 0],
    });
    expect(summary.files.map((f) => f.file)).toEqual([
      'staff.csv',
      'students.csv',
      'calendar.csv',
      'attendance.csv',
      'assessments_big5.csv',
      'competencies.csv',
      'environment.csv',
      'observations.csv',
      'observations_sjis.csv',
      'support_plans.csv',
    ]);
    expect(summary.classes).toEqual({ added: 3, updated: 0, unchanged: 0 });
    expect(summary.staffClasses).toEqual({ added: 5, removed: 0, unchanged: 0 });
    expect(summary.warnings).toEqual([]);
  });

  it('stores the counts the files hold', async () => {
    const { db } = database;
    expect(await db.staff.count()).toBe(7);
    expect(await db.student.count()).toBe(12);
    expect(await db.calendarEntry.count()).toBe(25);
    expect(await db.attendance.count()).toBe(1500);
    expect(await db.bigFiveResult.count()).toBe(12);
    expect(await db.competencyRating.count()).toBe(144);
    expect(await db.environmentFactor.count()).toBe(144);
    expect(await db.observation.count()).toBe(30);
    expect(await db.supportPlan.count()).toBe(4);
    expect(await db.observationRevision.count()).toBe(0);
  });

  it('records S002 (鈴木結衣) with 10 absences and 12 late arrivals', async () => {
    const { db } = database;
    const student = await db.student.findUniqueOrThrow({ where: { id: 'S002' } });
    expect(`${student.familyName}${student.givenName}`).toBe('鈴木結衣');
    expect(student).toMatchObject({ familyNameKana: 'すずき', givenNameKana: 'ゆい', grade: 2, classId: '2-1', homeroomId: 'T01', enrolledOn: '2025-04-07' });
    expect(await db.attendance.count({ where: { studentId: 'S002', status: 'absent' } })).toBe(10);
    expect(await db.attendance.count({ where: { studentId: 'S002', status: 'late' } })).toBe(12);
  });

  it('marks S010\'s 「消えたい」 note urgent and safeguarding, and no other', async () => {
    const { db } = database;
    const urgent = await db.observation.findMany({ where: { concern: 'urgent' } });
    expect(urgent).toHaveLength(1);
    expect(urgent[0]).toMatchObject({ studentId: 'S010', authorId: 'T02', categories: 'academic,safeguarding', source: 'import', version: 1 });
    expect(urgent[0]!.text).toContain('「消えたい」');
    expect(await db.observation.count({ where: { concern: 'none', categories: { contains: 'safeguarding' } } })).toBe(0);
  });

  it('files each imported note under what its words are about, as chat notes are', async () => {
    const { db } = database;
    const note = (key: string) => db.observation.findUniqueOrThrow({ where: { importKey: key }, select: { categories: true } });
    // 「日曜の夜になるとお腹が痛い…母親から電話」: health and family.
    expect((await note('2026-06-08T08:40|S002|T01')).categories).toBe('health,family');
    expect(await db.observation.count({ where: { categories: '' } })).toBe(0);
  });

  it("makes the counselor's (C01) notes confidential and everyone else's team-visible", async () => {
    const { db } = database;
    const c01 = await db.observation.findMany({ where: { authorId: 'C01' } });
    expect(c01).toHaveLength(6);
    expect(c01.every((o) => o.visibility === 'confidential')).toBe(true);
    expect(await db.observation.count({ where: { authorId: { not: 'C01' }, visibility: 'team' } })).toBe(24);
  });

  it('decodes the Shift_JIS file to the right Japanese', async () => {
    expect(summary.files.find((f) => f.file === 'observations_sjis.csv')?.encoding).toBe('shift_jis');
    const note = await database.db.observation.findFirstOrThrow({ where: { importKey: '2026-11-20T10:15|S004|N01' } });
    expect(note.text).toBe('保健室で泣いていた。昨日SNSで悪口を書かれたと話す。');
    expect(note.text).toContain('保健室で泣いていた');
  });

  it('reads observed_at as Tokyo time and keys imported notes by time, student and author', async () => {
    const note = await database.db.observation.findUniqueOrThrow({ where: { importKey: '2026-06-08T08:40|S002|T01' } });
    expect(note.observedAt.toISOString()).toBe('2026-06-07T23:40:00.000Z');
    expect(note.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('maps staff.csv: roles, chat ids, and empty values as null', async () => {
    const { db } = database;
    expect(await db.staff.findUniqueOrThrow({ where: { id: 'T01' } })).toMatchObject({
      familyName: '山田',
      givenName: '健一',
      role: 'homeroom_teacher',
      slackUserId: 'U0AT01YAMADA',
      discordUserId: '910000000000000001',
      email: 'yamada@example.ed.jp',
    });
    expect((await db.staff.findUniqueOrThrow({ where: { id: 'C01' } })).role).toBe('counselor');
  });

  it('creates classes with their grade and links staff to them', async () => {
    const { db } = database;
    expect(await db.schoolClass.findMany({ orderBy: { id: 'asc' } })).toEqual([
      { id: '2-1', grade: 2 },
      { id: '2-2', grade: 2 },
      { id: '3-1', grade: 3 },
    ]);
    const links = await db.staffClass.findMany({ orderBy: [{ staffId: 'asc' }, { classId: 'asc' }] });
    expect(links.map((l) => `${l.staffId} ${l.classId} ${l.relation}`)).toEqual([
      'T01 2-1 homeroom',
      'T02 2-2 homeroom',
      'T03 2-1 teaches',
      'T03 2-2 teaches',
      'T04 3-1 homeroom',
    ]);
  });

  it('stores assessments, surveys, plans and the calendar as given', async () => {
    const { db } = database;
    expect(await db.bigFiveResult.findFirstOrThrow({ where: { studentId: 'S002' } })).toMatchObject({
      assessedOn: '2026-05-15',
      instrument: 'BIG5-short-ja',
      openness: 3.5,
      neuroticism: 4.4,
    });
    expect(await db.competencyRating.findFirstOrThrow({ where: { studentId: 'S001', competency: 'resilience', rater: 'peer' } })).toMatchObject({ score: 2 });
    expect(await db.environmentFactor.findFirstOrThrow({ where: { studentId: 'S002', assessedOn: '2026-06-10', factor: 'qu_group' } })).toMatchObject({ value: 'not_recognized' });
    expect(await db.environmentFactor.findFirstOrThrow({ where: { studentId: 'S002', assessedOn: '2026-06-10', factor: 'family_support' } })).toMatchObject({ value: '5' });
    expect(await db.supportPlan.findUniqueOrThrow({ where: { importKey: 'S006|2026-06-15|別室から美術の授業への段階的な復帰' } })).toMatchObject({
      tier: 2,
      ownerId: 'C01',
      status: 'completed',
      reviewOn: '2026-09-15',
      outcome: '改善: 9月から教室で過ごす日が増えた',
    });
    expect(await db.calendarEntry.count({ where: { kind: 'holiday' } })).toBe(10);
    expect(await db.calendarEntry.findFirstOrThrow({ where: { date: '2026-07-21' } })).toMatchObject({ kind: 'break_start', label: '夏季休業' });
  });

  it('reports progress without personal data', () => {
    expect(progress).toContain('reading observations_sjis.csv (shift_jis)');
    expect(progress.at(-1)).toMatch(/^done in /);
    expect(progress.join('\n')).not.toMatch(/鈴木|S00\d/);
  });
});
