// SECURITY.md checklist 5: one event_id delivered many times (Slack's retries, also overlapping)
// is answered once; an attempt that failed leaves the event for Slack's retry.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHandler, dmEvent, eventEnvelope, mentionEvent, recordSlackApi, reply, startHarness, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
  nock.cleanAll();
});

describe('SECURITY checklist 5: the same Slack event_id delivered 4 times, also concurrently -> one reply, one database write; a retry after a failed first attempt is still processed', () => {
  it('handles an event delivered 4 times in a row once, and acks every delivery', async () => {
    const api = recordSlackApi();
    h = await startHarness();
    const envelope = eventEnvelope(mentionEvent('出席は？'), 'EvSEQ');
    for (const retryNum of [undefined, 1, 2, 3]) {
      const response = await h.send(envelope, retryNum === undefined ? {} : { retryNum });
      expect(response.status).toBe(200);
      await h.adapter.idle();
    }
    expect(h.handler.turns).toHaveLength(1);
    expect(api.of('chat.postMessage')).toHaveLength(1);
    expect(h.ledger.state.get('slack:EvSEQ')).toBe('done');
    expect(h.logs.filter((l) => l.code === 'slack_event_duplicate_dropped')).toHaveLength(3);
  });

  it('handles 4 overlapping deliveries of one event once', async () => {
    const api = recordSlackApi();
    // A slow engine keeps the first delivery in progress while the others arrive.
    h = await startHarness(createFakeHandler(async (m) => (await new Promise((r) => setTimeout(r, 50)), reply(`echo ${m.text}`))));
    const envelope = eventEnvelope(dmEvent('佐藤さん 保健室'), 'EvTOGETHER');
    const responses = await Promise.all([undefined, 1, 2, 3].map((retryNum) => h!.send(envelope, retryNum === undefined ? {} : { retryNum })));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    await h.adapter.idle();
    expect(h.handler.turns).toHaveLength(1);
    expect(api.of('chat.postMessage')).toHaveLength(1);
  });

  it('processes the retry of an event whose first attempt failed', async () => {
    const api = recordSlackApi();
    let failures = 1;
    h = await startHarness(
      createFakeHandler((m) => {
        if (failures-- > 0) throw new Error('database is locked');
        return reply(`echo ${m.text}`);
      }),
    );
    const envelope = eventEnvelope(mentionEvent('出席は？'), 'EvRETRY');
    await h.send(envelope);
    await h.adapter.idle();
    expect(api.of('chat.postMessage')).toHaveLength(0);
    expect(h.ledger.log).toEqual(['claim slack:EvRETRY', 'release slack:EvRETRY']);
    // The hourglass does not stay up after a failure.
    expect(api.of('reactions.remove')).toHaveLength(1);
    expect(h.logs.find((l) => l.code === 'slack_handling_failed')?.fields).toEqual({ error: 'Error' });

    await h.send(envelope, { retryNum: 1 });
    await h.adapter.idle();
    expect(h.handler.turns).toHaveLength(2);
    expect(api.of('chat.postMessage')).toHaveLength(1);
    expect(h.ledger.state.get('slack:EvRETRY')).toBe('done');
  });
});
