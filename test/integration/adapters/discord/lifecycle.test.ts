// start / idle / stop: stop lets a turn in progress finish and answer, then takes no more events.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeDiscordApi } from './fake-discord-api.ts';
import { directMessage, slashCommand } from './gateway.ts';
import { reply, startAdapter } from './harness.ts';

let api: ReturnType<typeof fakeDiscordApi> | undefined;
afterEach(() => api?.stop());

describe('Discord adapter lifecycle', () => {
  it('stop waits for the turn in progress to be answered, then ignores new events and sends', async () => {
    let release!: () => void;
    const slowEngine = new Promise<void>((resolve) => (release = resolve));
    const harness = await startAdapter(async () => {
      await slowEngine;
      return reply('遅い回答');
    });
    api = harness.api;
    harness.feed.interaction(slashCommand('ask', { text: '佐藤さんは？' }));
    await vi.waitFor(() => expect(harness.turns).toHaveLength(1)); // deferred, and waiting on the engine

    let stopped = false;
    const stopping = harness.adapter.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;

    expect(harness.api.find('PATCH', /@original$/).map((r) => r.body.content)).toEqual(['遅い回答']);
    harness.feed.message(directMessage('まだいますか？'));
    await harness.adapter.idle();
    expect(harness.turns).toHaveLength(1);
    await expect(harness.adapter.sendDirect({ staffId: 'T01', displayName: 'x', discordUserId: '1' }, reply('x'))).rejects.toThrow('stopped');
    expect(harness.logs.map((l) => l.code)).toEqual(['discord.started', 'discord.stopped']);
  });
});
