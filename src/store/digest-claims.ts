// Who sends which weekly digest: one DigestRun row per (recipient, week), shared by every instance
// through the database (SECURITY.md checklist 12: exactly one digest per recipient per week, even
// with two instances or a restart mid-run). The same shape as event-ledger.ts: insert to claim,
// and one conditional UPDATE to take over a failed or abandoned attempt.
import type { DigestClaims } from '../jobs/types.ts';
import type { Db } from './database.ts';
import { isUniqueViolation } from './errors.ts';

/**
 * `now` is for tests. In the app leave it as the wall clock, not a pinned YORISOI_NOW: leases
 * measure whether a process is still alive, and a frozen clock would never let one run out.
 */
export function createDigestClaims(db: Db, now: () => Date = () => new Date()): DigestClaims {
  return {
    async claim(recipientId, weekOf, instanceId, leaseMs) {
      const at = now();
      const leaseUntil = new Date(at.getTime() + leaseMs);
      try {
        await db.digestRun.create({ data: { recipientId, weekOf, status: 'claimed', claimedBy: instanceId, leaseUntil } });
        return true;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      // The row exists: take it over only from a failed attempt or from a claim whose process
      // stopped renewing it (died, or hung past its lease). A single UPDATE is atomic on both
      // databases, so of two instances racing here exactly one sees a changed row. (Prisma's
      // updateMany reads then writes in a deferred SQLite transaction, which two clients on one
      // file can deadlock on until the busy timeout.)
      const taken = await db.$executeRaw`UPDATE "DigestRun" SET "status" = 'claimed', "claimedBy" = ${instanceId}, "leaseUntil" = ${leaseUntil}
        WHERE "recipientId" = ${recipientId} AND "weekOf" = ${weekOf}
          AND ("status" = 'failed' OR ("status" = 'claimed' AND "leaseUntil" < ${at}))`;
      return taken === 1;
    },

    async markSent(recipientId, weekOf, instanceId) {
      // Not guarded by owner: the digest did go out, so the row must say so even if a slow
      // delivery outlived its lease and another instance took the claim over meanwhile.
      // Recording it stops that other instance's failure from re-opening the week.
      await db.$executeRaw`UPDATE "DigestRun" SET "status" = 'sent', "claimedBy" = ${instanceId}, "sentAt" = ${now()}
        WHERE "recipientId" = ${recipientId} AND "weekOf" = ${weekOf} AND "status" <> 'sent'`;
    },

    async markFailed(recipientId, weekOf, instanceId) {
      // Guarded by owner and status: a stale instance must not re-open a claim that another
      // instance now holds, nor a digest that was sent.
      await db.$executeRaw`UPDATE "DigestRun" SET "status" = 'failed'
        WHERE "recipientId" = ${recipientId} AND "weekOf" = ${weekOf} AND "claimedBy" = ${instanceId} AND "status" = 'claimed'`;
    },

    async sentFor(weekOf) {
      const rows = await db.digestRun.findMany({ where: { weekOf, status: 'sent' }, select: { recipientId: true }, orderBy: { recipientId: 'asc' } });
      return rows.map((r) => r.recipientId);
    },
  };
}
