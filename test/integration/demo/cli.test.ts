// `npm run cli -- demo`: argument checks, building into an empty database, and refusing a
// database that already holds a school.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.ts';
import { run } from '../../../scripts/commands/demo.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

describe('cli demo', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.destroy());

  const invoke = async (args: string[]) => {
    const out = capture();
    const err = capture();
    const config = loadConfig({ DATABASE_URL: database.url, YORISOI_NOW: '2026-11-20T17:00:00+09:00' });
    const code = await run(args, { config, stdout: out.stream, stderr: err.stream });
    return { code, stdout: out.text(), stderr: err.text() };
  };

  it.each([
    [['--students', 'abc'], /--students must be a whole number/],
    [['--students', '0'], /--students must be from 1/],
    [['--seed', '-1'], /seed/],
    [['--class', '2-1'], /Unknown option/],
  ])('rejects %j with exit 2 and the usage', async (args, message) => {
    const result = await invoke(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('usage: npm run cli -- demo');
  });

  it('builds into the empty database, summary on stdout and progress on stderr', async () => {
    const result = await invoke(['--students', '60', '--seed', '3']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Demo school built in \d+\.\d s \(seed 3, school year 2026, 125 school days 2026-04-06\.\.2026-11-20\)/);
    expect(result.stdout).toMatch(/students\s+60\n/);
    expect(result.stdout).toMatch(/attendance\s+\d+\n/);
    expect(result.stdout).toContain('Default staff member: T01, homeroom teacher of 2-1');
    expect(result.stderr).toContain('demo: attendance');
    expect(await database.db.student.count()).toBe(60);
  });

  it('refuses a database that is not empty, naming DATABASE_URL, with exit 1', async () => {
    const result = await invoke([]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL');
    expect(result.stderr).toContain('already holds a school');
    expect(result.stdout).toBe('');
    expect(await database.db.student.count()).toBe(60);
  });
});
