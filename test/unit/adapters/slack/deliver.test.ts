import { describe, expect, it } from 'vitest';
import { deliverReply, deliverToChannel, retireButtons, type Sender } from '../../../../src/adapters/slack/deliver.ts';
import type { SlackMessage } from '../../../../src/adapters/slack/render.ts';
import type { Attachment, Reply } from '../../../../src/chat/types.ts';

type Call = { op: string; channel?: string; thread?: string; text?: string; replace?: boolean; blocks?: unknown[]; files?: string[] };

function fakeSender(): Sender & { calls: Call[] } {
  const calls: Call[] = [];
  const record = (op: string, channel: string, message: SlackMessage, extra: Partial<Call> = {}) => calls.push({ op, channel, text: message.text, blocks: message.blocks, ...extra });
  return {
    calls,
    async post(channel, message, threadTs) {
      record('post', channel, message, threadTs ? { thread: threadTs } : {});
    },
    async update(channel, _ts, message) {
      record('update', channel, message);
    },
    async respond(channel, _url, message, replaceOriginal) {
      record('respond', channel, message, { replace: replaceOriginal });
    },
    async openDm(userId) {
      calls.push({ op: 'openDm', channel: userId });
      return `D-${userId}`;
    },
    async upload(channel, files, options = {}) {
      calls.push({ op: 'upload', channel, files: files.map((f) => f.filename), ...(options.threadTs ? { thread: options.threadTs } : {}), ...(options.comment ? { text: options.comment } : {}) });
    },
  };
}

const restricted: Reply = { text: '佐藤 結衣: 今週 欠席2 遅刻1', language: 'ja', sensitivity: 'restricted' };
const thread = { kind: 'thread' as const, channel: 'C0STAFF', threadTs: '1.1', userId: 'U0ASKER' };

describe('delivering by audience', () => {
  it('sends a restricted answer to a channel mention by DM, and only the pointer to the thread', async () => {
    const sender = fakeSender();
    await deliverReply(sender, restricted, thread, 'slack:C0STAFF:1.1');
    expect(sender.calls.map((c) => [c.op, c.channel, c.thread])).toEqual([
      ['openDm', 'U0ASKER', undefined],
      ['post', 'D-U0ASKER', undefined],
      ['post', 'C0STAFF', '1.1'],
    ]);
    expect(sender.calls[1]!.text).toBe(restricted.text);
    const channelPost = JSON.stringify(sender.calls[2]);
    expect(channelPost).not.toContain('佐藤');
    expect(sender.calls[2]!.text).toBe('🔒 生徒の記録を含むため、DMでお返事しました。');
  });

  it('uses the English pointer for an English answer', async () => {
    const sender = fakeSender();
    await deliverReply(sender, { ...restricted, language: 'en' }, thread, 'k');
    expect(sender.calls.at(-1)!.text).toBe('🔒 This answer includes student records, so I sent it to you by direct message.');
  });

  it('posts staff-level answers in the thread', async () => {
    const sender = fakeSender();
    await deliverReply(sender, { ...restricted, sensitivity: 'staff' }, thread, 'k');
    expect(sender.calls.map((c) => [c.op, c.channel, c.thread])).toEqual([['post', 'C0STAFF', '1.1']]);
  });

  it('keeps private places private: DM, ephemeral, and a DM opened for App Home', async () => {
    const sender = fakeSender();
    await deliverReply(sender, restricted, { kind: 'dm', channel: 'D0ASKER', threadTs: '2.2' }, 'k');
    await deliverReply(sender, restricted, { kind: 'ephemeral', channel: 'C0STAFF', responseUrl: 'https://hooks.slack.com/x', userId: 'U0ASKER' }, 'k');
    await deliverReply(sender, restricted, { kind: 'user', userId: 'U0ASKER' }, 'k');
    expect(sender.calls.map((c) => [c.op, c.channel, c.thread ?? c.replace])).toEqual([
      ['post', 'D0ASKER', '2.2'],
      ['respond', 'C0STAFF', false],
      ['openDm', 'U0ASKER', undefined],
      ['post', 'D-U0ASKER', undefined],
    ]);
  });
});

