// Issue 7, abuse limits: a per-person turn limit in front of every engine in chat, stricter for
// the LLM engine (the composition picks the figure: src/chat-platforms.ts).
import { describe, expect, it } from 'vitest';
import type { ChatHandler, IncomingMessage } from '../../../src/chat/types.ts';
import { createTurnLimiter, withRateLimit } from '../../../src/engine/rate-limit.ts';

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function message(text: string, user = 'U1', platform: 'slack' | 'discord' = 'slack'): IncomingMessage {
  return { id: 'm', conversation: { platform, parts: ['D1'] }, author: { platformUserId: user, displayName: 'x' }, text, isDirect: true, mentionsBot: false, receivedAt: new Date(0) };
}

function counting(): ChatHandler & { turns: number; homes: number } {
  const handler = {
    turns: 0,
    homes: 0,
    async handleTurn(m: IncomingMessage) {
      handler.turns += 1;
      return { text: `answer to ${m.text}`, language: 'ja' as const, sensitivity: 'staff' as const };
    },
    async home() {
      handler.homes += 1;
      return { text: 'home', language: 'ja' as const, sensitivity: 'restricted' as const };
    },
  };
  return handler;
}

describe('the turn limiter (a token bucket per person)', () => {
  it('allows a burst of the limit, then says how long until the next turn; refills evenly', () => {
    const time = clock();
    const limiter = createTurnLimiter({ perMinute: 30 }, time.now);
    for (let i = 0; i < 30; i++) expect(limiter.take('slack:U1')).toBe(0);
    expect(limiter.take('slack:U1')).toBe(2000); // one turn every 2 s at 30 a minute
    time.advance(1999);
    expect(limiter.take('slack:U1')).toBeGreaterThan(0);
    time.advance(1);
    expect(limiter.take('slack:U1')).toBe(0);
    time.advance(60_000);
    for (let i = 0; i < 30; i++) expect(limiter.take('slack:U1')).toBe(0); // full again, never more
    expect(limiter.take('slack:U1')).toBeGreaterThan(0);
  });

  it('keeps one bucket per person and platform', () => {
    const limiter = createTurnLimiter({ perMinute: 1 }, clock().now);
    expect(limiter.take('slack:U1')).toBe(0);
    expect(limiter.take('slack:U1')).toBeGreaterThan(0);
    expect(limiter.take('slack:U2')).toBe(0);
    expect(limiter.take('discord:U1')).toBe(0);
  });
});

describe('withRateLimit', () => {
  it('over the limit: a clear message in the language of the message, and the engine is not called', async () => {
    const time = clock();
    const engine = counting();
    const limited: string[] = [];
    const handler = withRateLimit(engine, { perMinute: 2 }, { now: time.now, onLimited: (p) => limited.push(p) });
    expect((await handler.handleTurn(message('一'))).text).toBe('answer to 一');
    await handler.handleTurn(message('二'));
    const ja = await handler.handleTurn(message('鈴木さんは？'));
    expect(ja).toMatchObject({ language: 'ja', sensitivity: 'public' });
    expect(ja.text).toContain('1分あたり2件まで');
    expect(ja.text).toContain('30秒ほどたってから');
    const en = await handler.handleTurn(message('How is Yui doing?'));
    expect(en.language).toBe('en');
    expect(en.text).toContain('up to 2 a minute');
    expect(engine.turns).toBe(2);
    expect(limited).toEqual(['slack', 'slack']);
    // Another person is not held up by the first.
    expect((await handler.handleTurn(message('三', 'U2'))).text).toBe('answer to 三');
  });

  it('counts the home view too, so reopening it cannot hammer the database', async () => {
    const engine = counting();
    const handler = withRateLimit(engine, { perMinute: 1 }, { now: clock().now });
    expect((await handler.home('slack', 'U1')).text).toBe('home');
    expect((await handler.home('slack', 'U1')).text).toContain('1分あたり1件まで');
    expect(engine.homes).toBe(1);
  });
});
