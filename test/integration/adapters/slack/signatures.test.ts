// SECURITY.md checklist 4: bad signatures and replayed timestamps get 401, no handler runs,
// never a 5xx. Requests go to the real HTTP server (Bolt's HTTPReceiver behind our gate).
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signSlackRequest } from '../../../../src/adapters/slack/signature.ts';
import { eventEnvelope, mentionEvent, recordSlackApi, SIGNING_SECRET, startHarness, type Harness } from './harness.ts';

let h: Harness;
let api: ReturnType<typeof recordSlackApi>;
beforeAll(async () => {
  api = recordSlackApi();
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
  nock.cleanAll();
});
afterEach(() => {
  h.handler.turns.length = 0;
});

const now = () => Math.floor(Date.now() / 1000);

async function post(raw: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: raw });
  await h.adapter.idle();
  return response.status;
}

describe('SECURITY checklist 4: Slack request with missing, malformed, wrong-length or wrong signature, or a timestamp more than 300 s off in either direction -> 401, no handler runs, never a 5xx', () => {
  it('lets a correctly signed request through to the handler', async () => {
    const raw = JSON.stringify(eventEnvelope(mentionEvent('出席は？')));
    const ts = String(now());
    expect(await post(raw, { 'x-slack-request-timestamp': ts, 'x-slack-signature': signSlackRequest(SIGNING_SECRET, ts, raw) })).toBe(200);
    expect(h.handler.turns).toHaveLength(1);
  });

  it('answers the URL verification challenge when signed', async () => {
    const raw = JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' });
    const ts = String(now());
    const response = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': ts, 'x-slack-signature': signSlackRequest(SIGNING_SECRET, ts, raw) }, body: raw });
    expect(await response.json()).toEqual({ challenge: 'abc123' });
  });

  const raw = JSON.stringify(eventEnvelope(mentionEvent('出席は？')));
  const good = (ts: string) => signSlackRequest(SIGNING_SECRET, ts, raw);
  const cases: [string, () => Record<string, string>][] = [
    ['no signature', () => ({ 'x-slack-request-timestamp': String(now()) })],
    ['no timestamp', () => ({ 'x-slack-signature': good(String(now())) })],
    ['no headers at all', () => ({})],
    ['a malformed signature', () => ({ 'x-slack-request-timestamp': String(now()), 'x-slack-signature': 'not-a-signature' })],
    ['an unknown signature version', () => ({ 'x-slack-request-timestamp': String(now()), 'x-slack-signature': good(String(now())).replace('v0=', 'v1=') })],
    ['a malformed timestamp', () => ({ 'x-slack-request-timestamp': 'soon', 'x-slack-signature': good('soon') })],
    ['a too-short signature', () => ({ 'x-slack-request-timestamp': String(now()), 'x-slack-signature': good(String(now())).slice(0, 40) })],
    ['a too-long signature', () => ({ 'x-slack-request-timestamp': String(now()), 'x-slack-signature': `${good(String(now()))}ab` })],
    ['a wrong signature', () => ({ 'x-slack-request-timestamp': String(now()), 'x-slack-signature': signSlackRequest('another-secret', String(now()), raw) })],
    ['a signature of another body', () => ({ 'x-slack-request-timestamp': String(now()), 'x-slack-signature': signSlackRequest(SIGNING_SECRET, String(now()), `${raw} `) })],
    ['a timestamp 6 minutes old (replay)', () => ({ 'x-slack-request-timestamp': String(now() - 360), 'x-slack-signature': good(String(now() - 360)) })],
    ['a timestamp 6 minutes ahead', () => ({ 'x-slack-request-timestamp': String(now() + 360), 'x-slack-signature': good(String(now() + 360)) })],
    ['a timestamp a day ahead', () => ({ 'x-slack-request-timestamp': String(now() + 86_400), 'x-slack-signature': good(String(now() + 86_400)) })],
  ];
  for (const [name, headers] of cases) {
    it(`refuses ${name} with 401 and runs nothing`, async () => {
      const before = api.calls.length;
      expect(await post(raw, headers())).toBe(401);
      expect(h.handler.turns).toEqual([]);
      expect(api.calls.length).toBe(before);
    });
  }

  it('answers a signed but unparseable body with a 4xx, never a 5xx', async () => {
    const ts = String(now());
    const status = await post('{not json', { 'x-slack-request-timestamp': ts, 'x-slack-signature': signSlackRequest(SIGNING_SECRET, ts, '{not json') });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(h.handler.turns).toEqual([]);
  });

  it('logs refusals by reason, without the request', () => {
    const refusals = h.logs.filter((l) => l.code === 'slack_signature_rejected');
    expect(new Set(refusals.map((l) => l.fields?.reason))).toEqual(new Set(['missing', 'malformed', 'mismatch', 'stale']));
    expect(JSON.stringify(h.logs)).not.toContain('出席');
  });

  it('has only one endpoint', async () => {
    const response = await fetch(h.url.replace('/slack/events', '/other'), { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
  });
});
