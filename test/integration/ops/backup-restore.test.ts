// `db backup` and `db restore` on the tier's provider (SQLite; PostgreSQL when
// YORISOI_TEST_POSTGRES_URL is set): a backup, a change, a restore gives back the backed-up state;
// an existing file, a database holding records, a database in use and a file that is not a backup
// are refused with a clear message; a backup from an older version is migrated on restore.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, backupDatabase, restoreDatabase } from '../../../src/store/backup.ts';
import { openDatabase, type Database, type Provider } from '../../../src/store/database.ts';
import { migrationNames } from '../../../src/store/migrate.ts';
import { searchObservations } from '../../../src/store/observation-search-repository.ts';
import { checkReadiness } from '../../../src/store/readiness.ts';
import { createTestDatabase, testPostgresUrl, type TestDatabase } from '../../helpers/database.ts';
import { runTs } from '../../helpers/run.ts';
import { buildSchool, tableContents, tableCounts } from './helpers.ts';

let dir: string;
let database: TestDatabase;
/** The test's own client; closed and reopened around each restore (SQLite refuses an open file). */
let current: Database;
let backedUp: Awaited<ReturnType<typeof tableContents>>;
let backupFile: string;
const env = process.env;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yorisoi-backup-'));
  database = await createTestDatabase();
  current = database;
  await buildSchool(database.db);
  backedUp = await tableContents(database.db);
  backupFile = join(dir, database.provider === 'sqlite' ? 'school.db' : 'school.dump');
});
afterAll(async () => {
  await current?.close();
  await database?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

async function reopen(): Promise<void> {
  current = await openDatabase(database.url, { migrate: false });
}

/** Some of everything changes: a row added, one edited, one deleted (with its children). */
async function changeTheSchool(db: Database['db']): Promise<void> {
  await db.auditEvent.create({ data: { at: new Date(), actorId: 'T01', studentId: 'S001', action: 'read', kind: 'attendance', intent: 'ask_student', result: 'allowed' } });
  await db.staff.update({ where: { id: 'T01' }, data: { familyName: '変更後' } });
  await db.student.delete({ where: { id: 'S003' } });
}

describe('db backup, then db restore', () => {
  it('backs up the database to a file, which is never half-written under its name', async () => {
    const result = await backupDatabase(database.url, backupFile, { env });
    expect(result).toMatchObject({ provider: database.provider, file: backupFile });
    expect(result.bytes).toBeGreaterThan(10_000);
    expect(readdirSync(dir)).toEqual([database.provider === 'sqlite' ? 'school.db' : 'school.dump']);
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    const head = readFileSync(backupFile).subarray(0, 16).toString('latin1');
    expect(head).toMatch(database.provider === 'sqlite' ? /^SQLite format 3/ : /^PGDMP/);
  });

  it.runIf(!testPostgresUrl)('SQLite: refuses to write the backup over the database itself, even forced', async () => {
    await expect(backupDatabase(database.url, database.url.replace(/^file:/, ''), { env, force: true })).rejects.toThrow(/is the database itself/);
    expect((await tableCounts(current.db)).Student).toBe(backedUp.Student!.length);
  });

  it('refuses to overwrite an existing backup unless forced', async () => {
    const before = readFileSync(backupFile);
    await expect(backupDatabase(database.url, backupFile, { env })).rejects.toThrow(/already exists.*--force/);
    expect(readFileSync(backupFile).equals(before)).toBe(true);
    await expect(backupDatabase(database.url, backupFile, { env, force: true })).resolves.toMatchObject({ file: backupFile });
  });

  it('refuses to restore over a database that holds records unless forced, and changes nothing', async () => {
    await changeTheSchool(current.db);
    const changed = await tableCounts(current.db);
    expect(changed.Student).toBe(backedUp.Student!.length - 1);
    await expect(restoreDatabase(database.url, backupFile, { env })).rejects.toThrow(/already holds records \("CalendarEntry" holds 25 rows.*add --force/);
    expect(await tableCounts(current.db)).toEqual(changed);
  });

  it.runIf(!testPostgresUrl)('SQLite: refuses to restore while the database is open elsewhere (the bot must be stopped)', async () => {
    await expect(restoreDatabase(database.url, backupFile, { env, force: true })).rejects.toThrow(/is in use \(is the bot running\?\); stop it/);
    expect((await tableCounts(current.db)).Student).toBe(backedUp.Student!.length - 1);
  });

  it('restores the backed-up state exactly, search index included, and the database is ready', async () => {
    await current.close();
    const result = await restoreDatabase(database.url, backupFile, { env, force: true });
    expect(result).toMatchObject({ provider: database.provider, migrated: [], replaced: true });
    await reopen();
    expect(await tableContents(current.db)).toEqual(backedUp);
    expect(await checkReadiness(current)).toEqual({ ready: true });
    const found = await searchObservations(current.db, current.provider, { terms: ['ゲーム'], limit: 10 });
    expect(found.map((r) => r.studentId)).toEqual(['S003', 'S003']);
    // New rows do not collide with restored ids.
    const audit = await current.db.auditEvent.create({ data: { at: new Date(), actorId: 'T01', studentId: null, action: 'read', kind: 'attendance', intent: 'x', result: 'allowed' } });
    expect(audit.id).toBe(Math.max(...backedUp.AuditEvent!.map((a) => a.id as number)) + 1);
  });

  it.runIf(!testPostgresUrl)('SQLite: a backup taken while the database is being written is consistent', async () => {
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await current.db.auditEvent.create({ data: { at: new Date(), actorId: 'T02', studentId: 'S001', action: 'read', kind: 'attendance', intent: 'x', result: 'allowed' } });
        written += 1;
        // Yield to the event loop between writes, as a bot does between messages (the backup's
        // steps run on setImmediate; a loop of resolved promises alone would starve them).
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const file = join(dir, 'during-writes.db');
    try {
      await backupDatabase(database.url, file, { env });
    } finally {
      writing = false;
      await writer;
    }
    const copy = new BetterSqlite3(file, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete'); // one self-contained file
      const n = (copy.prepare('SELECT COUNT(*) AS n FROM "AuditEvent"').get() as { n: number }).n;
      expect(n).toBeGreaterThanOrEqual(backedUp.AuditEvent!.length + 1);
      expect(n).toBeLessThanOrEqual(backedUp.AuditEvent!.length + 1 + written);
    } finally {
      copy.close();
      rmSync(file);
    }
  });
});

describe('db restore: files that are not a usable backup', () => {
  it('a missing file, a text file, a folder', async () => {
    await expect(restoreDatabase(database.url, join(dir, 'nope.db'), { env })).rejects.toThrow(/there is no file/);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'これはバックアップではありません\n');
    await expect(restoreDatabase(database.url, text, { env, force: true })).rejects.toThrow(
      database.provider === 'sqlite' ? /notes\.txt is not a SQLite database/ : /notes\.txt is not a PostgreSQL backup made by db backup/,
    );
    await expect(restoreDatabase(database.url, dir, { env })).rejects.toThrow(/is a folder/);
    expect((await tableCounts(current.db)).Student).toBe(backedUp.Student!.length);
  });

  it("a backup of the other provider, and a database that is not Yorisoi's", async () => {
    const other = join(dir, 'other');
    const foreign = join(dir, 'foreign.db');
    const db = new BetterSqlite3(foreign);
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    db.close();
    if (database.provider === 'sqlite') {
      await expect(restoreDatabase(database.url, foreign, { env, force: true })).rejects.toThrow(/not a Yorisoi backup \(it has no _yorisoi_migrations table\)/);
      writeFileSync(other, Buffer.concat([Buffer.from('PGDMP'), Buffer.alloc(100)]));
      await expect(restoreDatabase(database.url, other, { env, force: true })).rejects.toThrow(/it is a PostgreSQL backup/);
    } else {
      await expect(restoreDatabase(database.url, foreign, { env, force: true })).rejects.toThrow(/is a SQLite backup; restore it into a file: DATABASE_URL/);
    }
    expect(await tableContents(current.db)).toMatchObject({ Student: backedUp.Student });
  });

  it('a backup cut short (a copy that did not finish) is refused or rolled back: the database is unchanged', async () => {
    const whole = readFileSync(backupFile);
    const cut = join(dir, 'cut-short.backup');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.9)));
    const before = await tableContents(current.db);
    if (database.provider === 'sqlite') await current.close();
    try {
      await expect(restoreDatabase(database.url, cut, { env, force: true })).rejects.toThrow(
        database.provider === 'sqlite' ? /cut-short\.backup (is damaged|cannot be read as a SQLite database)/ : /the restore failed and was rolled back, the database is unchanged: pg_restore failed/,
      );
    } finally {
      if (database.provider === 'sqlite') await reopen();
    }
    expect(await tableContents(current.db)).toEqual(before);
  });

  it.runIf(!!testPostgresUrl)('PostgreSQL: a clear error when pg_dump is not installed', async () => {
    await expect(backupDatabase(database.url, join(dir, 'x.dump'), { env: { PATH: join(dir, 'no-tools-here') } })).rejects.toThrow(
      /pg_dump was not found on PATH; install the PostgreSQL client tools/,
    );
    expect(existsSync(join(dir, 'x.dump'))).toBe(false);
  });
});

