// A reply's files (the digest's attendance chart) through the real Slack adapter: uploaded with
// files.uploadV2 to the same audience as the message, never into a channel for a restricted
// reply; and the digest channel's members and posts (SECURITY.md checklist 2, 12).
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import type { Attachment, Reply } from '../../../../src/chat/types.ts';
import { BOT_TOKEN, BOT_USER, createFakeHandler, dmEvent, eventEnvelope, mentionEvent, recordResponseUrl, recordSlackApi, reply, slashCommand, startHarness, type ApiCall, type Harness } from './harness.ts';

const FILES = 'https://files.slack.com';
// PNG signature, then bytes that are not UTF-8, as in a real image.
const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xde, 0xad, 0xbe, 0xef, 0xff, 0x00, 0x42]);
const CHART: Attachment = { filename: 'attendance-2-1-2026-11-16.png', contentType: 'image/png', data: PNG_BYTES, altText: '2年1組の出席（11/16〜11/20）' };
const RECORDS = '2年1組 今週の出席: 欠席のあった生徒 3名';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
  nock.cleanAll();
});

interface Upload {
  path: string;
  body: Buffer;
}

/** The Web API with files.getUploadURLExternal answering upload URLs on FILES, which are recorded. */
function recordApiAndUploads(results: Parameters<typeof recordSlackApi>[0] = {}, uploadStatus = 200) {
  let sequence = 0;
  const api = recordSlackApi({
    'files.getUploadURLExternal': () => {
      sequence += 1;
      return { ok: true, upload_url: `${FILES}/upload/v1/ABC${sequence}`, file_id: `F0CHART${sequence}` };
    },
    ...results,
  });
  const uploads: Upload[] = [];
  nock(FILES)
    .persist()
    .post(/^\/upload\/v1\//)
    .reply(function (uri, rawBody) {
      // nock hands over a body that is not valid UTF-8 (our PNG bytes) hex-encoded.
      const raw = String(rawBody);
      const body = /^[0-9a-f]+$/.test(raw) && raw.length % 2 === 0 ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'utf8');
      uploads.push({ path: uri, body });
      return [uploadStatus, uploadStatus === 200 ? 'OK' : 'down'];
    });
  return { api, uploads };
}

const containsPng = (upload: Upload) => upload.body.includes(Buffer.from(PNG_BYTES));
const methods = (calls: ApiCall[]) => calls.map((c) => c.method).filter((m) => m !== 'auth.test' && !m.startsWith('reactions.'));
const withChart = (text: string, extra: Partial<Reply> = {}) => reply(text, { attachments: [CHART], ...extra });

describe('files with an answer', () => {
  it('uploads the chart into the DM after the text, through files.uploadV2', async () => {
    const { api, uploads } = recordApiAndUploads();
    h = await startHarness(createFakeHandler(() => withChart(RECORDS, { sensitivity: 'restricted' })));
    await h.send(eventEnvelope(dmEvent('今週のまとめ')));
    await h.adapter.idle();

    expect(methods(api.calls)).toEqual(['chat.postMessage', 'files.getUploadURLExternal', 'files.completeUploadExternal']);
    expect(api.of('files.getUploadURLExternal')[0]!.body).toMatchObject({ filename: CHART.filename, length: String(PNG_BYTES.length), alt_text: CHART.altText });
    expect(api.of('files.getUploadURLExternal')[0]!.auth).toBe(`Bearer ${BOT_TOKEN}`);
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.path).toBe('/upload/v1/ABC1');
    expect(containsPng(uploads[0]!)).toBe(true);
    const complete = api.of('files.completeUploadExternal')[0]!.body;
    expect(complete).toMatchObject({ channel_id: 'D0ASKER', files: [{ id: 'F0CHART1', title: CHART.filename }] });
    expect(complete.thread_ts).toBeUndefined();
  });

  it('sends a restricted answer’s chart to the asker’s DM, never into the channel thread', async () => {
    const { api, uploads } = recordApiAndUploads({ 'conversations.open': { ok: true, channel: { id: 'D0ASKER' } } });
    h = await startHarness(createFakeHandler(() => withChart(RECORDS, { sensitivity: 'restricted' })));
    const event = mentionEvent('今週の出席を見せて');
    await h.send(eventEnvelope(event));
    await h.adapter.idle();

    const completes = api.of('files.completeUploadExternal');
    expect(completes.map((c) => c.body.channel_id)).toEqual(['D0ASKER']);
    expect(uploads.filter(containsPng)).toHaveLength(1);
    // The channel sees only the fixed pointer: no file, no alt text, no records.
    const inChannel = api.calls.filter((c) => JSON.stringify(c.body).includes('C0STAFF'));
    expect(inChannel.map((c) => c.method)).toEqual(['reactions.add', 'chat.postMessage', 'reactions.remove']);
    for (const call of inChannel) for (const fragment of ['2年1組', '出席', 'png', 'F0CHART']) expect(JSON.stringify(call.body)).not.toContain(fragment);
  });

  it('puts a staff-level answer’s chart in the thread it answers', async () => {
    const { api } = recordApiAndUploads();
    h = await startHarness(createFakeHandler(() => withChart('学年の出席のまとめ', { sensitivity: 'staff' })));
    const event = mentionEvent('学年のまとめ');
    await h.send(eventEnvelope(event));
    await h.adapter.idle();
    expect(api.of('files.completeUploadExternal')[0]!.body).toMatchObject({ channel_id: 'C0STAFF', thread_ts: event.ts });
    expect(methods(api.calls)).toEqual(['chat.postMessage', 'files.getUploadURLExternal', 'files.completeUploadExternal']);
  });

  it('sends a /yorisoi answer’s chart to the user’s DM with a note, as files cannot be ephemeral', async () => {
    const { api } = recordApiAndUploads({ 'conversations.open': { ok: true, channel: { id: 'D0ASKER' } } });
    const hook = recordResponseUrl('/commands/T0SCHOOL/1/abc');
    h = await startHarness(createFakeHandler(() => withChart(RECORDS, { sensitivity: 'restricted' })));
    await h.send(slashCommand('今週のまとめ'));
    await h.adapter.idle();

    expect(hook.posts).toEqual([expect.objectContaining({ response_type: 'ephemeral', text: RECORDS })]);
    expect(api.of('conversations.open')[0]!.body).toMatchObject({ users: 'U0ASKER' });
    expect(api.of('files.completeUploadExternal').map((c) => c.body)).toEqual([expect.objectContaining({ channel_id: 'D0ASKER', initial_comment: '📎 あなたにだけ表示した答えのファイルです。' })]);
    expect(api.of('chat.postMessage')).toHaveLength(0);
  });

  it('delivers the text and logs, without the file’s name or alt text, when the upload fails', async () => {
    for (const failure of ['missing_scope', 'upload_host_down'] as const) {
      const { api } = failure === 'missing_scope' ? recordApiAndUploads({ 'files.getUploadURLExternal': { ok: false, error: 'missing_scope' } }) : recordApiAndUploads({}, 500);
      h = await startHarness(createFakeHandler(() => withChart(RECORDS, { sensitivity: 'restricted' })));
      await h.send(eventEnvelope(dmEvent('今週のまとめ')));
      await h.adapter.idle();

      const failed = h.logs.find((l) => l.code === 'slack_files_not_sent');
      expect(failed, failure).toMatchObject({ level: 'warn', fields: { channel: 'D0ASKER', files: 1 } });
      if (failure === 'missing_scope') expect(failed!.fields).toMatchObject({ slackError: 'missing_scope' });
      expect(JSON.stringify(h.logs)).not.toMatch(/attendance-2-1|2年1組|出席/);
      // The event was handled (no retry would post the text twice).
      expect(h.ledger.log.some((l) => l.startsWith('release'))).toBe(false);
      expect(h.ledger.log.some((l) => l.startsWith('complete'))).toBe(true);
      expect(api.of('chat.postMessage')[0]!.body).toMatchObject({ channel: 'D0ASKER', text: RECORDS });
      await h.stop();
      h = undefined;
      nock.cleanAll();
    }
  });
});

