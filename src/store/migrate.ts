// Applies the committed SQL migrations (prisma/migrations/<provider>/NNNN_name/migration.sql).
// `prisma migrate deploy` fails for PostgreSQL without downloaded engines (TOOLCHAIN.md), so the
// application applies them itself: each in a transaction, recorded with a checksum, under a lock
// so two instances starting together do not both migrate.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

const MIGRATIONS_ROOT = fileURLToPath(new URL('../../prisma/migrations/', import.meta.url));
const LEDGER = '_yorisoi_migrations';
/** Arbitrary constant key for pg_advisory_lock: "yorisoi" in ASCII. */
const PG_LOCK_KEY = 0x796f7269736f69;

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

function loadMigrations(provider: 'sqlite' | 'postgresql'): Migration[] {
  const dir = join(MIGRATIONS_ROOT, provider);
  return readdirSync(dir)
    .filter((name) => /^\d{4}_/.test(name) && existsSync(join(dir, name, 'migration.sql')))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

function pending(all: Migration[], applied: Map<string, string>): Migration[] {
  for (const m of all) {
    const sum = applied.get(m.name);
    if (sum !== undefined && sum !== m.checksum) {
      throw new MigrationError(`migration ${m.name} was changed after it was applied; add a new migration instead`);
    }
  }
  return all.filter((m) => !applied.has(m.name));
}

/** The migrations committed for `provider`, by name, in order. */
export function migrationNames(provider: 'sqlite' | 'postgresql'): string[] {
  return loadMigrations(provider).map((m) => m.name);
}

/** Brings the database at `url` up to date. Returns the names of the migrations it applied. */
export async function migrate(url: string): Promise<string[]> {
  return url.startsWith('file:') ? migrateSqlite(url.replace(/^file:/, '')) : migratePostgres(url);
}

function migrateSqlite(path: string): string[] {
  mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path, { timeout: 15_000 });
  try {
    // WAL lets readers continue while a writer commits; it is a property of the file.
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE IF NOT EXISTS ${LEDGER} (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const run = db.transaction(() => {
      const rows = db.prepare(`SELECT name, checksum FROM ${LEDGER}`).all() as { name: string; checksum: string }[];
      const todo = pending(loadMigrations('sqlite'), new Map(rows.map((r) => [r.name, r.checksum])));
      for (const m of todo) {
        db.exec(m.sql);
        db.prepare(`INSERT INTO ${LEDGER} (name, checksum, applied_at) VALUES (?, ?, ?)`).run(m.name, m.checksum, new Date().toISOString());
      }
      return todo.map((m) => m.name);
    });
    // IMMEDIATE takes the write lock up front, so a second process waits instead of racing.
    return run.immediate();
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PG_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${LEDGER} (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM ${LEDGER}`);
    const todo = pending(loadMigrations('postgresql'), new Map(rows.map((r) => [r.name, r.checksum])));
    for (const m of todo) {
      await client.query('BEGIN');
      try {
        await client.query(m.sql); // no parameters: the simple protocol runs every statement
        await client.query(`INSERT INTO ${LEDGER} (name, checksum, applied_at) VALUES ($1, $2, now())`, [m.name, m.checksum]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new MigrationError(`migration ${m.name} failed: ${(error as Error).message}`);
      }
    }
    return todo.map((m) => m.name);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PG_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
