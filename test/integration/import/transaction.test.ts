// Validation catches bad rows before writing; this covers what it cannot: a failure in the
// middle of writing (a full disk, a constraint, a bug) must roll back every earlier write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSchool } from '../../../src/store/import/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { failingInside } from '../../helpers/failing-db.ts';
import { appendLine, copySample, dumpDatabase, editLine, removeTempDirs } from './fixtures.ts';


describe('one transaction', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.destroy();
    removeTempDirs();
  });

  it('a failure while writing the last table rolls back a first import completely', async () => {
    const dir = copySample();
    await expect(importSchool(failingInside(database.db, 'supportPlan', 'createMany'), dir, {})).rejects.toThrow('simulated write failure');
    const dump = await dumpDatabase(database.db);
    for (const [table, rows] of Object.entries(dump)) expect({ table, rows: rows.length }).toEqual({ table, rows: 0 });
  });

  it('a failure after updates and revisions rolls them back too', async () => {
    const { db } = database;
    await importSchool(db, copySample(), {});
    const before = await dumpDatabase(db);

    const dir = copySample();
    editLine(dir, 'attendance.csv', '2026-04-06,S001', (l) => l.replace('present', 'absent'));
    editLine(dir, 'observations.csv', '2026-06-22T16:10', (l) => `${l}追記。`);
    appendLine(dir, 'staff.csv', 'T05,新井,花子,subject_teacher,2-1;2-3,,,');
    editLine(dir, 'support_plans.csv', 'S002,', (l) => l.replace('変化なし', '改善'));
    await expect(importSchool(failingInside(db, 'supportPlan', 'update'), dir, {})).rejects.toThrow('simulated write failure');

    expect(await dumpDatabase(db)).toEqual(before);
    // Without the failure the same export goes through, so the writes really had happened.
    const summary = await importSchool(db, dir, {});
    expect(summary.observationRevisions).toBe(1);
    expect(summary.classes.added).toBe(1);
  });
});
