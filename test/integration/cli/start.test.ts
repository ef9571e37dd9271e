// `npm start` as a newcomer and a school would use it: piped questions in, answers out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/database.ts';
import { importSchool } from '../../../src/store/import/index.ts';
import { runTs } from '../../helpers/run.ts';
import { SAMPLE_SCHOOL_DIR } from '../../helpers/sample-school.ts';

const NOW = '2026-11-20T17:00:00+09:00';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yorisoi-start-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start', () => {
  it('on the imported sample school: T01 gets 鈴木結衣’s real figures; T04 is refused and the denial is audited', async () => {
    const url = `file:${join(dir, 'school.db')}`;
    const database = await openDatabase(url);
    await importSchool(database.db, SAMPLE_SCHOOL_DIR, {});
    await database.close();
    const env = { DATABASE_URL: url, YORISOI_NOW: NOW };

    const t01 = await runTs('src/main.ts', ['--as', 'T01'], { env, input: '鈴木結衣さんの様子は？\n' });
    expect(t01.status).toBe(0);
    expect(t01.stdout).toContain('授業日 125日');
    expect(t01.stdout).toContain('欠席 10日');
    expect(t01.stdout).toContain('遅刻 12日');

    const t04 = await runTs('src/main.ts', ['--as', 'T04'], { env, input: '鈴木結衣さんの様子は？\n' });
    expect(t04.status).toBe(0);
    expect(t04.stdout).toContain('お答えできません');
    expect(t04.stdout).not.toContain('欠席');

    const check = await openDatabase(url);
    const denials = await check.db.auditEvent.findMany({ where: { actorId: 'T04', result: 'denied' } });
    await check.close();
    expect(denials).toEqual([expect.objectContaining({ studentId: 'S002', intent: 'ask_about_student', reason: 'not_in_scope' })]);
  });

  it('on an empty database builds the demo school and chats with no configuration but the database path', async () => {
    const env = { DATABASE_URL: `file:${join(dir, 'demo.db')}`, YORISOI_NOW: NOW };
    const run = await runTs('src/main.ts', [], { env, input: 'help\n' });
    expect(run.stderr).toContain('デモ校を作成しています');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('You can ask');
  });

  it('stops with a clear message on bad configuration', async () => {
    const run = await runTs('src/main.ts', [], { env: { DATABASE_URL: `file:${join(dir, 'x.db')}`, SLACK_MODE: 'socket', SLACK_BOT_TOKEN: 'xoxb-1' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('SLACK_APP_TOKEN: is required when SLACK_MODE=socket');
  });

  it('names an unknown --as staff id', async () => {
    const run = await runTs('src/main.ts', ['--as', 'Z99'], { env: { DATABASE_URL: `file:${join(dir, 'school.db')}`, YORISOI_NOW: NOW } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('No staff member with id Z99');
  });
});

describe('npm run cli -- analyze and attention', () => {
  const env = () => ({ DATABASE_URL: `file:${join(dir, 'school.db')}`, YORISOI_NOW: NOW });

  it('analyze --json gives patterns, tier, trend, hypotheses, strengths, suggestions and evidence', async () => {
    const run = await runTs('scripts/cli.ts', ['analyze', 'S003', '--json'], { env: env() });
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown> & { patterns: { code: string; details: Record<string, unknown> }[]; tier: { tier: number } };
    for (const key of ['patterns', 'tier', 'trend', 'hypotheses', 'strengths', 'suggestions', 'evidence']) expect(result).toHaveProperty(key);
    expect(result.patterns.find((p) => p.code === 'non_attendance_streak')?.details.since).toBe('2026-10-05');
    expect(result.tier.tier).toBe(3);
  });

  it('analyze prints a readable summary, and refuses a student out of the asker’s scope', async () => {
    const ok = await runTs('scripts/cli.ts', ['analyze', 'S002', '--as', 'T01'], { env: env() });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('■ 見立て');
    expect(ok.stdout).toContain('支援の提案');
    const refused = await runTs('scripts/cli.ts', ['analyze', 'S002', '--as', 'T04'], { env: env() });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    const missing = await runTs('scripts/cli.ts', ['analyze', 'S999'], { env: env() });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('No student with student_no S999');
  });

  it('attention lists the asker’s students with reasons', async () => {
    const run = await runTs('scripts/cli.ts', ['attention', '--as', 'T01', '--json'], { env: env() });
    expect(run.status).toBe(0);
    const list = JSON.parse(run.stdout) as { inScope: number; students: { student: string; tier: number; reason: string }[] };
    expect(list.inScope).toBe(6);
    expect(list.students[0]).toMatchObject({ student: 'S003', tier: 3 });
    for (const s of list.students) expect(s.reason.length).toBeGreaterThan(0);
  });
});

describe('npm run cli -- ask', () => {
  it('runs one turn and prints the structured reply with --json', async () => {
    const env = { DATABASE_URL: `file:${join(dir, 'school.db')}`, YORISOI_NOW: NOW };
    const run = await runTs('scripts/cli.ts', ['ask', '--as', 'T01', '--json', 'How is Yui Suzuki?'], { env });
    expect(run.status).toBe(0);
    const reply = JSON.parse(run.stdout) as { language: string; sensitivity: string; text: string; facts: unknown[] };
    expect(reply).toMatchObject({ language: 'en', sensitivity: 'restricted' });
    expect(reply.text).toContain('absent 10');
    expect(reply.facts.length).toBeGreaterThan(2);
  });

  it('explains its usage', async () => {
    const run = await runTs('scripts/cli.ts', ['ask', 'hello'], { env: { DATABASE_URL: `file:${join(dir, 'school.db')}` } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: npm run cli -- ask --as <staff_id>');
  });
});
