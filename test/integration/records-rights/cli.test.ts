// `npm run cli -- student export|correct|delete` and `retention report|run`, as an operator runs
// them, on the sample school.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importSchool } from '../../../src/store/import/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { runTs } from '../../helpers/run.ts';
import { SAMPLE_NOW, SAMPLE_SCHOOL_DIR } from '../../helpers/sample-school.ts';

let database: TestDatabase;
let out: string;
const env = (extra: Record<string, string> = {}) => ({ DATABASE_URL: database.url, YORISOI_NOW: SAMPLE_NOW.toISOString(), ...extra });
const cli = (args: string[], extra?: Record<string, string>) => runTs('scripts/cli.ts', args, { env: env(extra) });

beforeAll(async () => {
  database = await createTestDatabase();
  await importSchool(database.db, SAMPLE_SCHOOL_DIR, {});
  out = mkdtempSync(join(tmpdir(), 'yorisoi-export-'));
});
afterAll(async () => {
  await database.destroy();
  rmSync(out, { recursive: true, force: true });
});

// Each run starts a process (a few seconds on a busy machine).
vi.setConfig({ testTimeout: 120_000 });

describe('npm run cli -- student', () => {
  it('export --out writes the JSON and the Japanese document, readable by the admin alone', async () => {
    const run = await cli(['student', 'export', 'S008', '--as', 'A01', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(join(out, 'S008-export.json'));
    const json = JSON.parse(readFileSync(join(out, 'S008-export.json'), 'utf8'));
    expect(json).toMatchObject({ format: 'yorisoi/student-export', version: 1, student: { studentNo: 'S008', familyName: '中村' } });
    expect(json.supportPlans).toHaveLength(1);
    const document = readFileSync(join(out, 'S008-export.md'), 'utf8');
    expect(document).toContain('# 保有個人データの開示: 中村 葵（S008）');
    expect(document).toContain('## 観察記録（3件）');
    expect(statSync(join(out, 'S008-export.md')).mode & 0o077).toBe(0);
  });

  it('export prints the document, or JSON with --json; a non-admin is refused', async () => {
    const [document, refused] = await Promise.all([cli(['student', 'export', 'S008', '--as', 'A01', '--lang', 'en']), cli(['student', 'export', 'S008', '--as', 'T02'])]);
    expect(document.stdout).toContain('## Observations (3)');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('T02 may not export student records: only an admin may');
  });

  it('correct changes an attendance day and keeps the earlier value; a bad value changes nothing', async () => {
    const ok = await cli(['student', 'correct', 'S008', '--as', 'A01', '--attendance', '2026-11-16', '--status', 'absent', '--reason', '欠席連絡の見落とし']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('attendance 2026-11-16: status');
    expect(await database.db.recordCorrection.findMany({ where: { studentId: 'S008' }, select: { field: true, before: true, after: true, reason: true } })).toEqual([
      { field: 'status', before: 'separate_room', after: 'absent', reason: '欠席連絡の見落とし' },
    ]);
    const bad = await cli(['student', 'correct', 'S008', '--as', 'A01', '--class', '2-9', '--family-name', '中林', '--reason', 'x']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('invalid classId "2-9" (expected an existing class: 2-1, 2-2, 3-1)');
    expect((await database.db.student.findUniqueOrThrow({ where: { id: 'S008' } })).familyName).toBe('中村');
  });

  it('delete needs --confirm with the student number; afterwards the bot answers as for a name it never had', async () => {
    const deleted = await cli(['student', 'delete', 'S008', '--as', 'A01', '--confirm', 'S008']);
    expect(deleted.status).toBe(0);
    expect(deleted.stdout).toContain('Deleted S008 and every record about them: ');
    expect(await database.db.student.count({ where: { id: 'S008' } })).toBe(0);
    const [asked, nobody] = await Promise.all([cli(['ask', '--as', 'A01', '中村葵さんの様子は？']), cli(['ask', '--as', 'A01', '木村花子さんの様子は？'])]);
    expect(asked.stdout).toBe(nobody.stdout);
  });
});

describe('npm run cli -- retention', () => {
  it('says so when retention is off', async () => {
    const run = await cli(['retention', 'report']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('Retention is off');
  });

  it('report lists by student number and deletes nothing; run deletes it', async () => {
    await database.db.student.update({ where: { id: 'S007' }, data: { enrolledOn: '2005-04-07', leftOn: '2008-03-31' } });
    const retention = { RETENTION_STUDENT_YEARS: '10' };
    const report = await cli(['retention', 'report'], retention);
    expect(report.status).toBe(0);
    expect(report.stdout).toContain('whole records 10 years after leaving (left on or before 2016-11-20)');
    expect(report.stdout).toMatch(/^ {2}S007 {2}delete_student/m);
    expect(report.stdout).toContain('Nothing was deleted (dry run).');
    expect(report.stdout).not.toContain('山本');
    expect(await database.db.student.count({ where: { id: 'S007' } })).toBe(1);
    const run = await cli(['retention', 'run', '--as', 'A01', '--json'], retention);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).items.map((i: { studentId: string }) => i.studentId)).toEqual(['S007']);
    expect(await database.db.student.count({ where: { id: 'S007' } })).toBe(0);
  });
});
