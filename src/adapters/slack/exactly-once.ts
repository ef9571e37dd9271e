// Slack redelivers an Events API event it believes was missed (x-slack-retry-num), and with more
// than one instance running, deliveries of one event may even overlap. The shared ledger makes
// sure exactly one of them does the work; a failed attempt gives the event back for a retry.
import type { EventLedger } from '../../chat/types.ts';
import { errorFields, type SlackLog } from './log.ts';

export function eventKey(eventId: string): string {
  return `slack:${eventId}`;
}

/**
 * Runs `work` unless another delivery of the same event has it or had it. Interactivity and
 * slash commands are never retried by Slack, so only Events API deliveries come through here.
 */
export async function onceForEvent(ledger: EventLedger, log: SlackLog, eventId: string | undefined, work: () => Promise<void>): Promise<void> {
  if (!eventId) {
    log('warn', 'slack_event_without_id');
    return work();
  }
  const key = eventKey(eventId);
  let claimed: boolean;
  try {
    claimed = await ledger.claim(key);
  } catch (error) {
    // The ledger lives in the database. When that cannot be reached, the engine cannot read or
    // write either and answers "temporarily unavailable": telling the person so beats dropping an
    // event Slack already has its ack for. A duplicate delivery would at worst repeat that notice.
    log('warn', 'slack_ledger_unavailable', { eventId, ...errorFields(error) });
    return work();
  }
  if (!claimed) {
    log('info', 'slack_event_duplicate_dropped', { eventId });
    return;
  }
  try {
    await work();
  } catch (error) {
    await ledger.release(key).catch((releaseError: unknown) => log('error', 'slack_ledger_release_failed', { eventId, ...errorFields(releaseError) }));
    throw error;
  }
  await ledger.complete(key);
}
