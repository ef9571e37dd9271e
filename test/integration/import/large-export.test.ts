// A year of attendance for a big school: 50,000 rows import in one go, report progress, and a
// second import of the same file writes nothing.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSchool } from '../../../src/store/import/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { writeLargeExport } from './large-export.ts';

describe('a large export', () => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    ({ dir } = writeLargeExport(250, 200));
  });
  afterAll(async () => {
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports 50,000 attendance rows with progress every 10,000, then re-imports them unchanged', { timeout: 180_000 }, async () => {
    const progress: string[] = [];
    const started = performance.now();
    const first = await importSchool(database.db, dir, { onProgress: (m) => progress.push(m) });
    const firstSeconds = (performance.now() - started) / 1000;

    expect(first.files.find((f) => f.file === 'attendance.csv')).toMatchObject({ rows: 50_000, added: 50_000 });
    expect(await database.db.attendance.count()).toBe(50_000);
    expect(progress.filter((m) => m.startsWith('attendance.csv: checked'))).toEqual(
      [10, 20, 30, 40, 50].map((k) => `attendance.csv: checked ${k},000 of 50,000 rows`),
    );
    expect(progress.filter((m) => m.startsWith('attendance: added'))).toEqual([10, 20, 30, 40, 50].map((k) => `attendance: added ${k},000 of 50,000`));

    const again = performance.now();
    const second = await importSchool(database.db, dir, {});
    const secondSeconds = (performance.now() - again) / 1000;
    expect(second.files.find((f) => f.file === 'attendance.csv')).toMatchObject({ added: 0, updated: 0, unchanged: 50_000 });
    // Generous bounds: they catch a row-by-row regression, not a slow machine.
    expect(firstSeconds).toBeLessThan(90);
    expect(secondSeconds).toBeLessThan(30);
  });
});
