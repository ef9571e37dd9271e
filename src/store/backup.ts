// `db backup` and `db restore` for both providers.
//
// SQLite      backup: better-sqlite3's online backup API (a consistent copy, page by page, safe
//             while the bot is running and writing), into `<file>.partial`, renamed into place
//             when complete, so a crash never leaves a half-written file under the real name.
//             restore: the file is checked (a SQLite database with Yorisoi's migration ledger,
//             from this version or an older one), copied over the database (which must not be
//             open: the bot is stopped first; an open database is detected and refused) and
//             migrated, so a backup from an older version is brought up to date.
// PostgreSQL  backup: `pg_dump --format=custom`. restore: `pg_restore` of the archive, run
//             through `psql` in one transaction together with the dropping of the tables it
//             replaces, so a failed restore leaves the database as it was; then migrated.
//
// A database that already holds records is only replaced with `force`.
import { spawn } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { COPY_MODELS } from './copy-database.ts';
import { providerOf, type Provider } from './database.ts';
import { migrate, migrationNames } from './migrate.ts';

const LEDGER = '_yorisoi_migrations';

/** Refused (the file exists, the database holds records, the file is not a backup) or failed. */
export class BackupError extends Error {
  override name = 'BackupError';
}

export interface BackupOptions {
  /** Replace an existing backup file. */
  force?: boolean;
  /**
   * The environment for pg_dump/pg_restore/psql (PATH to find them). The password, if the URL
   * has one, is handed over as PGPASSWORD rather than on the command line, where `ps` shows it.
   */
  env?: Record<string, string | undefined>;
}

export interface RestoreOptions extends BackupOptions {
  /** Replace a database that already holds records. */
  force?: boolean;
}

export interface BackupResult {
  provider: Provider;
  file: string;
  bytes: number;
  ms: number;
}

export interface RestoreResult {
  provider: Provider;
  file: string;
  /** Migrations applied after the restore (a backup from an older version). */
  migrated: string[];
  /** Whether the database held records that the restore replaced (only with force). */
  replaced: boolean;
  ms: number;
}

const sqlitePath = (url: string) => url.replace(/^file:/, '');

// ---------------------------------------------------------------------------------------------
// backup

