import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/store/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.destroy());

  it('creates every table, so the client can write and read each model', async () => {
    const { db } = database;
    await db.schoolClass.create({ data: { id: '2-1', grade: 2 } });
    await db.staff.create({ data: { id: 'T01', familyName: '山田', givenName: '健一', role: 'homeroom_teacher' } });
    await db.student.create({
      data: { id: 'S001', familyName: '佐藤', givenName: '陽翔', familyNameKana: 'さとう', givenNameKana: 'はると', grade: 2, classId: '2-1', homeroomId: 'T01', enrolledOn: '2025-04-07' },
    });
    await db.attendance.create({ data: { studentId: 'S001', date: '2026-04-06', status: 'present', periodsAttended: 6 } });
    expect(await db.attendance.count({ where: { studentId: 'S001' } })).toBe(1);
  });

  it('is idempotent: a second run applies nothing', async () => {
    expect(await migrate(database.url)).toEqual([]);
  });

  it('enforces one attendance row per student per day', async () => {
    await expect(
      database.db.attendance.create({ data: { studentId: 'S001', date: '2026-04-06', status: 'absent', periodsAttended: 0 } }),
    ).rejects.toThrow();
  });
});
