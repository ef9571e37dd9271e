// SECURITY.md checklist 13: about one message per second per channel, Retry-After honoured.
// Real timers and Slack's real 1 s spacing: these tests take a few seconds on purpose.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { withRateLimit } from '../../../../src/engine/rate-limit.ts';
import { createFakeHandler, dmEvent, eventEnvelope, HOOKS, mentionEvent, recordResponseUrl, recordSlackApi, SLACK, slashCommand, startHarness, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
  nock.cleanAll();
});

const TIMER_TOLERANCE_MS = 30; // timers may fire a little early relative to Date.now()

describe('SECURITY checklist 13: outbound rate limits: at most about one message per second per Slack channel, Retry-After honoured', () => {
  it('spaces posts to one channel by the interval without delaying other channels', async () => {
    const api = recordSlackApi();
    h = await startHarness(undefined, { channelIntervalMs: 1000 });
    const started = Date.now();
    await Promise.all([h.send(eventEnvelope(dmEvent('一'))), h.send(eventEnvelope(dmEvent('二'))), h.send(eventEnvelope(dmEvent('三'))), h.send(eventEnvelope(mentionEvent('別のチャンネル')))]);
    await h.adapter.idle();

    const dm = api.of('chat.postMessage').filter((p) => p.body.channel === 'D0ASKER');
    expect(dm).toHaveLength(3);
    for (let i = 1; i < dm.length; i++) expect(dm[i]!.at - dm[i - 1]!.at).toBeGreaterThanOrEqual(1000 - TIMER_TOLERANCE_MS);
    const other = api.of('chat.postMessage').find((p) => p.body.channel === 'C0STAFF')!;
    expect(other.at - started).toBeLessThan(900);
  });

  it('waits out a 429 for its Retry-After, then sends', async () => {
    let refusedAt = 0;
    nock(SLACK)
      .post('/api/chat.postMessage')
      .reply(() => {
        refusedAt = Date.now();
        return [429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' }];
      });
    const api = recordSlackApi();
    h = await startHarness();
    await h.send(eventEnvelope(dmEvent('出席は？')));
    await h.adapter.idle();

    const posts = api.of('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.at - refusedAt).toBeGreaterThanOrEqual(1000 - TIMER_TOLERANCE_MS);
    expect(h.logs).toContainEqual({ level: 'warn', code: 'slack_rate_limited', fields: { channel: 'D0ASKER', retryAfterSeconds: 1, attempt: 1 } });
  });

  it('honours Retry-After on a response_url too', async () => {
    recordSlackApi();
    let refusedAt = 0;
    nock(HOOKS)
      .post('/commands/T0SCHOOL/9/rl')
      .reply(() => {
        refusedAt = Date.now();
        return [429, 'rate_limited', { 'Retry-After': '1' }];
      });
    const hook = recordResponseUrl('/commands/T0SCHOOL/9/rl');
    h = await startHarness();
    const before = Date.now();
    await h.send(slashCommand('help', '/commands/T0SCHOOL/9/rl'));
    await h.adapter.idle();
    expect(refusedAt).toBeGreaterThanOrEqual(before);
    expect(hook.posts).toHaveLength(1);
    expect(Date.now() - refusedAt).toBeGreaterThanOrEqual(1000 - TIMER_TOLERANCE_MS);
  });
});

describe('inbound abuse limit (issue 7)', () => {
  it('a person over the turn limit is told in Slack to wait; the engine never sees the extra turns', async () => {
    const api = recordSlackApi();
    const engine = createFakeHandler();
    h = await startHarness({ ...engine, ...withRateLimit(engine, { perMinute: 2 }) });
    for (const text of ['一', '二', '三']) {
      await h.send(eventEnvelope(dmEvent(text)));
      await h.adapter.idle();
    }
    const texts = api.of('chat.postMessage').map((p) => String(p.body.text));
    expect(texts).toEqual(['echo: 一', 'echo: 二', expect.stringContaining('1分あたり2件まで')]);
    expect(engine.turns.map((t) => t.text)).toEqual(['一', '二']);
  });
});
