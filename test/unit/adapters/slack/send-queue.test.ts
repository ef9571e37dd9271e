import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSendQueue } from '../../../../src/adapters/slack/send-queue.ts';

class RateLimited extends Error {
  constructor(readonly retryAfter: number) {
    super('rate limited');
  }
}
const retryAfterSeconds = (error: unknown) => (error instanceof RateLimited ? error.retryAfter : undefined);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-20T08:00:00Z'));
});
afterEach(() => vi.useRealTimers());

/** Each send records when it ran (ms after the start) under its label. */
function recorder() {
  const start = Date.now();
  const ran: [string, number][] = [];
  return { ran, send: (label: string) => async () => void ran.push([label, Date.now() - start]) };
}

describe('the per-channel send queue', () => {
  it('sends to one channel at most once per interval, in order', async () => {
    const queue = createSendQueue({ intervalMs: 1000, retryAfterSeconds });
    const { ran, send } = recorder();
    const done = Promise.all(['a', 'b', 'c'].map((label) => queue.send('C1', send(label))));
    await vi.advanceTimersByTimeAsync(5000);
    await done;
    expect(ran).toEqual([
      ['a', 0],
      ['b', 1000],
      ['c', 2000],
    ]);
  });

  it('keeps channels independent', async () => {
    const queue = createSendQueue({ intervalMs: 1000, retryAfterSeconds });
    const { ran, send } = recorder();
    const done = Promise.all([queue.send('C1', send('c1-a')), queue.send('C1', send('c1-b')), queue.send('C2', send('c2-a')), queue.send('D1', send('d1-a'))]);
    await vi.advanceTimersByTimeAsync(2000);
    await done;
    expect(ran).toEqual([
      ['c1-a', 0],
      ['c2-a', 0],
      ['d1-a', 0],
      ['c1-b', 1000],
    ]);
  });

  it('does not delay a send when the channel has been quiet for the interval', async () => {
    const queue = createSendQueue({ intervalMs: 1000, retryAfterSeconds });
    const { ran, send } = recorder();
    await queue.send('C1', send('first'));
    await vi.advanceTimersByTimeAsync(1500);
    const second = queue.send('C1', send('second'));
    await vi.advanceTimersByTimeAsync(0);
    await second;
    expect(ran).toEqual([
      ['first', 0],
      ['second', 1500],
    ]);
  });

  it('waits Retry-After on a rate-limit refusal and retries, keeping the order behind it', async () => {
    const limited: number[] = [];
    const queue = createSendQueue({ intervalMs: 1000, retryAfterSeconds, onRateLimited: (_c, seconds) => limited.push(seconds) });
    const { ran, send } = recorder();
    let refusals = 1;
    const first = queue.send('C1', async () => {
      if (refusals-- > 0) throw new RateLimited(3);
      await send('first')();
      return 'sent';
    });
    const second = queue.send('C1', send('second'));
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(first).resolves.toBe('sent');
    await second;
    expect(limited).toEqual([3]);
    expect(ran).toEqual([
      ['first', 3000],
      ['second', 4000],
    ]);
  });

  it('gives up after three retries, and the channel keeps working', async () => {
    const queue = createSendQueue({ intervalMs: 100, retryAfterSeconds });
    let attempts = 0;
    const failing = queue.send('C1', async () => {
      attempts++;
      throw new RateLimited(1);
    });
    const caught = failing.catch((error: unknown) => error);
    const after = queue.send('C1', async () => 'ok');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await caught).toBeInstanceOf(RateLimited);
    expect(attempts).toBe(4);
    await expect(after).resolves.toBe('ok');
  });

  it('does not retry other errors', async () => {
    const queue = createSendQueue({ intervalMs: 100, retryAfterSeconds });
    let attempts = 0;
    const failing = queue.send('C1', async () => {
      attempts++;
      throw new Error('channel_not_found');
    });
    await expect(failing).rejects.toThrow('channel_not_found');
    expect(attempts).toBe(1);
  });
});
