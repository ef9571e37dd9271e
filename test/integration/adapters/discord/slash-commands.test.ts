// /yorisoi through a real discord.js Client: acknowledged at once (ephemeral), answered by
// editing the deferred reply, with the engine seeing the command as a message.
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, GUILD_CHANNEL_ID, TEACHER, slashCommand } from './gateway.ts';
import { reply, startAdapter, type Harness } from './harness.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('Discord slash commands', () => {
  it('defers ephemerally before the engine runs, then edits the deferred reply with the answer', async () => {
    let callsBeforeEngine: string[] = [];
    harness = await startAdapter(() => {
      callsBeforeEngine = harness!.api.requests.map((r) => `${r.method} ${r.path}`);
      return reply('佐藤さんは今週2日欠席しています。');
    });
    const raw = slashCommand('ask', { text: '佐藤さんの様子は？' });
    harness.feed.interaction(raw);
    await harness.adapter.idle();

    // The 3-second acknowledgement went out before the (possibly slow) engine was asked.
    expect(callsBeforeEngine).toEqual([`POST /interactions/${raw.id}/${raw.token}/callback`]);
    const [defer] = harness.api.find('POST', /\/callback$/);
    expect(defer!.body).toEqual({ type: 5, data: { flags: 64 } });

    expect(harness.turns).toEqual([
      {
        id: `discord-${raw.id}`,
        conversation: { platform: 'discord', parts: [GUILD_CHANNEL_ID, 'cmd', TEACHER.id] },
        author: { platformUserId: TEACHER.id, displayName: '佐藤先生' },
        text: '佐藤さんの様子は？',
        isDirect: true,
        mentionsBot: true,
        receivedAt: new Date('2026-11-20T08:00:00Z'),
      },
    ]);

    const edits = harness.api.find('PATCH', `/webhooks/${APPLICATION_ID}/${raw.token}/messages/@original`);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.body).toMatchObject({ content: '佐藤さんは今週2日欠席しています。', components: [], allowed_mentions: { parse: [] } });
    // Nothing was posted as an ordinary channel message.
    expect(harness.api.find('POST', /^\/channels\//)).toEqual([]);
  });

  it('phrases log, suggest and digest the way the engine reads them', async () => {
    harness = await startAdapter(() => reply('ok'));
    harness.feed.interaction(slashCommand('log', { text: '佐藤さん、2時間目に保健室へ' }));
    harness.feed.interaction(slashCommand('suggest', { text: 'Sato' }, { locale: 'en-US' }));
    harness.feed.interaction(slashCommand('digest', {}));
    harness.feed.interaction(slashCommand('digest', { week: '先週' }));
    await harness.adapter.idle();
    expect(harness.turns.map((t) => t.text).sort()).toEqual(['What support could help Sato?', '今週のまとめ', '先週のまとめ', '記録：佐藤さん、2時間目に保健室へ'].sort());
  });

  it('sends a long answer as the edited reply plus ephemeral follow-ups, each under 2000 characters', async () => {
    const long = Array.from({ length: 120 }, (_, i) => `${i + 1}. 佐藤さん 11月${(i % 30) + 1}日 欠席（体調不良）`).join('\n');
    harness = await startAdapter(() => reply(long));
    const raw = slashCommand('ask', { text: '佐藤さんの欠席一覧' });
    harness.feed.interaction(raw);
    await harness.adapter.idle();

    const edit = harness.api.find('PATCH', /@original$/);
    const followUps = harness.api.find('POST', `/webhooks/${APPLICATION_ID}/${raw.token}`);
    const pieces = [edit[0]!.body.content, ...followUps.map((f) => f.body.content)] as string[];
    expect(long.length).toBeGreaterThan(2000);
    expect(followUps.length).toBeGreaterThan(0);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(2000);
    expect(pieces.join('\n')).toBe(long);
    for (const followUp of followUps) {
      expect(followUp.body.flags & 64).toBe(64); // ephemeral: a follow-up's visibility is its own
      expect(followUp.body.allowed_mentions).toEqual({ parse: [] });
    }
  });

  it('answers with an apology when the engine throws, and logs no message text', async () => {
    harness = await startAdapter(() => {
      throw new Error('boom: 佐藤さんの記録');
    });
    harness.feed.interaction(slashCommand('ask', { text: '佐藤さんの様子は？' }));
    await harness.adapter.idle();
    const [edit] = harness.api.find('PATCH', /@original$/);
    expect(edit!.body.content).toContain('すみません');
    expect(harness.logs).toContainEqual({ level: 'error', code: 'discord.turn_failed', fields: { error: 'Error' } });
    expect(JSON.stringify(harness.logs)).not.toMatch(/佐藤/);
  });

  it('answers a subcommand it does not know (an outdated registration) without asking the engine', async () => {
    harness = await startAdapter(() => reply('x'));
    harness.feed.interaction(slashCommand('delete', { text: '佐藤さん' }, { locale: 'en-US' }));
    await harness.adapter.idle();
    expect(harness.turns).toEqual([]);
    const [edit] = harness.api.find('PATCH', /@original$/);
    expect(edit!.body.content).toMatch(/^Sorry/);
    expect(harness.logs).toContainEqual({ level: 'warn', code: 'discord.command_unknown', fields: { subcommand: 'delete' } });
  });
});
