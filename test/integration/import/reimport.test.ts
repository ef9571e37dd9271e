// Importing again is safe: the same export changes nothing, an edited row updates exactly its
// record (keeping an observation's earlier text), and records missing from the export stay.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSchool } from '../../../src/store/import/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { copySample, dumpDatabase, editLine, readLines, removeTempDirs, SAMPLE_DIR, writeLines } from './fixtures.ts';

// Every import run adds one audit row by design (checked below); the records are what must not change.
const WITHOUT_AUDIT = { except: ['AuditEvent'] };

describe('importing again', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
    await importSchool(database.db, SAMPLE_DIR, {});
  });
  afterEach(async () => database.destroy());
  afterAll(() => removeTempDirs());

  it('changes nothing when the export is the same: all unchanged, every updatedAt kept', async () => {
    const before = await dumpDatabase(database.db, WITHOUT_AUDIT);
    const summary = await importSchool(database.db, SAMPLE_DIR, {});
    for (const f of summary.files) expect({ file: f.file, added: f.added, updated: f.updated, unchanged: f.unchanged }).toEqual({ file: f.file, added: 0, updated: 0, unchanged: f.rows });
    expect(summary.classes).toEqual({ added: 0, updated: 0, unchanged: 3 });
    expect(summary.staffClasses).toEqual({ added: 0, removed: 0, unchanged: 5 });
    expect(summary.observationRevisions).toBe(0);
    expect(await dumpDatabase(database.db, WITHOUT_AUDIT)).toEqual(before);
  });

  it('audits each import run, without personal data', async () => {
    await importSchool(database.db, SAMPLE_DIR, { actorId: 'cli:import', now: () => new Date('2026-11-20T08:00:00Z') });
    const rows = await database.db.auditEvent.findMany({ where: { intent: 'import' }, orderBy: { id: 'asc' } });
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ actorId: 'cli:import', action: 'write', kind: 'school_export', result: 'allowed', studentId: null });
    expect(rows[1]!.at.toISOString()).toBe('2026-11-20T08:00:00.000Z');
  });

  it('updates exactly the edited attendance row, observation and plan', async () => {
    const { db } = database;
    const dir = copySample();
    editLine(dir, 'attendance.csv', '2026-04-06,S001,present', () => '2026-04-06,S001,absent,0,風邪');
    editLine(dir, 'observations.csv', '2026-06-22T16:10,S002,T01', (l) => l.replace('友人関係は良好。', '友人関係は良好。昼休みは図書室。'));
    editLine(dir, 'support_plans.csv', 'S002,2026-07-01', (l) => l.replace(/active,変化なし$/, 'active,月曜の欠席が減った'));
    const observationBefore = await db.observation.findUniqueOrThrow({ where: { importKey: '2026-06-22T16:10|S002|T01' } });
    const before = await dumpDatabase(db, WITHOUT_AUDIT);

    const summary = await importSchool(db, dir, {});

    const changed = summary.files.filter((f) => f.updated > 0 || f.added > 0).map((f) => [f.file, f.added, f.updated, f.unchanged]);
    expect(changed).toEqual([
      ['attendance.csv', 0, 1, 1499],
      ['observations.csv', 0, 1, 26],
      ['support_plans.csv', 0, 1, 3],
    ]);
    expect(summary.observationRevisions).toBe(1);

    expect(await db.attendance.findUniqueOrThrow({ where: { studentId_date: { studentId: 'S001', date: '2026-04-06' } } })).toMatchObject({
      status: 'absent',
      periodsAttended: 0,
      note: '風邪',
    });
    const observation = await db.observation.findUniqueOrThrow({ where: { id: observationBefore.id }, include: { revisions: true } });
    expect(observation.text).toBe('本人と面談。月曜日の1限の小テストが不安だと話していた。友人関係は良好。昼休みは図書室。');
    expect(observation.version).toBe(2);
    expect(observation.revisions).toHaveLength(1);
    expect(observation.revisions[0]).toMatchObject({ version: 1, text: observationBefore.text, concern: 'none', visibility: 'team', replacedById: null });
    expect((await db.supportPlan.findUniqueOrThrow({ where: { importKey: 'S002|2026-07-01|月曜朝に担任が短いチェックインをする' } })).outcome).toBe('月曜の欠席が減った');

    // Everything else is exactly as it was; the three edited records (and the new revision) differ.
    const after = await dumpDatabase(db, WITHOUT_AUDIT);
    for (const table of Object.keys(before)) {
      const removed = before[table]!.filter((r) => !after[table]!.includes(r));
      const expectedChanges = { Attendance: 1, Observation: 1, SupportPlan: 1 }[table] ?? 0;
      expect({ table, changed: removed.length }).toEqual({ table, changed: expectedChanges });
    }
    expect(after.ObservationRevision).toHaveLength(1);

    // And importing the edited export once more changes nothing.
    const again = await importSchool(db, dir, {});
    expect(again.files.every((f) => f.added === 0 && f.updated === 0)).toBe(true);
    expect(await dumpDatabase(db, WITHOUT_AUDIT)).toEqual(after);
  });

  it('re-screens a corrected observation text for safeguarding words', async () => {
    const { db } = database;
    const dir = copySample(['observations.csv']);
    editLine(dir, 'observations.csv', '2026-10-26T12:10,S011,T02', (l) => `${l}本人が「死にたい」と言っていた。`);
    editLine(dir, 'observations.csv', '2026-11-19T13:20,S010,T02', () => '2026-11-19T13:20,S010,T02,数学のノートの端に落書き。本人に声をかけたが何でもないと言った。');
    await importSchool(db, dir, {});
    expect(await db.observation.findUniqueOrThrow({ where: { importKey: '2026-10-26T12:10|S011|T02' } })).toMatchObject({
      concern: 'urgent',
      categories: expect.stringContaining('safeguarding'),
      version: 2,
    });
    const corrected = await db.observation.findUniqueOrThrow({ where: { importKey: '2026-11-19T13:20|S010|T02' }, include: { revisions: true } });
    expect(corrected).toMatchObject({ concern: 'none', categories: 'academic', version: 2 });
    expect(corrected.revisions[0]).toMatchObject({ concern: 'urgent', categories: 'academic,safeguarding', text: expect.stringContaining('消えたい') });
  });

  it('leaves records that a later export no longer has, and says how many', async () => {
    const { db } = database;
    const dir = copySample(['attendance.csv', 'observations.csv']);
    const attendance = readLines(dir, 'attendance.csv');
    writeLines(dir, 'attendance.csv', attendance.filter((l) => !l.includes(',S012,')));
    const observations = readLines(dir, 'observations.csv');
    writeLines(dir, 'observations.csv', observations.filter((l) => !l.includes(',S012,')));

    const summary = await importSchool(db, dir, {});

    expect(summary.files.map((f) => [f.file, f.rows, f.unchanged])).toEqual([
      ['attendance.csv', 1375, 1375],
      ['observations.csv', 25, 25],
    ]);
    expect(summary.leftInPlace).toEqual({ attendance: 125, observations: 5 });
    expect(await db.attendance.count({ where: { studentId: 'S012' } })).toBe(125);
    expect(await db.observation.count()).toBe(30);
  });

  it('moves a teacher to another class: the staff row is updated and the old link removed', async () => {
    const { db } = database;
    const dir = copySample(['staff.csv']);
    editLine(dir, 'staff.csv', 'T03,', (l) => l.replace('2-1;2-2', '2-2'));
    editLine(dir, 'staff.csv', 'A01,', (l) => l.replace('matsumoto@example.ed.jp', ''));
    const summary = await importSchool(db, dir, {});
    expect(summary.files[0]).toMatchObject({ file: 'staff.csv', added: 0, updated: 1, unchanged: 6 });
    expect(summary.staffClasses).toEqual({ added: 0, removed: 1, unchanged: 4 });
    expect(await db.staffClass.findMany({ where: { staffId: 'T03' } })).toEqual([{ staffId: 'T03', classId: '2-2', relation: 'teaches' }]);
    expect((await db.staff.findUniqueOrThrow({ where: { id: 'A01' } })).email).toBeNull();
  });

  it('lets two staff members swap chat ids in one export', async () => {
    const { db } = database;
    const dir = copySample(['staff.csv']);
    editLine(dir, 'staff.csv', 'T01,', (l) => l.replace('U0AT01YAMADA', 'U0AT02MORI'));
    editLine(dir, 'staff.csv', 'T02,', (l) => l.replace('U0AT02MORI', 'U0AT01YAMADA'));
    await importSchool(db, dir, {});
    expect((await db.staff.findUniqueOrThrow({ where: { id: 'T01' } })).slackUserId).toBe('U0AT02MORI');
    expect((await db.staff.findUniqueOrThrow({ where: { id: 'T02' } })).slackUserId).toBe('U0AT01YAMADA');
  });

  it('reads columns by name: another order and an extra column are fine, and the extra one is reported', async () => {
    const dir = copySample([]);
    writeLines(dir, 'attendance.csv', ['student_no,memo,note,periods_attended,status,date', ' S003 ,x,保健室で休憩,4,nurse_office,2026-04-06', '']);
    const summary = await importSchool(database.db, dir, {});
    expect(summary.files[0]).toMatchObject({ file: 'attendance.csv', updated: 1 });
    expect(summary.warnings).toEqual(['attendance.csv: ignored unknown column(s) "memo"']);
    expect(await database.db.attendance.findUniqueOrThrow({ where: { studentId_date: { studentId: 'S003', date: '2026-04-06' } } })).toMatchObject({
      status: 'nurse_office',
      periodsAttended: 4,
      note: '保健室で休憩',
    });
  });

  it('accepts a later export that only has new attendance, referring to students already stored', async () => {
    const dir = copySample([]);
    writeLines(dir, 'attendance.csv', ['date,student_no,status,periods_attended,note', '2026-11-24,S001,present,6,', '2026-11-24,S002,online,6,', '']);
    const summary = await importSchool(database.db, dir, {});
    expect(summary.files).toEqual([{ file: 'attendance.csv', kind: 'attendance', encoding: 'utf-8', rows: 2, added: 2, updated: 0, unchanged: 0 }]);
    expect(await database.db.attendance.count()).toBe(1502);
  });
});
