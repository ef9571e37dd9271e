// `npm run cli -- digest preview|send` as an operator would run it, on the sample school.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSchool } from '../../../src/store/import/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { runTs } from '../../helpers/run.ts';
import { SAMPLE_NOW, SAMPLE_SCHOOL_DIR } from '../../helpers/sample-school.ts';

let database: TestDatabase;
let out: string;
const env = () => ({ DATABASE_URL: database.url, YORISOI_NOW: SAMPLE_NOW.toISOString() });
const cli = (...args: string[]) => runTs('scripts/cli.ts', ['digest', ...args], { env: env() });

beforeAll(async () => {
  database = await createTestDatabase();
  await importSchool(database.db, SAMPLE_SCHOOL_DIR, {});
  out = mkdtempSync(join(tmpdir(), 'yorisoi-digest-'));
});
afterAll(async () => {
  await database.destroy();
  rmSync(out, { recursive: true, force: true });
});

describe('npm run cli -- digest', () => {
  it('preview --json: one teacher’s week, only their class', async () => {
    const run = await cli('preview', '--as', 'T01', '--week', '2026-11-16', '--json');
    expect(run.status).toBe(0);
    const digest = JSON.parse(run.stdout);
    expect(digest).toMatchObject({ recipientId: 'T01', weekOf: '2026-11-16', weekEnd: '2026-11-22', inScope: 6 });
    expect(digest.chart.rows.map((r: { student: string }) => r.student)).toEqual(['S001', 'S002', 'S003', 'S004', 'S005', 'S006']);
    expect(run.stdout).not.toContain('S010');
  });

  it('preview prints the digest and writes the chart to a PNG file', async () => {
    const run = await cli('preview', '--as', 'C01', '--out', out);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('■ 要対応・安全に関わる記録（1）');
    expect(run.stdout).toContain('「消えたい」');
    expect(existsSync(join(out, 'C01-attendance-2026-11-16.png'))).toBe(true);
  });

  it('send delivers each opted-in staff member’s digest once; a second run sends none', async () => {
    await database.db.staff.update({ where: { id: 'T04' }, data: { digestOptIn: false } });
    const first = await cli('send', '--out', out);
    expect(first.status).toBe(0);
    expect(first.stderr).toContain('sent 6, already sent 0, failed 0');
    expect(first.stdout.match(/^週のまとめ/gm)).toHaveLength(6);
    const again = await cli('send', '--out', out);
    expect(again.stderr).toContain('sent 0, already sent 6');
    expect(again.stdout).toBe('');
    expect(await database.db.digestRun.count({ where: { weekOf: '2026-11-16', status: 'sent' } })).toBe(6);
  });

  it('--dry-run marks nothing', async () => {
    const run = await cli('send', '--week', '2026-11-09', '--dry-run', '--out', out);
    expect(run.status).toBe(0);
    expect(await database.db.digestRun.count({ where: { weekOf: '2026-11-09' } })).toBe(0);
  });

  it('names a --week that is not a Monday', async () => {
    const run = await cli('preview', '--as', 'T01', '--week', '2026-11-18');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("that week's Monday is 2026-11-16");
  });
});
