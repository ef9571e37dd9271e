// DMs with the bot, and messages the application starts (sendDirect), through a real discord.js
// Client: answers go back into the DM; server channel messages are never read.
import { afterEach, describe, expect, it } from 'vitest';
import { DM_CHANNEL_FOR_SEND_DIRECT } from './fake-discord-api.ts';
import { APPLICATION_ID, DM_CHANNEL_ID, TEACHER, botMessage, buttonClick, directMessage, guildMessage, joinGuild } from './gateway.ts';
import { reply, startAdapter, type Harness } from './harness.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('Discord direct messages', () => {
  it('answers a DM in the same DM, with the bot token, mentions off and link previews off', async () => {
    harness = await startAdapter(() => reply('佐藤さんは今週2日欠席しています。 @everyone'));
    const raw = directMessage('佐藤さんの様子は？');
    harness.feed.message(raw);
    await harness.adapter.idle();

    expect(harness.turns).toEqual([
      {
        id: `discord-${raw.id}`,
        conversation: { platform: 'discord', parts: [DM_CHANNEL_ID] },
        author: { platformUserId: TEACHER.id, displayName: '佐藤先生' },
        text: '佐藤さんの様子は？',
        isDirect: true,
        mentionsBot: true,
        receivedAt: new Date('2026-11-20T08:00:00Z'),
      },
    ]);
    const posts = harness.api.find('POST', `/channels/${DM_CHANNEL_ID}/messages`);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.authorization).toBe('Bot test-bot-token');
    expect(posts[0]!.body).toEqual({ content: '佐藤さんは今週2日欠席しています。 @everyone', components: [], allowed_mentions: { parse: [] }, flags: 4 });
  });

  it('ignores messages from bots (its own included) and empty messages', async () => {
    harness = await startAdapter(() => reply('x'));
    harness.feed.message(directMessage('hello', { user: { ...TEACHER, id: APPLICATION_ID, bot: true } }));
    harness.feed.message(directMessage('   '));
    await harness.adapter.idle();
    expect(harness.turns).toEqual([]);
    expect(harness.api.requests).toEqual([]);
  });

  it('ignores server channel messages: there the slash command is the way in', async () => {
    harness = await startAdapter(() => reply('x'));
    joinGuild(harness.client);
    let emitted = 0;
    harness.client.on('messageCreate', () => (emitted += 1));
    harness.feed.message(guildMessage('佐藤さんの様子は？'));
    await harness.adapter.idle();
    expect(emitted).toBe(1); // discord.js did deliver it, so the adapter's own rule was tested
    expect(harness.turns).toEqual([]);
    expect(harness.api.requests).toEqual([]);
  });

  it('takes quick DMs one at a time, so the second sees the first one done and answers stay in order', async () => {
    harness = await startAdapter(async (message) => {
      if (message.text.startsWith('記録')) await new Promise((resolve) => setTimeout(resolve, 40));
      return reply(`re: ${message.text}`);
    });
    harness.feed.message(directMessage('記録：佐藤さん、保健室へ'));
    harness.feed.message(directMessage('保存'));
    await harness.adapter.idle();
    expect(harness.turns.map((t) => t.text)).toEqual(['記録：佐藤さん、保健室へ', '保存']);
    expect(harness.api.find('POST', `/channels/${DM_CHANNEL_ID}/messages`).map((p) => p.body.content)).toEqual(['re: 記録：佐藤さん、保健室へ', 're: 保存']);
  });
});

describe('Discord sendDirect', () => {
  it('opens a DM with the staff member and sends the reply there', async () => {
    harness = await startAdapter(() => reply('x'));
    await harness.adapter.sendDirect(
      { staffId: 'T01', displayName: '佐藤先生', discordUserId: TEACHER.id },
      reply('【要確認】佐藤さんの記録に気になる言葉があります。', { actions: [{ type: 'undo', label: '元に戻す', recordId: '77' }] }),
    );
    const [open] = harness.api.find('POST', '/users/@me/channels');
    expect(open!.body).toEqual({ recipient_id: TEACHER.id });
    expect(open!.authorization).toBe('Bot test-bot-token');
    const [post] = harness.api.find('POST', `/channels/${DM_CHANNEL_FOR_SEND_DIRECT}/messages`);
    expect(post!.body).toMatchObject({ content: '【要確認】佐藤さんの記録に気になる言葉があります。', allowed_mentions: { parse: [] } });
    // Its buttons continue the conversation in that DM.
    expect(post!.body.components[0].components[0].custom_id).toBe(`y1|u|77|discord:${DM_CHANNEL_FOR_SEND_DIRECT}`);
  });

  it('skips a staff member with no Discord account on record, with a log line', async () => {
    harness = await startAdapter(() => reply('x'));
    await harness.adapter.sendDirect({ staffId: 'T02', displayName: '鈴木先生' }, reply('お知らせ'));
    expect(harness.api.requests).toEqual([]);
    expect(harness.logs).toContainEqual({ level: 'warn', code: 'discord.direct_skipped', fields: { staffId: 'T02', reason: 'no_discord_user_id' } });
  });

  it('an Edit button on a sent draft opens the form prefilled with its note', async () => {
    harness = await startAdapter(() => reply('x'));
    await harness.adapter.sendDirect(
      { staffId: 'T01', displayName: '佐藤先生', discordUserId: TEACHER.id },
      reply('この記録を保存しますか？', { actions: [{ type: 'draft', decision: 'edit', label: '修正', text: '昼休みに一人で過ごしていた' }] }),
    );
    const [post] = harness.api.find('POST', `/channels/${DM_CHANNEL_FOR_SEND_DIRECT}/messages`);
    const customId = post!.body.components[0].components[0].custom_id as string;
    const where = { in: 'dm' as const, dmChannelId: DM_CHANNEL_FOR_SEND_DIRECT };
    const click = buttonClick(customId, botMessage(post!.body.components, where), where);
    harness.feed.interaction(click);
    await harness.adapter.idle();
    const [modal] = harness.api.find('POST', `/interactions/${click.id}/${click.token}/callback`);
    expect(modal!.body.data.components[0].components[0].value).toBe('昼休みに一人で過ごしていた');
  });
});
