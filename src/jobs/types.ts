// What the digest job needs from the database, as an interface: jobs/ never imports the store
// (ARCHITECTURE.md); main.ts passes in store/digest-claims.ts, tests pass a fake.

/**
 * One row per (recipient, week) decides who sends that digest. Every instance of the bot asks
 * here before delivering, so two instances or a restart mid-run never send a week twice.
 */
export interface DigestClaims {
  /** True when this instance now owns (recipient, week): no row yet, or a failed one, or a claim whose lease ran out. Atomic across instances. */
  claim(recipientId: string, weekOf: string, instanceId: string, leaseMs: number): Promise<boolean>;
  markSent(recipientId: string, weekOf: string, instanceId: string): Promise<void>;
  /** The attempt failed: a later run may claim it again. */
  markFailed(recipientId: string, weekOf: string, instanceId: string): Promise<void>;
  /** Recipients already sent for this week (for reports). */
  sentFor(weekOf: string): Promise<string[]>;
}
