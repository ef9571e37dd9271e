// Issue 8, operations: HTTP mode answers /healthz (alive) and /readyz (database reachable and
// migrated, not shutting down) for a load balancer, unsigned, revealing nothing but a code.
import { afterEach, describe, expect, it } from 'vitest';
import type { Readiness } from '../../../../src/chat/types.ts';
import { createFakeHandler, recordSlackApi, startHarness, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const get = async (path: string) => {
  const response = await fetch(h!.url.replace('/slack/events', path));
  return { status: response.status, body: (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined };
};

describe('health endpoints in HTTP mode', () => {
  it('/healthz: alive; /readyz: ready when the check says so', async () => {
    recordSlackApi();
    h = await startHarness(createFakeHandler(), { readiness: async () => ({ ready: true }) });
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'alive' } });
    expect(await get('/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('/readyz: 503 with the reason when the database is behind or unreachable, or the check fails', async () => {
    recordSlackApi();
    let answer: () => Promise<Readiness> = async () => ({ ready: false, reason: 'migrations_pending' });
    h = await startHarness(createFakeHandler(), { readiness: () => answer() });
    expect(await get('/readyz')).toEqual({ status: 503, body: { status: 'not_ready', reason: 'migrations_pending' } });
    answer = () => Promise.reject(new Error('connect ECONNREFUSED'));
    expect(await get('/readyz')).toEqual({ status: 503, body: { status: 'not_ready', reason: 'database_unreachable' } });
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'alive' } }); // alive all the same
    expect(h.logs.filter((l) => l.code === 'slack_not_ready').map((l) => l.fields?.reason)).toEqual(['migrations_pending', 'database_unreachable']);
  });

  it('/readyz: a check that hangs counts as unreachable after 3 s, so the probe never hangs', async () => {
    recordSlackApi();
    h = await startHarness(createFakeHandler(), { readiness: () => new Promise(() => {}) });
    const started = Date.now();
    expect(await get('/readyz')).toEqual({ status: 503, body: { status: 'not_ready', reason: 'database_unreachable' } });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('only GET; nothing else is served on those paths', async () => {
    recordSlackApi();
    h = await startHarness();
    expect((await fetch(h.url.replace('/slack/events', '/healthz'), { method: 'POST' })).status).toBe(404);
    expect((await fetch(h.url.replace('/slack/events', '/metrics'))).status).toBe(404);
  });
});
