// `db copy`: the sample school (SQLite) moved into another database: PostgreSQL when the PG tier
// is on (YORISOI_TEST_POSTGRES_URL), another SQLite file otherwise. Every table's content
// survives, search and new rows work on the target, and a refused or failed copy writes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COPY_MODELS, CopyFailedError, CopyRefusedError, copyDatabase, type CopyReport } from '../../../src/store/copy-database.ts';
import { openDatabase, type Database } from '../../../src/store/database.ts';
import { migrationNames } from '../../../src/store/migrate.ts';
import { searchObservations } from '../../../src/store/observation-search-repository.ts';
import { checkReadiness } from '../../../src/store/readiness.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { runTs } from '../../helpers/run.ts';
import { buildSchool, tableContents, tableCounts } from './helpers.ts';

let dir: string;
let sourceUrl: string;
let source: Database;
let sourceContents: Awaited<ReturnType<typeof tableContents>>;
const empty = Object.fromEntries(COPY_MODELS.map((m) => [m.name, 0]));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yorisoi-copy-'));
  sourceUrl = `file:${join(dir, 'source.db')}`;
  source = await openDatabase(sourceUrl);
  await buildSchool(source.db);
  sourceContents = await tableContents(source.db);
});
afterAll(async () => {
  await source?.close();
  rmSync(dir, { recursive: true, force: true });
});

const search = (database: Pick<Database, 'db' | 'provider'>, terms: string[]) =>
  searchObservations(database.db, database.provider, { terms, limit: 50 }).then((rows) => rows.map((r) => `${r.studentId} ${r.observedAt.toISOString()} ${r.authorId}`));

describe('db copy into an empty database', () => {
  let target: TestDatabase;
  let report: CopyReport;

  beforeAll(async () => {
    // Not migrated: the copy migrates the target itself. Tiny pages, so every model (including the
    // composite keys of StaffClass, Attendance and ChatInstallation) is read over many keyset pages.
    target = await createTestDatabase({ migrate: false });
    report = await copyDatabase(sourceUrl, target.url, { pageSize: 16 });
  });
  afterAll(async () => target?.destroy());

  it('migrates the target and reports every table, in foreign-key order, with matching counts', async () => {
    expect(await checkReadiness(target)).toEqual({ ready: true });
    expect(report.target.provider).toBe(target.provider);
    expect(report.tables.map((t) => t.table)).toEqual(COPY_MODELS.map((m) => m.name));
    for (const t of report.tables) {
      expect(t.targetRows, t.table).toBe(t.sourceRows);
      expect(t.sourceRows, t.table).toBe(sourceContents[t.table]!.length);
      expect(t.sourceRows, `${t.table} has rows, so the test covers it`).toBeGreaterThan(0);
    }
    expect(report.tables.find((t) => t.table === 'Attendance')!.pages).toBe(Math.ceil(1500 / 16));
    expect(report.totalRows).toBe(Object.values(sourceContents).reduce((n, rows) => n + rows.length, 0));
    if (target.provider === 'postgresql') expect(report.sequencesReset).toContain('AuditEvent.id');
  });

  it("copies every table's rows exactly: dates (to the millisecond), booleans, nulls, floats and Japanese text", async () => {
    const copied = await tableContents(target.db);
    expect(copied).toEqual(sourceContents);
    // Spot checks that the comparison above really compares typed values.
    const audit = copied.AuditEvent!;
    expect(audit.find((a) => a.actorId === 'T01')).toMatchObject({ at: new Date('2026-11-20T08:15:30.123Z'), studentId: 'S003' });
    expect(audit.find((a) => a.actorId === 'platform:U999')).toMatchObject({ studentId: null, result: 'denied' });
    const observations = copied.Observation!;
    expect(observations.length).toBe(30);
    for (const o of observations) expect(o.observedAt).toBeInstanceOf(Date);
    expect(observations.map((o) => (o.observedAt as Date).toISOString())).toEqual(sourceContents.Observation!.map((o) => (o.observedAt as Date).toISOString()));
    expect(copied.Staff!.find((s) => s.id === 'T02')).toMatchObject({ digestOptIn: false, email: null });
    expect(copied.Staff!.find((s) => s.id === 'T01')).toMatchObject({ digestOptIn: true });
  });

  it("finds observations by their words on the target (SQLite FTS5 triggers / PostgreSQL pg_trgm)", async () => {
    for (const terms of [['ゲーム'], ['家庭訪問'], ['面談'], ['home visit'], ['訂正済み'], ['母親', 'ゲーム']]) {
      const found = await search(target, terms);
      expect(found, terms.join(' ')).toEqual(await search(source, terms));
      expect(found.length, terms.join(' ')).toBeGreaterThan(0);
    }
  });

  it('copies back the other way (from the target into a new SQLite file) with nothing lost', async () => {
    const backUrl = `file:${join(dir, 'back.db')}`;
    const back = await copyDatabase(target.url, backUrl);
    expect(back.source.provider).toBe(target.provider);
    const reopened = await openDatabase(backUrl, { migrate: false });
    try {
      expect(await tableContents(reopened.db)).toEqual(sourceContents);
    } finally {
      await reopened.close();
    }
  });

  it('takes new rows without id collisions, and finds a new observation', async () => {
    const maxId = (table: string) => Math.max(...sourceContents[table]!.map((r) => r.id as number));
    const audit = await target.db.auditEvent.create({ data: { at: new Date(), actorId: 'T01', studentId: 'S001', action: 'read', kind: 'attendance', intent: 'ask_student', result: 'allowed' } });
    expect(audit.id).toBe(maxId('AuditEvent') + 1);
    const entry = await target.db.calendarEntry.create({ data: { date: '2026-12-28', kind: 'break_start', label: '冬休み' } });
    expect(entry.id).toBe(maxId('CalendarEntry') + 1);
    const rating = await target.db.competencyRating.create({ data: { studentId: 'S001', assessedOn: '2026-12-01', competency: 'self_management', score: 3, rater: 'teacher' } });
    expect(rating.id).toBe(maxId('CompetencyRating') + 1);
    const correction = await target.db.recordCorrection.create({ data: { studentId: 'S002', kind: 'profile', recordKey: 'S002', field: 'givenName', before: 'a', after: 'b', reason: 'typo', correctedBy: 'T01', correctedAt: new Date() } });
    expect(correction.id).toBe(maxId('RecordCorrection') + 1);
    await target.db.observation.create({ data: { id: 'obs-after-copy', studentId: 'S001', authorId: 'T01', observedAt: new Date('2026-11-24T03:00:00Z'), text: '移行後に書いた記録：図書室で読書', source: 'chat' } });
    expect(await search(target, ['図書室で読書'])).toEqual(['S001 2026-11-24T03:00:00.000Z T01']);
  });
});

