// Names this process in DigestRun.claimedBy. Unique per start, so a restarted instance never
// mistakes its predecessor's claim for its own; host and pid tell an operator who held a claim.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

export function createInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}
