// `npm run cli -- import <dir>` end to end, in a child process (slow: each run starts tsx).
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { copySample, editLine, removeTempDirs, REPO_ROOT, SAMPLE_DIR } from './fixtures.ts';

function cli(databaseUrl: string, ...args: string[]) {
  const result = spawnSync('npx', ['tsx', 'scripts/cli.ts', 'import', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    // Only what the command needs: a developer's Slack or OpenAI settings must not leak in.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.replace(/^npm warn .*\n/gm, '') };
}

describe('the import command', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.destroy();
    removeTempDirs();
  });

  it('imports the sample school: progress on stderr, a summary table on stdout, exit 0', { timeout: 60_000 }, async () => {
    const { status, stdout, stderr } = cli(database.url, SAMPLE_DIR);
    expect(stderr).toContain('reading observations_sjis.csv (shift_jis)');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^file\s+encoding\s+rows\s+added\s+updated\s+unchanged$/m);
    expect(stdout).toMatch(/^attendance\.csv\s+utf-8\s+1500\s+1500\s+0\s+0$/m);
    expect(stdout).toMatch(/^observations_sjis\.csv\s+shift_jis\s+3\s+3\s+0\s+0$/m);
    expect(await database.db.attendance.count()).toBe(1500);
  });

  it('reports a bad row on stderr with exit 1 and changes nothing', { timeout: 60_000 }, async () => {
    const dir = copySample();
    const line = editLine(dir, 'attendance.csv', '2026-05-11,S004', (l) => l.replace(/,[a-z_]+,(\d),/, ',absnt,$1,'));
    const { status, stdout, stderr } = cli(database.url, dir);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`import failed, nothing was changed: attendance.csv line ${line}, column "status": unknown status "absnt" (expected one of present, absent,`);
    expect(await database.db.attendance.count({ where: { status: 'absnt' } })).toBe(0);
  });

  it('prints usage with exit 2 when the directory is missing', { timeout: 60_000 }, () => {
    const { status, stderr } = cli(database.url);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^usage: npm run cli -- import <dir>/);
  });
});
