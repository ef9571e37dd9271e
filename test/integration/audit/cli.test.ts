// `npm run cli -- audit` as an admin would run it, on the sample school: end to end in a child
// process, and (for the many argument errors) the same command run in-process, which is faster.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as auditCommand } from '../../../scripts/commands/audit.ts';
import { loadConfig } from '../../../src/config/index.ts';
import { parseShellLine } from '../../../src/adapters/shell/parse.ts';
import { createEngine } from '../../../src/engine/handle-turn.ts';
import { serviceContext } from '../../../src/services/context.ts';
import { createAuditLog } from '../../../src/store/audit-repository.ts';
import { importSchool } from '../../../src/store/import/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { runTs } from '../../helpers/run.ts';
import { SAMPLE_SCHOOL_DIR } from '../../helpers/sample-school.ts';

let database: TestDatabase;
const at = (local: string) => new Date(`${local}:00+09:00`);
const NOW = at('2026-11-20T17:00');
const cli = (...args: string[]) => runTs('scripts/cli.ts', ['audit', ...args], { env: { DATABASE_URL: database.url, YORISOI_NOW: NOW.toISOString() } });

/** The command in this process, with the configuration the CLI would load. */
async function inProcess(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const sink = (key: keyof typeof out) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        out[key] += chunk.toString('utf8');
        done();
      },
    });
  const config = loadConfig({ DATABASE_URL: database.url, YORISOI_NOW: NOW.toISOString(), LOG_LEVEL: 'silent' });
  const status = await auditCommand(args, { config, stdout: sink('stdout'), stderr: sink('stderr') });
  return { status, ...out };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await importSchool(database.db, SAMPLE_SCHOOL_DIR, { now: () => at('2026-11-01T08:00') });
  // 山田先生 (T01) asks about 鈴木結衣 (S002) on Wednesday morning; the nurse read her attendance in October.
  let clock = at('2026-11-18T08:10');
  const engine = createEngine(serviceContext(database, () => clock));
  await engine.handleTurn(parseShellLine('鈴木結衣さんの様子は？', 'T01', 1, clock));
  clock = at('2026-11-19T12:00');
  await engine.handleTurn(parseShellLine('高橋蓮くんの様子は？', 'T01', 2, clock));
  await createAuditLog(database, () => at('2026-10-05T09:30')).record({ actorId: 'N01', studentId: 'S002', action: 'read', kind: 'attendance', intent: 'ask_about_student', result: 'allowed' });
});
afterAll(async () => database.destroy());

