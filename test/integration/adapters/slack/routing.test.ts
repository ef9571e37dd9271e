// Where answers go: mentions in their thread, DMs in the DM, /yorisoi privately, App Home via
// views.publish, and restricted answers never in a shared channel (SECURITY.md checklist 2, 8).
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import type { IncomingMessage, Reply } from '../../../../src/chat/types.ts';
import { BOT_TOKEN, createFakeHandler, dmEvent, eventEnvelope, mentionEvent, recordResponseUrl, recordSlackApi, reply, slashCommand, startHarness, TEAM, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
  nock.cleanAll();
});

const RECORDS = '佐藤 結衣（2年1組）: 今週 欠席2 遅刻1、保健室 3回';
const restricted = (m: IncomingMessage): Reply => reply(RECORDS, { sensitivity: 'restricted', language: m.text.startsWith('how') ? 'en' : 'ja' });

describe('SECURITY checklist 2: a record question in a shared channel -> no record content in any channel post; answer ephemeral/DM (Slack channel mentions)', () => {
  it('answers in a thread under the mention, with the hourglass up while working', async () => {
    const api = recordSlackApi();
    h = await startHarness();
    const event = mentionEvent('今日の欠席は？');
    await h.send(eventEnvelope(event));
    await h.adapter.idle();

    expect(h.handler.turns[0]).toMatchObject({ text: '今日の欠席は？', mentionsBot: true, isDirect: false, author: { platformUserId: 'U0ASKER' }, conversation: { platform: 'slack', parts: ['C0STAFF', event.ts] } });
    expect(api.calls.map((c) => c.method)).toEqual(['auth.test', 'reactions.add', 'chat.postMessage', 'reactions.remove']);
    expect(api.of('reactions.add')[0]!.body).toMatchObject({ channel: 'C0STAFF', timestamp: event.ts, name: 'hourglass_flowing_sand' });
    expect(api.of('chat.postMessage')[0]!.body).toMatchObject({ channel: 'C0STAFF', thread_ts: event.ts, text: 'echo: 今日の欠席は？', unfurl_links: 'false', unfurl_media: 'false', team_id: TEAM });
  });

  it('continues an existing thread', async () => {
    const api = recordSlackApi();
    h = await startHarness();
    await h.send(eventEnvelope(mentionEvent('続き', { thread_ts: '1699999999.000001' })));
    await h.adapter.idle();
    expect(api.of('chat.postMessage')[0]!.body).toMatchObject({ channel: 'C0STAFF', thread_ts: '1699999999.000001' });
    expect(h.handler.turns[0]!.conversation.parts).toEqual(['C0STAFF', '1699999999.000001']);
  });

  it('sends a restricted answer by DM and leaves only a pointer in the channel', async () => {
    const api = recordSlackApi({ 'conversations.open': { ok: true, channel: { id: 'D0ASKER' } } });
    h = await startHarness(createFakeHandler(restricted));
    const event = mentionEvent('佐藤さんの様子は？');
    await h.send(eventEnvelope(event));
    await h.adapter.idle();

    expect(api.of('conversations.open')[0]!.body).toMatchObject({ users: 'U0ASKER' });
    const posts = api.of('chat.postMessage');
    const inChannel = posts.filter((p) => p.body.channel === 'C0STAFF');
    const inDm = posts.filter((p) => p.body.channel === 'D0ASKER');
    expect(inDm).toHaveLength(1);
    expect(inDm[0]!.body.text).toBe(RECORDS);
    expect(inChannel).toHaveLength(1);
    expect(inChannel[0]!.body).toMatchObject({ thread_ts: event.ts, text: '🔒 生徒の記録を含むため、DMでお返事しました。' });
    for (const post of inChannel) {
      const json = JSON.stringify(post.body);
      for (const fragment of ['佐藤', '結衣', '欠席', '保健室']) expect(json).not.toContain(fragment);
    }
  });

  it('points in English when the answer is in English', async () => {
    const api = recordSlackApi();
    h = await startHarness(createFakeHandler(restricted));
    await h.send(eventEnvelope(mentionEvent('how is Yui doing?')));
    await h.adapter.idle();
    expect(api.of('chat.postMessage').find((p) => p.body.channel === 'C0STAFF')!.body.text).toBe('🔒 This answer includes student records, so I sent it to you by direct message.');
  });

  it('escapes stored text so it cannot mention, ping a channel or link', async () => {
    const api = recordSlackApi();
    h = await startHarness(createFakeHandler(() => reply('メモ: <!channel> <@U0HEAD> <https://evil.example|click>')));
    await h.send(eventEnvelope(mentionEvent('メモを見せて')));
    await h.adapter.idle();
    const json = JSON.stringify(api.of('chat.postMessage')[0]!.body);
    expect(json).not.toMatch(/<!channel>|<@U0HEAD>|<https:/);
    expect(json).toContain('&lt;!channel&gt;');
  });
});

