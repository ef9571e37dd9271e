// Opens the school's database through the Prisma client that matches its provider: SQLite by
// default, PostgreSQL for a postgresql:// URL (TOOLCHAIN.md: one generated client per provider).
import type { PrismaClient } from './generated/sqlite/client.ts';
import { migrate } from './migrate.ts';

/**
 * The client the rest of the code is typed against. The SQLite client has the narrower feature
 * set, so code typed against it runs on both providers; the PostgreSQL client is cast to it once,
 * below.
 */
export type Db = PrismaClient;
export type Provider = 'sqlite' | 'postgresql';

export interface Database {
  db: Db;
  provider: Provider;
  close(): Promise<void>;
}

export function providerOf(url: string): Provider {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  throw new Error('DATABASE_URL must be file:<path> or postgresql://...');
}

/**
 * Which database a client talks to, for code handed only the client (the importer): the few
 * statements written per provider need it. `sqlite_version()` exists only in SQLite; asked outside
 * any transaction, the PostgreSQL error aborts nothing.
 */
export async function providerOfClient(db: Db): Promise<Provider> {
  try {
    await db.$queryRawUnsafe('SELECT sqlite_version()');
    return 'sqlite';
  } catch {
    return 'postgresql';
  }
}

/** Applies pending migrations (unless told not to) and returns a connected client. */
export async function openDatabase(url: string, options: { migrate?: boolean } = {}): Promise<Database> {
  const provider = providerOf(url);
  if (options.migrate !== false) await migrate(url);

  if (provider === 'sqlite') {
    const [{ PrismaClient: SqliteClient }, { PrismaBetterSQLite3 }] = await Promise.all([
      import('./generated/sqlite/client.ts'),
      import('@prisma/adapter-better-sqlite3'),
    ]);
    // A generous busy timeout lets concurrent writers (two instances, 50 parallel saves) queue
    // instead of failing with SQLITE_BUSY.
    const db = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 15_000 }) });
    // WAL with synchronous=NORMAL (SQLite's recommended pairing): a commit is never torn or lost
    // when the process dies; only an OS crash or power cut can roll back the last moments. FULL
    // would add an fsync to every audit row and answer.
    await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
    return { db, provider, close: () => db.$disconnect() };
  }

  const [{ PrismaClient: PgClient }, { PrismaPg }] = await Promise.all([
    import('./generated/postgresql/client.ts'),
    import('@prisma/adapter-pg'),
  ]);
  const pg = new PgClient({ adapter: new PrismaPg({ connectionString: url }) });
  // The two generated clients have identical models but distinct generic types (TOOLCHAIN.md).
  const db = pg as unknown as Db;
  return { db, provider, close: () => pg.$disconnect() };
}
