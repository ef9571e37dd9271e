// A deleted row must not linger in the database file (APPI: deletion means gone). Deleting rows
// only marks their space free; SQLite leaves the bytes there, and also leaves copies of cells that
// page splits moved long ago. On SQLite, after the deletion has committed:
//  - the FTS5 search index is contentless and only marks a deleted note's trigrams as gone until
//    its segments merge: 'optimize' merges them now;
//  - VACUUM rewrites the file from the live rows alone, so no deleted byte survives in it;
//  - a WAL checkpoint (TRUNCATE) moves that into the database file and empties the write-ahead
//    log, which still holds page images from before.
// secure_delete (zeroing freed space as it is freed) is set before the deletion, so even when the
// rewrite cannot run the deleted rows themselves are zeroed.
// PostgreSQL keeps deleted tuples until VACUUM reclaims their space (autovacuum does, and the
// bytes are overwritten as pages are reused); `VACUUM FULL` rewrites a table at once, under an
// exclusive lock, for an operator who needs that immediately.
import type { Db, Provider } from '../database.ts';

/** Before deleting: zero deleted content as it is freed (a property of the connection). */
export async function prepareErasure(db: Db, provider: Provider): Promise<void> {
  if (provider === 'sqlite') await db.$queryRawUnsafe('PRAGMA secure_delete = ON');
}

/**
 * After the deletion committed. Best effort: the rewrite waits for the write lock like any write
 * (other instances pause for it, a second or two for a school's database) and fails while this
 * connection is inside another transaction; a reader holding the log open keeps the checkpoint
 * from finishing. False then; the rows are deleted either way, and the next erasure rewrites.
 */
export async function completeErasure(db: Db, provider: Provider): Promise<boolean> {
  if (provider !== 'sqlite') return true;
  try {
    await db.$executeRawUnsafe(`INSERT INTO "ObservationSearch" ("ObservationSearch") VALUES ('optimize')`);
    await db.$executeRawUnsafe('VACUUM');
    const [result] = await db.$queryRawUnsafe<{ busy: number | bigint }[]>('PRAGMA wal_checkpoint(TRUNCATE)');
    return Number(result?.busy ?? 0) === 0;
  } catch {
    return false;
  }
}
