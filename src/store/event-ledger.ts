// Exactly-once handling of platform events that may arrive more than once: Slack retries an event
// it thinks was missed, and with several instances a retry can land on another process. The claim
// is a row in the database, so every instance sees it.
import type { EventLedger } from '../chat/types.ts';
import type { Db } from './database.ts';
import { isUniqueViolation } from './errors.ts';

/**
 * How long a claim stands without completing. A process that died mid-turn leaves its claim
 * behind; after this long a retry may take the event over (Slack retries after 1 min, 5 min, 30 min).
 */
export const CLAIM_LEASE_MS = 2 * 60 * 1000;

export function createEventLedger(db: Db, now: () => Date = () => new Date()): EventLedger {
  return {
    async claim(key) {
      const at = now();
      try {
        await db.processedEvent.create({ data: { key, status: 'processing', claimedAt: at } });
        return true;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      // Seen before: take it over only if that attempt neither finished nor is still within its
      // lease. One UPDATE statement is atomic on both databases, so two deliveries cannot both
      // win. (Prisma's updateMany reads then writes in a deferred SQLite transaction, which two
      // instances on one file can deadlock on until the busy timeout.)
      const stale = new Date(at.getTime() - CLAIM_LEASE_MS);
      const taken = await db.$executeRaw`UPDATE "ProcessedEvent" SET "claimedAt" = ${at} WHERE "key" = ${key} AND "status" = 'processing' AND "claimedAt" < ${stale}`;
      return taken === 1;
    },
    async complete(key) {
      await db.processedEvent.update({ where: { key }, data: { status: 'done', completedAt: now() } });
    },
    async release(key) {
      await db.processedEvent.deleteMany({ where: { key, status: 'processing' } });
    },
  };
}