/** Writes a backup of the database at `url` to `file`. */
export async function backupDatabase(url: string, file: string, options: BackupOptions = {}): Promise<BackupResult> {
  const provider = providerOf(url);
  const target = resolve(file);
  if (existsSync(target) && !options.force) throw new BackupError(`${file} already exists; choose another name or add --force to overwrite it`);
  if (!existsSync(dirname(target))) throw new BackupError(`the folder ${dirname(target)} does not exist`);
  if (existsSync(target) && statSync(target).isDirectory()) throw new BackupError(`${file} is a folder; give the backup a file name`);
  if (provider === 'sqlite' && [resolve(sqlitePath(url)), ...['-wal', '-shm'].map((s) => resolve(sqlitePath(url)) + s)].includes(target)) {
    throw new BackupError(`${file} is the database itself; write the backup to another file`);
  }
  const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  const started = performance.now();
  try {
    if (provider === 'sqlite') await backupSqlite(sqlitePath(url), partial);
    else await runTool('pg_dump', ['--format=custom', `--file=${partial}`], url, options.env);
    // Every student's records are in it: readable by its owner only, whatever the umask.
    chmodSync(partial, 0o600);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  return { provider, file: target, bytes: statSync(target).size, ms: Math.round(performance.now() - started) };
}

async function backupSqlite(path: string, partial: string): Promise<void> {
  if (!existsSync(path)) throw new BackupError(`there is no database at ${path}`);
  const source = openSqlite(path);
  try {
    // All pages in one step (after better-sqlite3's first two): a step reads one snapshot, and in
    // WAL mode a reader never blocks the bot's writers. Many small steps would restart whenever
    // the bot wrote in between, and might never finish on a busy day.
    await source.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  // The copy keeps the source's WAL flag; a backup is one self-contained file instead.
  const copy = new BetterSqlite3(partial);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

// ---------------------------------------------------------------------------------------------
// restore

/** Replaces the database at `url` with the backup in `file`, then migrates it. */
export async function restoreDatabase(url: string, file: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const provider = providerOf(url);
  const source = resolve(file);
  if (!existsSync(source)) throw new BackupError(`there is no file ${file}`);
  if (statSync(source).isDirectory()) throw new BackupError(`${file} is a folder, not a backup file`);
  const started = performance.now();
  const replaced = provider === 'sqlite' ? await restoreSqlite(sqlitePath(url), source, options) : await restorePostgres(url, source, options);
  const migrated = await migrate(url);
  return { provider, file: source, migrated, replaced, ms: Math.round(performance.now() - started) };
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function isSqliteFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, header, 0, header.length, 0) === header.length && header.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** Checks that `path` is an intact Yorisoi SQLite database from this version or an older one. */
function checkSqliteBackup(path: string): void {
  if (!isSqliteFile(path)) {
    throw new BackupError(`${path} is not a SQLite database${looksLikePgDump(path) ? ' (it is a PostgreSQL backup: restore it into a postgresql:// DATABASE_URL)' : ''}`);
  }
  const db = openSqlite(path, { readonly: true });
  try {
    const ledger = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(LEDGER);
    if (!ledger) throw new BackupError(`${path} is a SQLite database but not a Yorisoi backup (it has no ${LEDGER} table)`);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`${path} is damaged (quick_check: ${String(check)})`);
    const known = new Set(migrationNames('sqlite'));
    const unknown = (db.prepare(`SELECT name FROM ${LEDGER} ORDER BY name`).all() as { name: string }[]).map((r) => r.name).filter((n) => !known.has(n));
    if (unknown.length) throw new BackupError(`${path} comes from a newer version of Yorisoi (migration ${unknown.join(', ')} is unknown here); upgrade Yorisoi, then restore`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${path} cannot be read as a SQLite database: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

function looksLikePgDump(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(5);
    return readSync(fd, head, 0, 5, 0) === 5 && head.toString('latin1') === 'PGDMP';
  } finally {
    closeSync(fd);
  }
}

/** Model tables that hold rows in a SQLite database (tables that do not exist yet count as empty). */
function sqliteRows(db: BetterSqlite3.Database): { table: string; rows: number }[] {
  const tables = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
  return COPY_MODELS.filter((m) => tables.has(m.name))
    .map((m) => ({ table: m.name as string, rows: (db.prepare(`SELECT COUNT(*) AS n FROM "${m.name}"`).get() as { n: number }).n }))
    .filter((t) => t.rows > 0);
}

const describeRows = (tables: { table: string; rows: number }[]) =>
  tables
    .slice(0, 5)
    .map((t) => `"${t.table}" holds ${t.rows} row${t.rows === 1 ? '' : 's'}`)
    .join(', ') + (tables.length > 5 ? ', ...' : '');

async function restoreSqlite(path: string, backup: string, options: RestoreOptions): Promise<boolean> {
  const target = resolve(path);
  if (existsSync(target) && realpathSync(target) === realpathSync(backup)) throw new BackupError('the backup file is the database itself');
  checkSqliteBackup(backup);
  mkdirSync(dirname(target), { recursive: true });

  let replaced = false;
  if (existsSync(target)) {
    const current = openSqlite(target, { timeout: 0 });
    try {
      const occupied = sqliteRows(current);
      if (occupied.length && !options.force) {
        throw new BackupError(`the database at ${path} already holds records (${describeRows(occupied)}); add --force to replace them with the backup`);
      }
      replaced = occupied.length > 0;
      // Leaving WAL mode needs the only connection to the file: it fails while the bot (or any
      // other process) has the database open, which is exactly when replacing the file would
      // corrupt it. It also folds the -wal file into the database, so nothing is left behind.
      try {
        current.pragma('journal_mode = DELETE');
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_BUSY') {
          throw new BackupError(`the database at ${path} is in use (is the bot running?); stop it, then restore`);
        }
        throw error;
      }
    } finally {
      current.close();
    }
  }

  // The backup API reads a consistent copy even if the backup file has a -wal of its own.
  const partial = join(dirname(target), `.${basename(target)}.restoring-${process.pid}`);
  try {
    const from = openSqlite(backup, { readonly: true });
    try {
      await from.backup(partial);
    } finally {
      from.close();
    }
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  return replaced;
}

async function restorePostgres(url: string, backup: string, options: RestoreOptions): Promise<boolean> {
  if (isSqliteFile(backup)) throw new BackupError(`${backup} is a SQLite backup; restore it into a file: DATABASE_URL (or move it with db copy)`);
  let listing: string;
  try {
    listing = (await runTool('pg_restore', ['--list', backup], undefined, options.env)).stdout;
  } catch (error) {
    if (error instanceof BackupError && /not found on PATH/.test(error.message)) throw error;
    throw new BackupError(`${backup} is not a PostgreSQL backup made by db backup (pg_dump --format=custom): ${(error as Error).message}`);
  }
  if (!new RegExp(`\\bTABLE (DATA )?\\S+ ${LEDGER}\\b`).test(listing)) throw new BackupError(`${backup} is a PostgreSQL archive but not a Yorisoi backup (it has no ${LEDGER} table)`);

  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`cannot connect to the database: ${(error as Error).message}`);
  }
  let tables: string[];
  let occupied: { table: string; rows: number }[] = [];
  try {
    const { rows } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`);
    tables = rows.map((r) => r.name);
    for (const m of COPY_MODELS) {
      if (!tables.includes(m.name)) continue;
      const { rows: counted } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "${m.name}"`);
      const n = Number(counted[0]!.n);
      if (n > 0) occupied.push({ table: m.name, rows: n });
    }
  } finally {
    await client.end();
  }
  if (occupied.length && !options.force) {
    throw new BackupError(`the database already holds records (${describeRows(occupied)}); add --force to replace them with the backup`);
  }

  // Every table in the schema is dropped first, in the same transaction as the restore: pg_restore
  // --clean alone would leave a table the backup does not know (one added by a later migration)
  // and fail on its foreign keys; here a failure anywhere rolls everything back.
  const prelude = tables.length ? `DROP TABLE IF EXISTS ${tables.map((t) => `"${t.replace(/"/g, '""')}"`).join(', ')} CASCADE;\n` : '';
  await restoreThroughPsql(url, backup, prelude, options.env);
  return occupied.length > 0;
}

