import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRecords } from '../../../src/store/analysis-repository.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';

describe('loading records for a whole school', () => {
  let database: TestDatabase;
  const ids = Array.from({ length: 1_200 }, (_, i) => `X${String(i).padStart(4, '0')}`);
  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    await db.schoolClass.create({ data: { id: '1-1', grade: 1 } });
    await db.student.createMany({
      data: ids.map((id) => ({ id, familyName: '生徒', givenName: id, familyNameKana: 'せいと', givenNameKana: 'な', grade: 1, classId: '1-1', enrolledOn: '2026-04-06' })),
    });
    await db.attendance.createMany({ data: ids.map((studentId) => ({ studentId, date: '2026-04-06', status: 'present', periodsAttended: 6 })) });
  });
  afterAll(async () => database.destroy());

  it('works past the database’s limit on bound parameters (more than 999 students)', async () => {
    const all = { attendance: true, observations: true, environment: true, assessments: true, plans: true };
    const loaded = await loadRecords(database.db, ids, () => all, '2026-04-01', '2026-04-30');
    expect(loaded.size).toBe(1_200);
    expect([...loaded.values()].every((r) => r.attendance.length === 1)).toBe(true);
  });

  it('loads only the kinds allowed for each student', async () => {
    const loaded = await loadRecords(database.db, ids.slice(0, 2), (id) => ({ attendance: id === ids[0], observations: false, environment: false, assessments: false, plans: false }), '2026-04-01', '2026-04-30');
    expect(loaded.get(ids[0]!)!.attendance).toHaveLength(1);
    expect(loaded.get(ids[1]!)!.attendance).toHaveLength(0);
  });
});
