// Sends the weekly digest once per recipient per week, however many instances run and however
// often they are restarted (SECURITY.md checklist 12). Every delivery is preceded by a claim in
// the database, so the scheduler below can simply run the due week on every check: repeated
// checks, a second instance and a catch-up after downtime all collapse into one delivery.
import { formatDigestSchedule, type DigestSchedule } from '../domain/digest-schedule.ts';
import { lastDueSlot, nextSlot } from './digest-schedule.ts';
import type { DigestClaims } from './types.ts';
import { errorFields, type JobLog } from './job-log.ts';
import { startPeriodicCheck, type PeriodicCheck } from './periodic-check.ts';

export type { DigestClaims } from './types.ts';

/** Long enough for one recipient's build and delivery; a claim older than this is presumed dead. */
export const DEFAULT_DIGEST_LEASE_MS = 10 * 60 * 1000;
export const DEFAULT_DIGEST_CHECK_EVERY_MS = 60 * 1000;


export interface DigestJobDeps {
  claims: DigestClaims;
  /** Staff ids who want a digest (opted in), in a stable order. */
  recipients(): Promise<string[]>;
  /** Builds the recipient's digest for the week and delivers it; 'skipped' when there is no way to reach them. Throws on failure. */
  deliver(recipientId: string, weekOf: string): Promise<'sent' | 'skipped'>;
  /**
   * Called once per run with the recipients not yet sent, before any claim, so their digests can be
   * built together (one access pass). Optional; a failure here only means each is built alone.
   */
  prepare?(recipientIds: string[], weekOf: string): Promise<void>;
  instanceId: string;
  leaseMs?: number;
  /** Codes, counts and staff ids only: no names, no digest content. */
  log: JobLog;
}

export interface DigestWeekResult {
  sent: number;
  skipped: number;
  /** Sent or skipped earlier, or being delivered by another instance right now. */
  alreadyDone: number;
  failed: number;
}

/** stop() resolves once the running check has finished its current recipient. */
export type DigestScheduler = PeriodicCheck;

/**
 * Delivers `weekOf`'s digest to every recipient nobody has delivered it to yet. A failed delivery
 * is recorded and the run goes on; the next run retries it. Store errors end the run (the next
 * check starts over; claims make that safe).
 */
export async function runDigestWeek(deps: DigestJobDeps, weekOf: string, options: { shouldStop?: () => boolean } = {}): Promise<DigestWeekResult> {
  const leaseMs = deps.leaseMs ?? DEFAULT_DIGEST_LEASE_MS;
  const result: DigestWeekResult = { sent: 0, skipped: 0, alreadyDone: 0, failed: 0 };
  const recipients = await deps.recipients();
  // Most checks come after the week is done: one read then, instead of a claim per recipient
  // every minute all week.
  const done = new Set(await deps.claims.sentFor(weekOf));
  const pending = recipients.filter((id) => !done.has(id));
  if (pending.length && deps.prepare) {
    await deps.prepare(pending, weekOf).catch((error: unknown) => deps.log('warn', 'digest.prepare_failed', { weekOf, ...errorFields(error) }));
  }
  for (const recipientId of recipients) {
    if (options.shouldStop?.()) break;
    if (done.has(recipientId) || !(await deps.claims.claim(recipientId, weekOf, deps.instanceId, leaseMs))) {
      result.alreadyDone++;
      continue;
    }
    let outcome: 'sent' | 'skipped';
    try {
      outcome = await deps.deliver(recipientId, weekOf);
    } catch (error) {
      result.failed++;
      deps.log('error', 'digest.deliver_failed', { weekOf, recipientId, ...errorFields(error) });
      await deps.claims.markFailed(recipientId, weekOf, deps.instanceId);
      continue;
    }
    // 'skipped' is recorded like 'sent': someone with no way to be reached is not retried every
    // minute all week.
    await deps.claims.markSent(recipientId, weekOf, deps.instanceId);
    result[outcome]++;
  }
  return result;
}

/**
 * Checks at start and then every `checkEveryMs` whether a slot has passed, and runs that week.
 * Only the most recent slot counts: after a long downtime the bot sends the latest week once
 * and never a backlog of stale digests. A check never overlaps the previous one: the next is
 * scheduled only when the last has finished.
 */
export function startDigestScheduler(deps: DigestJobDeps & { schedule: DigestSchedule; now: () => Date; checkEveryMs?: number }): DigestScheduler {
  deps.log('info', 'digest.scheduler_started', { schedule: formatDigestSchedule(deps.schedule), nextSlot: nextSlot(deps.schedule, deps.now()).toISOString(), instanceId: deps.instanceId });
  return startPeriodicCheck({
    everyMs: deps.checkEveryMs ?? DEFAULT_DIGEST_CHECK_EVERY_MS,
    onError: (error) => deps.log('error', 'digest.check_failed', errorFields(error)),
    async check(stopping) {
      const slot = lastDueSlot(deps.schedule, deps.now());
      if (!slot) return;
      const result = await runDigestWeek(deps, slot.weekOf, { shouldStop: stopping });
      // Quiet when nothing happened: after the week's run, every check finds everyone done.
      if (result.sent + result.skipped + result.failed > 0) {
        deps.log(result.failed > 0 ? 'warn' : 'info', 'digest.week_run', { weekOf: slot.weekOf, ...result });
      }
    },
  });
}