describe('db copy refuses or fails without leaving anything behind', () => {
  it('refuses a target that already holds rows, naming the table and count, and writes nothing', async () => {
    const target = await createTestDatabase();
    try {
      await target.db.schoolClass.create({ data: { id: '9-9', grade: 3 } });
      const copying = copyDatabase(sourceUrl, target.url);
      await expect(copying).rejects.toBeInstanceOf(CopyRefusedError);
      await expect(copying).rejects.toThrow(/not empty: "SchoolClass" holds 1 row\b/);
      expect(await tableCounts(target.db)).toEqual({ ...empty, SchoolClass: 1 });
    } finally {
      await target.destroy();
    }
  });

  it('refuses to copy a database onto itself', async () => {
    await expect(copyDatabase(sourceUrl, sourceUrl)).rejects.toThrow(/target is the source/);
  });

  it('rolls back a copy that fails midway: the target stays empty, search index included', async () => {
    const target = await createTestDatabase({ migrate: false });
    try {
      const seen: string[] = [];
      const copying = copyDatabase(sourceUrl, target.url, {
        pageSize: 100,
        onProgress: (event) => {
          if (event.kind !== 'table') return;
          seen.push(event.table.table);
          if (event.table.table === 'AuditEvent') throw new Error('injected failure after the AuditEvent page');
        },
      });
      await expect(copying).rejects.toBeInstanceOf(CopyFailedError);
      await expect(copying).rejects.toThrow(/rolled back.*injected failure/);
      expect(seen).toContain('Observation'); // most tables had been written before the failure
      expect(await tableCounts(target.db)).toEqual(empty);
      expect(await search(target, ['ゲーム'])).toEqual([]);
      if (target.provider === 'sqlite') {
        const [{ n }] = await target.db.$queryRawUnsafe<[{ n: bigint }]>('SELECT COUNT(*) AS n FROM "ObservationSearchKey"');
        expect(Number(n)).toBe(0);
      }
      // The target is still usable: a second copy succeeds.
      const report = await copyDatabase(sourceUrl, target.url);
      expect(report.totalRows).toBeGreaterThan(1800);
    } finally {
      await target.destroy();
    }
  });
});

describe('npm run cli -- db copy', () => {
  it('copies with a JSON report (exit 0), refuses a second copy (exit 1), rejects bad usage (exit 2)', async () => {
    const target = await createTestDatabase({ migrate: false });
    try {
      const env = { DATABASE_URL: sourceUrl };
      const copied = await runTs('scripts/cli.ts', ['db', 'copy', '--to', target.url, '--json'], { env });
      expect(copied.status, copied.stderr).toBe(0);
      const report = JSON.parse(copied.stdout) as CopyReport;
      expect(report.tables.map((t) => [t.table, t.targetRows])).toEqual(COPY_MODELS.map((m) => [m.name, sourceContents[m.name]!.length]));
      expect(report.target.provider).toBe(target.provider);
      expect(report.rowsPerSecond).toBeGreaterThan(0);
      expect(await tableCounts(target.db)).toEqual(Object.fromEntries(COPY_MODELS.map((m) => [m.name, sourceContents[m.name]!.length])));
      expect(migrationNames(target.provider).length).toBeGreaterThan(0);

      const again = await runTs('scripts/cli.ts', ['db', 'copy', '--to', target.url], { env });
      expect(again.status).toBe(1);
      expect(again.stderr).toMatch(/db copy refused, nothing was written: the target database is not empty: "CalendarEntry" holds 25 rows/);

      const usage = await runTs('scripts/cli.ts', ['db', 'copy', '--to', 'mysql://localhost/school'], { env });
      expect(usage.status).toBe(2);
      expect(usage.stderr).toMatch(/--to must be file:<path> or postgresql:\/\//);
    } finally {
      await target.destroy();
    }
  });
});
