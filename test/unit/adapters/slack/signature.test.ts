import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSlackSignature, signSlackRequest } from '../../../../src/adapters/slack/signature.ts';

const SECRET = 'shhh';
const NOW_MS = Date.UTC(2026, 10, 20, 8, 0, 0);
const NOW = String(NOW_MS / 1000);
const body = Buffer.from('{"type":"event_callback","event_id":"Ev1"}');
const check = (signature: string | undefined, timestamp: string | undefined) => checkSlackSignature(SECRET, { signature, timestamp, rawBody: body }, NOW_MS);

describe('Slack request signatures', () => {
  it('accepts Slack’s signature: v0= + HMAC-SHA256 of v0:timestamp:body', () => {
    const expected = `v0=${createHmac('sha256', SECRET).update(`v0:${NOW}:${body.toString()}`).digest('hex')}`;
    expect(signSlackRequest(SECRET, NOW, body)).toBe(expected);
    expect(check(expected, NOW)).toEqual({ ok: true });
  });

  it('refuses missing, malformed, wrong-length and wrong signatures', () => {
    const good = signSlackRequest(SECRET, NOW, body);
    expect(check(undefined, NOW)).toEqual({ ok: false, reason: 'missing' });
    expect(check(good, undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(check('', NOW)).toEqual({ ok: false, reason: 'missing' });
    expect(check(good.replace('v0=', 'v1='), NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(check('garbage', NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(check(good.slice(0, -2), NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(check(`${good}00`, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(check(good, 'yesterday')).toEqual({ ok: false, reason: 'malformed' });
    expect(check(signSlackRequest('other', NOW, body), NOW)).toEqual({ ok: false, reason: 'mismatch' });
    expect(checkSlackSignature(SECRET, { signature: good, timestamp: NOW, rawBody: Buffer.from('tampered') }, NOW_MS)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses timestamps more than five minutes off, in the past or the future', () => {
    for (const offset of [-301, 301, -86_400, 86_400]) {
      const ts = String(Number(NOW) + offset);
      expect(check(signSlackRequest(SECRET, ts, body), ts)).toEqual({ ok: false, reason: 'stale' });
    }
    for (const offset of [-300, 300]) {
      const ts = String(Number(NOW) + offset);
      expect(check(signSlackRequest(SECRET, ts, body), ts)).toEqual({ ok: true });
    }
  });
});
