// The transaction every records-rights write runs in: a correction, a deletion or one student's
// retention step either happens completely, audit row included, or not at all.
import type { Prisma } from '../generated/sqlite/client.ts';
import type { Db, Provider } from '../database.ts';

/** A client inside a transaction; the plain client is one too, for reads outside one. */
export type Tx = Prisma.TransactionClient;

/** Long enough for a student with years of daily records on a slow disk; a stuck write still ends. */
const TIMEOUT_MS = 120_000;

/**
 * Runs `work` in one transaction. On SQLite it first takes the write lock (a statement that could
 * write, even one that writes nothing, does): Prisma's BEGIN is deferred, and a transaction that
 * reads before it writes fails at once with SQLITE_BUSY when another process wrote meanwhile,
 * instead of waiting its turn.
 */
export async function inWriteTransaction<T>(db: Db, provider: Provider, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      if (provider === 'sqlite') await tx.$executeRaw`DELETE FROM "RecordCorrection" WHERE 0`;
      return work(tx);
    },
    { timeout: TIMEOUT_MS, maxWait: 30_000 },
  );
}
