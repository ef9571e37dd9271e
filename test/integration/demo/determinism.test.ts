// The same seed, size and `now` must give the same school, ids included, on any provider: the
// demo is what tests, screenshots and bug reports refer to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSchool } from '../../../src/store/demo/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { dumpSchool } from './dump.ts';

const now = new Date('2026-11-20T17:00:00+09:00');
const options = { now, students: 120, seed: 7 };

describe('demo school determinism', () => {
  const databases: TestDatabase[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 3; i++) databases.push(await createTestDatabase());
  });
  afterAll(async () => {
    for (const d of databases) await d.destroy();
  });

  it('builds identical records twice from the same seed and now, and different ones from another seed', async () => {
    const [a, b, c] = databases as [TestDatabase, TestDatabase, TestDatabase];
    const first = await buildDemoSchool(a.db, options);
    const second = await buildDemoSchool(b.db, options);
    expect(second).toEqual(first);
    const dumpA = await dumpSchool(a.db);
    expect(dumpA.attendance.length).toBeGreaterThan(10_000);
    expect(dumpA.observations.length).toBeGreaterThan(20);
    expect(await dumpSchool(b.db)).toEqual(dumpA);

    await buildDemoSchool(c.db, { ...options, seed: 8 });
    const dumpC = await dumpSchool(c.db);
    expect(dumpC.students).not.toEqual(dumpA.students);
    expect(dumpC.attendance).not.toEqual(dumpA.attendance);
  });

  it('refuses to build into a database that already holds a school', async () => {
    await expect(buildDemoSchool((databases[0] as TestDatabase).db, options)).rejects.toThrow(/empty database/);
  });
});
