// SECURITY.md checklist 6: Slack gets its ack within 3 s however long the engine takes; the work
// runs after the ack with a visible "working on it" sign; stop() lets work in progress finish.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../../src/chat/types.ts';
import { createFakeHandler, eventEnvelope, mentionEvent, recordResponseUrl, recordSlackApi, reply, slashCommand, startHarness, type Harness } from './harness.ts';

let h: Harness | undefined;
const unblock: (() => void)[] = [];
afterEach(async () => {
  for (const release of unblock.splice(0)) release();
  await h?.stop();
  h = undefined;
  nock.cleanAll();
});

/** An engine that answers only when the test says so (a 30 s LLM call, without the wait). */
function slowEngine() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  unblock.push(release);
  let started = 0;
  const handler = createFakeHandler(async (m): Promise<Reply> => {
    started++;
    await released;
    return reply(`echo ${m.text}`);
  });
  return { handler, release, started: () => started };
}

describe('SECURITY checklist 6: Slack ack within 3 s even when the LLM takes 30 s (ack first, work after)', () => {
  it('acks an event at once and answers after, with the hourglass up meanwhile', async () => {
    const api = recordSlackApi();
    const engine = slowEngine();
    h = await startHarness(engine.handler);
    const before = Date.now();
    const response = await h.send(eventEnvelope(mentionEvent('長い質問')));
    expect(response.status).toBe(200);
    expect(Date.now() - before).toBeLessThan(3000);
    await vitestWaitFor(() => engine.started() === 1);
    expect(api.of('reactions.add')).toHaveLength(1);
    expect(api.of('chat.postMessage')).toHaveLength(0);

    engine.release();
    await h.adapter.idle();
    expect(api.calls.map((c) => c.method).slice(1)).toEqual(['reactions.add', 'chat.postMessage', 'reactions.remove']);
  });

  it('acks a slash command before the engine answers', async () => {
    recordSlackApi();
    const hook = recordResponseUrl('/commands/T0SCHOOL/1/abc');
    const engine = slowEngine();
    h = await startHarness(engine.handler);
    const response = await h.send(slashCommand('長い質問'));
    expect(response.status).toBe(200);
    expect(hook.posts).toHaveLength(0);
    engine.release();
    await h.adapter.idle();
    expect(hook.posts).toHaveLength(1);
  });

  it('keeps answering when the hourglass cannot be shown', async () => {
    nock('https://slack.com').post('/api/reactions.add').reply(200, { ok: false, error: 'missing_scope' });
    const api = recordSlackApi();
    h = await startHarness();
    await h.send(eventEnvelope(mentionEvent('x')));
    await h.adapter.idle();
    expect(api.of('chat.postMessage')).toHaveLength(1);
    expect(h.logs).toContainEqual({ level: 'warn', code: 'slack_reaction_add_failed', fields: expect.objectContaining({ slackError: 'missing_scope' }) });
  });
});

describe('stopping', () => {
  it('refuses new requests, finishes the turn in progress, then closes', async () => {
    const api = recordSlackApi();
    const engine = slowEngine();
    h = await startHarness(engine.handler);
    await h.send(eventEnvelope(mentionEvent('途中の質問')));
    await vitestWaitFor(() => engine.started() === 1);

    const stopped = h.adapter.stop();
    const late = await h.send(eventEnvelope(mentionEvent('遅れて来た質問')));
    expect(late.status).toBe(503); // Slack retries it, on another instance or after the restart
    const ready = await fetch(h.url.replace('/slack/events', '/readyz'));
    expect([ready.status, await ready.json()]).toEqual([503, { status: 'not_ready', reason: 'shutting_down' }]);
    expect(api.of('chat.postMessage')).toHaveLength(0);

    engine.release();
    await stopped;
    expect(api.of('chat.postMessage')).toHaveLength(1);
    expect(engine.handler.turns).toHaveLength(1);
    await expect(h.send(eventEnvelope(mentionEvent('x')))).rejects.toThrow();
    h = undefined;
  });
});

async function vitestWaitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
