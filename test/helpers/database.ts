// A fresh, migrated database for one test file: a temporary SQLite file by default, or a new
// PostgreSQL database when YORISOI_TEST_POSTGRES_URL is set (.ci/run sets it and runs the suite
// again). Never the developer's own database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/store/database.ts';

export interface TestDatabase extends Database {
  url: string;
  /** Closes the client and deletes the database. */
  destroy(): Promise<void>;
}

export const testPostgresUrl = process.env.YORISOI_TEST_POSTGRES_URL;

/** `migrate: false` leaves the database empty (a test of start-up migrating it). */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  return testPostgresUrl ? createPostgres(testPostgresUrl, options) : createSqlite(options);
}

async function createSqlite(options: { migrate?: boolean }): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const database = await openDatabase(url, options);
  return {
    ...database,
    url,
    async destroy() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgres(adminUrl: string, options: { migrate?: boolean }): Promise<TestDatabase> {
  const name = `yorisoi_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase(url.toString(), options);
  return {
    ...database,
    url: url.toString(),
    async destroy() {
      await database.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