describe('delivering files with the message', () => {
  const chart: Attachment = { filename: 'attendance-2-1.png', contentType: 'image/png', data: new Uint8Array([0x89, 0x50]), altText: '2-1 attendance' };
  const withChart: Reply = { ...restricted, attachments: [chart] };
  const summary = (calls: Call[]) => calls.map((c) => [c.op, c.channel, c.thread, ...(c.files ? [c.files] : [])]);

  it('puts a restricted reply’s files in the asker’s DM, never in the channel thread', async () => {
    const sender = fakeSender();
    await deliverReply(sender, withChart, thread, 'k');
    expect(summary(sender.calls)).toEqual([
      ['openDm', 'U0ASKER', undefined],
      ['post', 'D-U0ASKER', undefined],
      ['upload', 'D-U0ASKER', undefined, ['attendance-2-1.png']],
      ['post', 'C0STAFF', '1.1'],
    ]);
  });

  it('puts a staff-level reply’s files in its thread, after the text', async () => {
    const sender = fakeSender();
    await deliverReply(sender, { ...withChart, sensitivity: 'staff' }, thread, 'k');
    expect(summary(sender.calls)).toEqual([
      ['post', 'C0STAFF', '1.1'],
      ['upload', 'C0STAFF', '1.1', ['attendance-2-1.png']],
    ]);
  });

  it('follows a DM into its thread, and a DM opened for App Home', async () => {
    const sender = fakeSender();
    await deliverReply(sender, withChart, { kind: 'dm', channel: 'D0ASKER', threadTs: '2.2' }, 'k');
    await deliverReply(sender, withChart, { kind: 'user', userId: 'U0ASKER' }, 'k');
    expect(summary(sender.calls)).toEqual([
      ['post', 'D0ASKER', '2.2'],
      ['upload', 'D0ASKER', '2.2', ['attendance-2-1.png']],
      ['openDm', 'U0ASKER', undefined],
      ['post', 'D-U0ASKER', undefined],
      ['upload', 'D-U0ASKER', undefined, ['attendance-2-1.png']],
    ]);
  });

  it('sends an ephemeral answer’s files to the user’s DM with a note, since files cannot be ephemeral', async () => {
    const sender = fakeSender();
    await deliverReply(sender, { ...withChart, sensitivity: 'public' }, { kind: 'ephemeral', channel: 'C0STAFF', responseUrl: 'https://hooks.slack.com/x', userId: 'U0ASKER' }, 'k');
    expect(summary(sender.calls)).toEqual([
      ['respond', 'C0STAFF', undefined],
      ['openDm', 'U0ASKER', undefined],
      ['upload', 'D-U0ASKER', undefined, ['attendance-2-1.png']],
    ]);
    expect(sender.calls.at(-1)!.text).toBe('📎 あなたにだけ表示した答えのファイルです。');
    expect(sender.calls.some((c) => c.op === 'upload' && c.channel === 'C0STAFF')).toBe(false);
  });

  it('uploads nothing for a reply without files', async () => {
    const sender = fakeSender();
    await deliverReply(sender, { ...restricted, attachments: [] }, { kind: 'dm', channel: 'D0ASKER' }, 'k');
    expect(sender.calls.map((c) => c.op)).toEqual(['post']);
  });

  it('posts to a whole channel the message and its files, when the caller sends one there', async () => {
    const sender = fakeSender();
    await deliverToChannel(sender, withChart, 'C0GRADE2', 'k');
    expect(summary(sender.calls)).toEqual([
      ['post', 'C0GRADE2', undefined],
      ['upload', 'C0GRADE2', undefined, ['attendance-2-1.png']],
    ]);
  });
});

describe('retiring used buttons', () => {
  it('updates a posted message without its actions block', async () => {
    const sender = fakeSender();
    const blocks = [
      { type: 'section', text: { type: 'mrkdwn', text: 'draft' } },
      { type: 'actions', elements: [] },
    ];
    await retireButtons(sender, { kind: 'message', channel: 'D0ASKER', ts: '3.3', text: 'draft', blocks }, '保存');
    expect(sender.calls).toEqual([{ op: 'update', channel: 'D0ASKER', text: 'draft', blocks: [blocks[0], { type: 'context', elements: [{ type: 'mrkdwn', text: '✓ 保存' }] }] }]);
  });

  it('replaces an ephemeral message through its response_url', async () => {
    const sender = fakeSender();
    await retireButtons(sender, { kind: 'ephemeral', channel: 'C0STAFF', responseUrl: 'https://hooks.slack.com/x' }, '佐藤 結衣');
    expect(sender.calls).toMatchObject([{ op: 'respond', replace: true, text: '✓ 佐藤 結衣' }]);
  });

  it('leaves App Home alone', async () => {
    const sender = fakeSender();
    await retireButtons(sender, { kind: 'view' }, 'x');
    expect(sender.calls).toEqual([]);
  });
});