describe('sendDirect with files', () => {
  it('opens the DM, posts the digest, then its chart there', async () => {
    const { api, uploads } = recordApiAndUploads({ 'conversations.open': { ok: true, channel: { id: 'D0HOMEROOM' } } });
    h = await startHarness();
    await h.adapter.sendDirect({ staffId: 'ST01', displayName: '担任', slackUserId: 'U0HOMEROOM' }, withChart('今週のまとめ', { sensitivity: 'restricted' }));
    expect(methods(api.calls)).toEqual(['conversations.open', 'chat.postMessage', 'files.getUploadURLExternal', 'files.completeUploadExternal']);
    expect(api.of('files.completeUploadExternal')[0]!.body).toMatchObject({ channel_id: 'D0HOMEROOM' });
    expect(uploads.filter(containsPng)).toHaveLength(1);
  });
});

describe('the digest channel', () => {
  it('lists every member but the bot itself, following the cursor across pages', async () => {
    const pages: Record<string, unknown>[] = [
      { ok: true, members: ['U01', BOT_USER, 'U02'], response_metadata: { next_cursor: 'page2' } },
      { ok: true, members: ['U03'], response_metadata: { next_cursor: '' } },
    ];
    const api = recordSlackApi({ 'conversations.members': () => pages.shift()! });
    h = await startHarness();
    expect(await h.adapter.channelMembers!('C0GRADE2')).toEqual(['U01', 'U02', 'U03']);
    const calls = api.of('conversations.members');
    expect(calls.map((c) => [c.body.channel, c.body.cursor])).toEqual([
      ['C0GRADE2', undefined],
      ['C0GRADE2', 'page2'],
    ]);
  });

  it('fails rather than answer with part of the members when Slack refuses', async () => {
    recordSlackApi({ 'conversations.members': { ok: false, error: 'channel_not_found' } });
    h = await startHarness();
    await expect(h.adapter.channelMembers!('C0GONE')).rejects.toThrow();
  });

  it('posts a digest and its chart into the channel, previews off', async () => {
    // A digest holds records ('restricted'); the caller checked every member may read it.
    const { api, uploads } = recordApiAndUploads();
    h = await startHarness();
    await h.adapter.sendToChannel!('C0GRADE2', withChart('2年 今週の出席', { sensitivity: 'restricted' }));
    expect(methods(api.calls)).toEqual(['chat.postMessage', 'files.getUploadURLExternal', 'files.completeUploadExternal']);
    expect(api.of('chat.postMessage')[0]!.body).toMatchObject({ channel: 'C0GRADE2', text: '2年 今週の出席', unfurl_links: 'false', unfurl_media: 'false' });
    expect(api.of('files.completeUploadExternal')[0]!.body).toMatchObject({ channel_id: 'C0GRADE2' });
    expect(uploads.filter(containsPng)).toHaveLength(1);
    expect(h.logs).toContainEqual({ level: 'info', code: 'slack_channel_post_sent', fields: { channel: 'C0GRADE2', sensitivity: 'restricted', files: 1 } });
  });
});