describe('direct messages', () => {
  it('answers in the DM, as a direct conversation', async () => {
    const api = recordSlackApi();
    h = await startHarness(createFakeHandler(restricted));
    await h.send(eventEnvelope(dmEvent('佐藤さんの様子は？')));
    await h.adapter.idle();
    expect(h.handler.turns[0]).toMatchObject({ isDirect: true, conversation: { parts: ['D0ASKER'] } });
    const posts = api.of('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({ channel: 'D0ASKER', text: RECORDS });
    expect(posts[0]!.body.thread_ts).toBeUndefined();
    expect(api.of('conversations.open')).toHaveLength(0);
  });

  it('ignores the bot’s own messages, other bots and edits, without touching the ledger', async () => {
    const api = recordSlackApi();
    h = await startHarness();
    await h.send(eventEnvelope(dmEvent('echo', { user: 'U0BOT', bot_id: 'B0BOT' })));
    await h.send(eventEnvelope(dmEvent('other bot', { user: 'U0ZAP', bot_id: 'B0ZAP' })));
    await h.send(eventEnvelope(dmEvent('edited', { subtype: 'message_changed' })));
    await h.adapter.idle();
    expect(h.handler.turns).toEqual([]);
    expect(h.ledger.log).toEqual([]);
    expect(api.of('chat.postMessage')).toHaveLength(0);
  });
});

describe('/yorisoi', () => {
  it('acks at once and answers privately via response_url, restricted or not', async () => {
    const api = recordSlackApi();
    const hook = recordResponseUrl('/commands/T0SCHOOL/1/abc');
    h = await startHarness(createFakeHandler(restricted));
    const response = await h.send(slashCommand('佐藤さんの様子は？'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    await h.adapter.idle();

    expect(h.handler.turns[0]).toMatchObject({ text: '佐藤さんの様子は？', isDirect: true, conversation: { parts: ['C0STAFF', 'cmd', 'U0ASKER'] } });
    expect(hook.posts).toEqual([expect.objectContaining({ response_type: 'ephemeral', replace_original: false, text: RECORDS, unfurl_links: false, unfurl_media: false })]);
    expect(api.of('chat.postMessage')).toHaveLength(0);
    expect(h.ledger.log).toEqual([]); // commands are never retried by Slack
  });

  it('treats an empty command as help', async () => {
    recordSlackApi();
    recordResponseUrl('/commands/T0SCHOOL/2/abc');
    h = await startHarness();
    await h.send(slashCommand('', '/commands/T0SCHOOL/2/abc'));
    await h.adapter.idle();
    expect(h.handler.turns[0]!.text).toBe('help');
  });
});

describe('App Home', () => {
  it('publishes the home view for whoever opened it', async () => {
    const api = recordSlackApi();
    h = await startHarness();
    await h.send(eventEnvelope({ type: 'app_home_opened', user: 'U0ASKER', channel: 'D0ASKER', tab: 'home', event_ts: '1' }));
    await h.send(eventEnvelope({ type: 'app_home_opened', user: 'U0ASKER', channel: 'D0ASKER', tab: 'messages', event_ts: '2' }));
    await h.adapter.idle();
    expect(h.handler.homes).toEqual(['U0ASKER']);
    const published = api.of('views.publish');
    expect(published).toHaveLength(1);
    expect(published[0]!.body.user_id).toBe('U0ASKER');
    expect(published[0]!.body.view).toMatchObject({ type: 'home', blocks: [{ type: 'section', text: { text: 'ホーム: 今週気になる生徒 2名' } }] });
  });
});

describe('sendDirect', () => {
  it('opens a DM with the staff member’s Slack user and posts there', async () => {
    const api = recordSlackApi({ 'conversations.open': { ok: true, channel: { id: 'D0NURSE' } } });
    h = await startHarness();
    await h.adapter.sendDirect({ staffId: 'ST07', displayName: '養護教諭', slackUserId: 'U0NURSE' }, reply('至急: 確認をお願いします', { sensitivity: 'restricted' }));
    expect(api.of('conversations.open')[0]!.body).toMatchObject({ users: 'U0NURSE' });
    expect(api.of('chat.postMessage')[0]!.body).toMatchObject({ channel: 'D0NURSE', text: '至急: 確認をお願いします', unfurl_links: 'false' });
    expect(api.of('chat.postMessage')[0]!.body.team_id).toBeUndefined();
  });

  it('skips, with a log line, a staff member who has no Slack user', async () => {
    const api = recordSlackApi();
    h = await startHarness();
    await h.adapter.sendDirect({ staffId: 'ST08', displayName: '教頭' }, reply('x'));
    expect(api.of('chat.postMessage')).toHaveLength(0);
    expect(h.logs).toContainEqual({ level: 'warn', code: 'slack_direct_skipped_no_user', fields: { staffId: 'ST08' } });
  });
});

describe('start', () => {
  it('records the installation from auth.test with the bot token', async () => {
    const api = recordSlackApi();
    h = await startHarness();
    expect(api.of('auth.test')).toHaveLength(1);
    expect(await h.installations.find('slack', TEAM)).toEqual({ platform: 'slack', workspaceId: TEAM, botToken: BOT_TOKEN, botUserId: 'U0BOT', botId: 'B0BOT' });
  });
});
