// The demo at the edges: options it must refuse, a school too small for classes of 30, and a
// `now` before the year's first school day (a school that exists but has no history yet).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/store/database.ts';
import { buildDemoSchool } from '../../../src/store/demo/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';

describe('demo school edges', () => {
  it.each([
    [{ students: 0 }, /students must be a whole number from 1/],
    [{ students: 2.5 }, /students must be a whole number/],
    [{ students: 100_000 }, /students must be a whole number from 1 to 20000/],
    [{ seed: -1 }, /seed must be/],
    [{ now: new Date('not a date') }, /now must be a valid Date/],
  ])('refuses %j before touching the database', async (bad, message) => {
    const untouchable = {} as Db;
    await expect(buildDemoSchool(untouchable, { now: new Date('2026-11-20T17:00:00+09:00'), ...bad })).rejects.toThrow(message);
  });

  describe('a tiny school before its first school day', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase();
    });
    afterAll(async () => database.destroy());

    it('has staff, classes and students but no history yet', async () => {
      const summary = await buildDemoSchool(database.db, { now: new Date('2026-04-03T12:00:00+09:00'), students: 5 });
      expect(summary.schoolDays).toBe(0);
      expect(summary.firstSchoolDay).toBeNull();
      expect(summary.counts).toMatchObject({ students: 5, attendance: 0, observations: 0, supportPlans: 0, bigFive: 0, environment: 0 });
      expect(summary.counts.calendarEntries).toBeGreaterThan(20);
      const classes = await database.db.schoolClass.findMany({ orderBy: { id: 'asc' } });
      expect(classes.map((c) => c.id)).toEqual(['1-1', '2-1', '3-1']);
      const t01 = await database.db.staff.findUniqueOrThrow({ where: { id: 'T01' }, include: { homeroomOf: true } });
      expect(t01.role).toBe('homeroom_teacher');
      expect(t01.homeroomOf.length).toBeGreaterThan(0);
      expect(t01.homeroomOf.every((s) => s.classId === '2-1')).toBe(true);
    });
  });
});
