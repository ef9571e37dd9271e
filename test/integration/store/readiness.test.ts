// /readyz's database half: reachable, and every committed migration applied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/store/database.ts';
import { migrationNames } from '../../../src/store/migrate.ts';
import { checkReadiness } from '../../../src/store/readiness.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.destroy());

describe('database readiness', () => {
  it('ready once migrated; behind when a migration is missing; unreachable when closed', async () => {
    expect(await checkReadiness(database)).toEqual({ ready: true });
    const last = migrationNames(database.provider).at(-1)!;
    await database.db.$executeRawUnsafe(`DELETE FROM _yorisoi_migrations WHERE name = '${last}'`);
    expect(await checkReadiness(database)).toEqual({ ready: false, reason: 'migrations_pending' });
    // PostgreSQL: a server that is not there. SQLite has no server to lose: a client whose every
    // query fails (as with a disk gone read-only or a file removed) stands in.
    const unreachable =
      database.provider === 'postgresql'
        ? await openDatabase('postgresql://postgres@127.0.0.1:1/postgres', { migrate: false })
        : { provider: 'sqlite' as const, db: { $queryRawUnsafe: () => Promise.reject(new Error('SQLITE_IOERR')) } as unknown as Db, close: async () => {} };
    try {
      expect(await checkReadiness(unreachable)).toEqual({ ready: false, reason: 'database_unreachable' });
    } finally {
      await unreachable.close().catch(() => undefined);
    }
  });
});