// A database at the previous version: every migration but the last, applied by hand as migrate.ts
// would have (same ledger, same checksums).
const MIGRATIONS = fileURLToPath(new URL('../../../prisma/migrations/', import.meta.url));
const LEDGER_DDL = (provider: Provider) =>
  `CREATE TABLE _yorisoi_migrations (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at ${provider === 'sqlite' ? 'TEXT' : 'TIMESTAMPTZ'} NOT NULL)`;
function olderMigrations(provider: Provider) {
  return migrationNames(provider)
    .slice(0, -1)
    .map((name) => {
      const sql = readFileSync(join(MIGRATIONS, provider, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

describe('db restore of a backup from an older version', () => {
  it('brings it up to date with the migrations added since', async () => {
    const provider = database.provider;
    const latest = migrationNames(provider).at(-1)!;
    let oldUrl: string;
    let dropOld = async () => {};
    if (provider === 'sqlite') {
      oldUrl = `file:${join(dir, 'old.db')}`;
      const db = new BetterSqlite3(join(dir, 'old.db'));
      db.exec(LEDGER_DDL(provider));
      for (const m of olderMigrations(provider)) {
        db.exec(m.sql);
        db.prepare('INSERT INTO _yorisoi_migrations VALUES (?, ?, ?)').run(m.name, m.checksum, new Date().toISOString());
      }
      db.exec(`INSERT INTO "SchoolClass" ("id", "grade") VALUES ('1-1', 1)`);
      db.close();
    } else {
      const name = `yorisoi_old_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: testPostgresUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(testPostgresUrl!);
      url.pathname = `/${name}`;
      oldUrl = url.toString();
      dropOld = async () => {
        const a = new pg.Client({ connectionString: testPostgresUrl });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      };
      const client = new pg.Client({ connectionString: oldUrl });
      await client.connect();
      await client.query(LEDGER_DDL(provider));
      for (const m of olderMigrations(provider)) {
        await client.query(m.sql);
        await client.query('INSERT INTO _yorisoi_migrations VALUES ($1, $2, now())', [m.name, m.checksum]);
      }
      await client.query(`INSERT INTO "SchoolClass" ("id", "grade") VALUES ('1-1', 1)`);
      await client.end();
    }
    try {
      const oldBackup = join(dir, provider === 'sqlite' ? 'old-backup.db' : 'old-backup.dump');
      await backupDatabase(oldUrl, oldBackup, { env });
      // Restored over the current, fully migrated school: its newer tables give way too.
      await current.close();
      const result = await restoreDatabase(database.url, oldBackup, { env, force: true });
      expect(result.migrated).toEqual([latest]);
      await reopen();
      expect(await checkReadiness(current)).toEqual({ ready: true });
      expect(await tableCounts(current.db)).toMatchObject({ SchoolClass: 1, Student: 0, Staff: 0 });
    } finally {
      await dropOld();
    }
  });
});

describe('npm run cli -- db backup / db restore', () => {
  it('backs up and restores end to end, with exit statuses 0, 1 and 2', async () => {
    const cliEnv = { DATABASE_URL: database.url };
    // Start from the sample school again (the previous test left an older backup's state).
    await current.close();
    await restoreDatabase(database.url, backupFile, { env, force: true });
    await reopen();
    const file = join(dir, `cli-${database.provider}.backup`);

    const backedUpByCli = await runTs('scripts/cli.ts', ['db', 'backup', file], { env: cliEnv });
    expect(backedUpByCli.status, backedUpByCli.stderr).toBe(0);
    expect(backedUpByCli.stdout).toMatch(new RegExp(`backed up .* \\(${database.provider}\\) to .*cli-${database.provider}\\.backup`));

    const overwrite = await runTs('scripts/cli.ts', ['db', 'backup', file], { env: cliEnv });
    expect(overwrite.status).toBe(1);
    expect(overwrite.stderr).toMatch(/already exists; choose another name or add --force/);

    await changeTheSchool(current.db);
    await current.close();
    const refused = await runTs('scripts/cli.ts', ['db', 'restore', file], { env: cliEnv });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/already holds records.*add --force/);

    const restored = await runTs('scripts/cli.ts', ['db', 'restore', file, '--force'], { env: cliEnv });
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/restored .* \(.*\) in \d+ ms; it was up to date/);
    await reopen();
    expect(await tableContents(current.db)).toEqual(backedUp);

    const usage = await runTs('scripts/cli.ts', ['db', 'restore'], { env: cliEnv });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/db restore needs exactly one file name/);
  });
});
