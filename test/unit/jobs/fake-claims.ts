// An in-memory DigestClaims with the store's rules (store/digest-claims.ts), for the job's unit
// tests; the integration tests run the same scenarios against the real database.
import type { DigestClaims } from '../../../src/jobs/types.ts';

export interface FakeRun {
  status: 'claimed' | 'sent' | 'failed';
  claimedBy: string;
  leaseUntil: number;
}

export function createFakeClaims(now: () => Date = () => new Date()): DigestClaims & { runs: Map<string, FakeRun>; set(recipientId: string, weekOf: string, run: FakeRun): void } {
  const runs = new Map<string, FakeRun>();
  const key = (recipientId: string, weekOf: string) => `${recipientId}|${weekOf}`;
  return {
    runs,
    set(recipientId, weekOf, run) {
      runs.set(key(recipientId, weekOf), run);
    },
    async claim(recipientId, weekOf, instanceId, leaseMs) {
      const at = now().getTime();
      const run = runs.get(key(recipientId, weekOf));
      if (run && !(run.status === 'failed' || (run.status === 'claimed' && run.leaseUntil < at))) return false;
      runs.set(key(recipientId, weekOf), { status: 'claimed', claimedBy: instanceId, leaseUntil: at + leaseMs });
      return true;
    },
    async markSent(recipientId, weekOf, instanceId) {
      const run = runs.get(key(recipientId, weekOf));
      if (run && run.status !== 'sent') runs.set(key(recipientId, weekOf), { ...run, status: 'sent', claimedBy: instanceId });
    },
    async markFailed(recipientId, weekOf, instanceId) {
      const run = runs.get(key(recipientId, weekOf));
      if (run && run.status === 'claimed' && run.claimedBy === instanceId) run.status = 'failed';
    },
    async sentFor(weekOf) {
      return [...runs.entries()].filter(([k, r]) => k.endsWith(`|${weekOf}`) && r.status === 'sent').map(([k]) => k.split('|')[0]!).sort();
    },
  };
}