/**
 * `pg_restore --file=- <archive> | psql`, inside one transaction that starts with `prelude` and is
 * committed only once pg_restore has finished successfully: a damaged archive that pg_restore
 * gives up on halfway is never committed (psql's own --single-transaction would commit at the end
 * of whatever input it got).
 */
async function restoreThroughPsql(url: string, backup: string, prelude: string, env: BackupOptions['env']): Promise<void> {
  const { connection, childEnv } = connectionFor(url, env);
  // --no-owner/--no-privileges: the objects belong to whoever restores, whatever the roles of the
  // server the backup came from. --no-comments: COMMENT ON EXTENSION needs the extension's owner.
  const dump = spawnTool('pg_restore', ['--no-owner', '--no-privileges', '--no-comments', '--file=-', backup], childEnv, { stdout: 'stream' });
  const psql = spawnTool('psql', ['--no-psqlrc', '--quiet', '--set=ON_ERROR_STOP=1', `--dbname=${connection}`], childEnv, { stdin: 'pipe', stdout: 'ignore' });
  const input = psql.child.stdin!;
  input.on('error', () => undefined); // psql stopping early is reported by its exit status
  input.write(`BEGIN;\n${prelude}`);
  dump.child.stdout!.pipe(input, { end: false });
  const dumped = await dump.done.then(
    () => undefined,
    (error: unknown) => error,
  );
  // Without COMMIT, psql reaches the end of its input inside the transaction, which the server
  // rolls back when psql disconnects.
  input.end(dumped === undefined ? 'COMMIT;\n' : '');
  const restored = await psql.done.then(
    () => undefined,
    (error: unknown) => error,
  );
  for (const error of [restored, dumped]) if (error instanceof BackupError && /not found on PATH/.test(error.message)) throw error;
  const failure = dumped ?? restored;
  if (failure !== undefined) throw new BackupError(`the restore failed and was rolled back, the database is unchanged: ${(failure as Error).message}`);
}

// ---------------------------------------------------------------------------------------------
// the PostgreSQL client tools

/** The URL without its password, and an environment carrying it as PGPASSWORD. */
function connectionFor(url: string, env: BackupOptions['env']): { connection: string; childEnv: Record<string, string | undefined> | undefined } {
  const parsed = new URL(url);
  if (!parsed.password) return { connection: url, childEnv: env };
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { connection: parsed.toString(), childEnv: { ...(env ?? {}), PGPASSWORD: password } };
}

/**
 * Starts a client tool. `stdout`: 'collect' gathers it into the result, 'stream' leaves it for the
 * caller to pipe, 'ignore' discards it. `stdin`: 'pipe' for the caller to write to.
 */
function spawnTool(tool: string, args: string[], env: Record<string, string | undefined> | undefined, io: { stdin?: 'pipe'; stdout: 'collect' | 'stream' | 'ignore' }) {
  const child = spawn(tool, args, { env: env as NodeJS.ProcessEnv | undefined, stdio: [io.stdin ?? 'ignore', io.stdout === 'ignore' ? 'ignore' : 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  if (io.stdout === 'collect') child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const done = new Promise<{ stdout: string; stderr: string }>((resolvePromise, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BackupError(`${tool} was not found on PATH; install the PostgreSQL client tools (Debian/Ubuntu: postgresql-client), the server's major version or newer`)
          : new BackupError(`${tool} could not be started: ${error.message}`),
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolvePromise({ stdout, stderr });
      else reject(new BackupError(`${tool} failed (exit ${code}): ${stderr.trim().split('\n').slice(-5).join(' | ') || 'no message'}`));
    });
  });
  return { child, done };
}

/** Runs a PostgreSQL client tool; `url`, if given, is appended as the database to connect to. */
async function runTool(tool: string, args: string[], url: string | undefined, env: BackupOptions['env']): Promise<{ stdout: string; stderr: string }> {
  if (url === undefined) return spawnTool(tool, args, env, { stdout: 'collect' }).done;
  const { connection, childEnv } = connectionFor(url, env);
  return spawnTool(tool, [...args, `--dbname=${connection}`], childEnv, { stdout: 'collect' }).done;
}

function openSqlite(path: string, options: { readonly?: boolean; timeout?: number } = {}): BetterSqlite3.Database {
  try {
    return new BetterSqlite3(path, { fileMustExist: true, readonly: options.readonly ?? false, timeout: options.timeout ?? 15_000 });
  } catch (error) {
    throw new BackupError(`cannot open ${path}: ${(error as Error).message}`);
  }
}
