// A big attendance file imports in one go with progress, and a second import writes nothing.
// How fast is measured by `npm run bench -- import`, not asserted here.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSchool } from '../../../src/store/import/index.ts';
import { loadExport } from '../../../src/store/import/load.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { writeLargeExport } from '../../../scripts/bench/large-export.ts';

describe('a large export', () => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    ({ dir } = writeLargeExport(60, 200));
  });
  afterAll(async () => {
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports 12,000 attendance rows with progress every 4,000, then re-imports them unchanged', { timeout: 120_000 }, async () => {
    const progress: string[] = [];
    const first = await importSchool(database.db, dir, { onProgress: (m) => progress.push(m), progressEvery: 4_000 });

    expect(first.files.find((f) => f.file === 'attendance.csv')).toMatchObject({ rows: 12_000, added: 12_000 });
    expect(await database.db.attendance.count()).toBe(12_000);
    expect(progress.filter((m) => m.startsWith('attendance.csv: checked'))).toEqual(
      [4, 8, 12].map((k) => `attendance.csv: checked ${k},000 of 12,000 rows`),
    );

    const second = await importSchool(database.db, dir, {});
    expect(second.files.find((f) => f.file === 'attendance.csv')).toMatchObject({ added: 0, updated: 0, unchanged: 12_000 });
  });
});

describe('an attendance file larger than a function call can spread', () => {
  it('loads 140,000 rows (a 700-student school’s 200 days; the loader once overflowed the stack past about 125,000)', { timeout: 120_000 }, () => {
    const { dir, rows } = writeLargeExport(700, 200);
    try {
      const loaded = loadExport(dir);
      expect(loaded.rows.attendance).toHaveLength(rows);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