describe('npm run cli -- audit', () => {
  it('--student: the events about her, newest first, times in JST, with who accessed and how often', async () => {
    const run = await cli('--student', 'S002', '--as', 'A01');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('鈴木 結衣（S002・2-1）の記録へのアクセス — 記録のある全期間');
    expect(run.stdout).toContain('■ アクセスした人（2人、計2回）');
    expect(run.stdout).toContain('  山田 健一（T01・担任）: 1回（最終 2026-11-18 08:10）');
    expect(run.stdout).toContain('  青木 恵（N01・養護教諭）: 1回（最終 2026-10-05 09:30）');
    const header = lines.findIndex((l) => l.startsWith('time (JST)'));
    expect(lines[header]).toMatch(/^time \(JST\)\s+actor\s+name\s+student\s+action\s+kind\s+intent\s+result\s+reason$/);
    expect(lines[header + 1]).toMatch(/^2026-11-18 08:10\s+T01\s+山田 健一\s+S002\s+read\s+profile,attendance,observation,environment,assessment,support_plan\s+ask_about_student\s+allowed$/);
    expect(lines[header + 2]).toMatch(/^2026-10-05 09:30\s+N01\s+青木 恵\s+S002\s+read\s+attendance\s+ask_about_student\s+allowed$/);
    expect(run.stdout).not.toContain('S003');
  });

  it('--staff with --since/--until --json: what one teacher read in the period, and the read is audited', async () => {
    const run = await cli('--staff', 'T01', '--since', '2026-11-19', '--until', '2026-11-19', '--json', '--as', 'A01');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ asker: 'A01', student: null, staff: { id: 'T01', name: '山田 健一', role: 'homeroom_teacher' }, since: '2026-11-19', until: '2026-11-19', truncated: false });
    expect(out.summary).toEqual([{ studentId: 'S003', name: '高橋 蓮', accesses: 1, denied: 0, first: '2026-11-19T12:00:00+09:00', last: '2026-11-19T12:00:00+09:00' }]);
    expect(out.events).toEqual([
      expect.objectContaining({ at: '2026-11-19T12:00:00+09:00', actorId: 'T01', actorName: '山田 健一', studentId: 'S003', action: 'read', intent: 'ask_about_student', result: 'allowed', reason: null }),
    ]);
    const own = await database.db.auditEvent.findMany({ where: { actorId: 'A01', kind: 'audit' }, orderBy: { id: 'asc' } });
    expect(own.at(-1)).toMatchObject({ studentId: null, action: 'read', intent: 'audit_query', result: 'allowed' });
  });

  it('--lang en', async () => {
    const run = await inProcess('--student', 'S002', '--since', '2026-11-01', '--as', 'A01', '--lang', 'en');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Who accessed the records of Yui Suzuki (鈴木 結衣), S002, class 2-1 — since 2026-11-01');
    expect(run.stdout).toContain('山田 健一 (T01, homeroom teacher): 1 time (last 2026-11-18 08:10)');
    expect(run.stdout).not.toContain('青木');
  });

  it('refuses a teacher (exit 1) with a clear message, shows nothing, and audits the refusal', async () => {
    const run = await cli('--student', 'S002', '--as', 'T01');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Refused: only admins may see the audit, and T01 is homeroom_teacher');
    const rows = await database.db.auditEvent.findMany({ where: { actorId: 'T01', kind: 'audit' } });
    expect(rows).toEqual([expect.objectContaining({ studentId: 'S002', action: 'read', intent: 'audit_query', result: 'denied', reason: 'kind_not_permitted' })]);
    // A teacher learns nothing about who exists either: an unknown student is refused the same way.
    const unknown = await inProcess('--student', 'S999', '--as', 'T01');
    expect(unknown.status).toBe(1);
  });

  it('bad arguments end to end: exit 2 with the error and the usage line', async () => {
    const run = await cli('--student', 'S002', '--staff', 'T01', '--as', 'A01');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('give exactly one of --student <student_no> or --staff <staff_id>');
    expect(run.stderr).toContain('usage: npm run cli -- audit --student <student_no> | --staff <staff_id>');
    expect(run.stdout).toBe('');
  });

  it('bad arguments: a clear error naming what was wrong, exit 2', async () => {
    const cases: [string[], string][] = [
      [['--student', 'S999', '--as', 'A01'], 'No student with student_no S999 (--student)'],
      [['--staff', 'X99', '--as', 'A01'], 'No staff member with id X99 (--staff)'],
      [['--student', 'S002', '--as', 'Z01'], 'No staff member with id Z01 (--as)'],
      [['--student', 'S002', '--since', '2026-13-01', '--as', 'A01'], '--since must be a date as YYYY-MM-DD (got 2026-13-01)'],
      [['--student', 'S002', '--until', '20261101', '--as', 'A01'], '--until must be a date as YYYY-MM-DD (got 20261101)'],
      [['--student', 'S002', '--since', '2026-11-20', '--until', '2026-11-01', '--as', 'A01'], '--since 2026-11-20 is after --until 2026-11-01'],
      [['--student', 'S002', '--staff', 'T01', '--as', 'A01'], 'give exactly one of --student <student_no> or --staff <staff_id>'],
      [['--as', 'A01'], 'give exactly one of --student <student_no> or --staff <staff_id>'],
      [['--student', 'S002'], '--as <admin_id> is required'],
    ];
    for (const [args, message] of cases) {
      const run = await inProcess(...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stdout).toBe('');
    }
  });
});
