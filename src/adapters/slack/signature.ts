// Slack signs every HTTP request: `v0=` + HMAC-SHA256(signing secret, `v0:{timestamp}:{raw body}`).
// Bolt checks this too, but only rejects timestamps that are too old; a request stamped far in the
// future could be captured and replayed later, so this check bounds both directions.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's own window: a request more than five minutes off the clock is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

export interface SignedRequest {
  signature: string | string[] | undefined;
  timestamp: string | string[] | undefined;
  rawBody: Buffer;
}

export function signSlackRequest(signingSecret: string, timestamp: string, rawBody: string | Buffer): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}

export function checkSlackSignature(signingSecret: string, request: SignedRequest, nowMs: number): SignatureCheck {
  const { signature, timestamp } = request;
  if (typeof signature !== 'string' || typeof timestamp !== 'string' || !signature || !timestamp) {
    return { ok: false, reason: 'missing' };
  }
  if (!/^\d{1,12}$/.test(timestamp) || !/^v0=[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: 'malformed' };
  if (Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signSlackRequest(signingSecret, timestamp, request.rawBody), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  // Both are `v0=` + 64 hex digits here, so the lengths match and the comparison is constant-time.
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'mismatch' };
  return { ok: true };
}
