// A reply's files (the digest's attendance chart) through a real discord.js Client: sent in the
// same message as the text, so with the same audience: into the DM for DMs and sendDirect, and
// as part of the ephemeral answer in a server, never as a visible channel message.
import { afterEach, describe, expect, it } from 'vitest';
import { encodeCustomId } from '../../../../src/adapters/discord/custom-id.ts';
import type { Attachment, Reply } from '../../../../src/chat/types.ts';
import { DM_CHANNEL_FOR_SEND_DIRECT, type RecordedRequest } from './fake-discord-api.ts';
import { APPLICATION_ID, DM_CHANNEL_ID, GUILD_CHANNEL_ID, TEACHER, botMessage, buttonClick, directMessage, slashCommand } from './gateway.ts';
import { reply, startAdapter, type Harness } from './harness.ts';

// PNG signature, then bytes that are not UTF-8, as in a real image.
const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xde, 0xad, 0xbe, 0xef, 0xff, 0x00, 0x42]);
const CHART: Attachment = { filename: 'attendance-2-1-2026-11-16.png', contentType: 'image/png', data: PNG_BYTES, altText: '2年1組の出席（11/16〜11/20）' };
const withChart = (text: string, extra: Partial<Reply> = {}) => reply(text, { attachments: [CHART], ...extra });

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/**
 * The request carried the chart as a file part, with its alt text in the JSON payload's
 * `attachments` (discord.js's message options write the id as a string, raw REST as a number).
 */
function expectChart(request: RecordedRequest | undefined): void {
  expect(request?.files).toHaveLength(1);
  const [file] = request!.files!;
  expect(file!.field).toBe('files[0]');
  expect(file!.filename).toBe(CHART.filename);
  expect(file!.contentType).toBe('image/png');
  expect(file!.data.equals(Buffer.from(PNG_BYTES))).toBe(true);
  const attachments = request!.body.attachments as { id: string | number; description: string }[];
  expect(attachments.map((a) => [String(a.id), a.description])).toEqual([['0', CHART.altText]]);
}

describe('Discord files with a reply', () => {
  it('sends the chart in the DM, in the same message as the text', async () => {
    harness = await startAdapter(() => withChart('今週のまとめです。'));
    harness.feed.message(directMessage('今週のまとめ'));
    await harness.adapter.idle();

    const posts = harness.api.find('POST', `/channels/${DM_CHANNEL_ID}/messages`);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({ content: '今週のまとめです。', allowed_mentions: { parse: [] }, flags: 4 });
    expectChart(posts[0]);
  });

  it('sendDirect opens the DM and sends the digest with its chart there', async () => {
    harness = await startAdapter(() => reply('x'));
    await harness.adapter.sendDirect({ staffId: 'T01', displayName: '佐藤先生', discordUserId: TEACHER.id }, withChart('今週のまとめです。'));
    expect(harness.api.find('POST', '/users/@me/channels')).toHaveLength(1);
    const posts = harness.api.find('POST', `/channels/${DM_CHANNEL_FOR_SEND_DIRECT}/messages`);
    expect(posts).toHaveLength(1);
    expectChart(posts[0]);
  });

  it('attaches the chart to the last piece of a long DM answer only', async () => {
    const long = Array.from({ length: 120 }, (_, i) => `${i + 1}. S${String(i).padStart(3, '0')} 欠席（体調不良）`).join('\n');
    harness = await startAdapter(() => withChart(long));
    harness.feed.message(directMessage('今月の一覧'));
    await harness.adapter.idle();
    const posts = harness.api.find('POST', `/channels/${DM_CHANNEL_ID}/messages`);
    expect(posts.length).toBeGreaterThan(1);
    expect(posts.map((p) => p.files?.length ?? 0)).toEqual([...posts.slice(1).map(() => 0), 1]);
    expectChart(posts.at(-1));
  });

  it('in a server, the chart is part of the ephemeral answer to /yorisoi, never a channel message', async () => {
    harness = await startAdapter(() => withChart('今週のまとめです。'));
    const raw = slashCommand('digest', {});
    harness.feed.interaction(raw);
    await harness.adapter.idle();

    const [defer] = harness.api.find('POST', /\/callback$/);
    expect(defer!.body).toEqual({ type: 5, data: { flags: 64 } });
    const edits = harness.api.find('PATCH', `/webhooks/${APPLICATION_ID}/${raw.token}/messages/@original`);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.body).toMatchObject({ content: '今週のまとめです。', allowed_mentions: { parse: [] } });
    expectChart(edits[0]);
    expect(harness.api.find('POST', /^\/channels\//)).toEqual([]);
  });

  it('an ephemeral follow-up (after a click) carries the chart with the ephemeral flag', async () => {
    harness = await startAdapter((message) => (message.action ? withChart('選んだ生徒の出席です。') : reply('x')));
    const message = botMessage([], { ephemeral: true });
    const customId = encodeCustomId({ kind: 'choose_student', studentId: 'S001' }, { platform: 'discord', parts: [GUILD_CHANNEL_ID, 'cmd', TEACHER.id] })!;
    const click = buttonClick(customId, message);
    harness.feed.interaction(click);
    await harness.adapter.idle();

    expect(harness.turns.at(-1)?.action).toEqual({ kind: 'choose_student', studentId: 'S001' });
    const [followUp] = harness.api.find('POST', `/webhooks/${APPLICATION_ID}/${click.token}`);
    expect(followUp!.body.flags & 64).toBe(64);
    expectChart(followUp);
    expect(harness.api.find('POST', /^\/channels\//)).toEqual([]);
  });

  it('sends no multipart body for a reply without files', async () => {
    harness = await startAdapter(() => reply('ok', { attachments: [] }));
    harness.feed.message(directMessage('hi'));
    await harness.adapter.idle();
    const [post] = harness.api.find('POST', `/channels/${DM_CHANNEL_ID}/messages`);
    expect(post!.files).toBeUndefined();
    expect(post!.body.attachments).toBeUndefined();
  });
});
