import { describe, expect, it } from 'vitest';
import { deliverReply, retireButtons, type Sender } from '../../../../src/adapters/slack/deliver.ts';
import type { SlackMessage } from '../../../../src/adapters/slack/render.ts';
import type { Reply } from '../../../../src/chat/types.ts';

type Call = { op: string; channel?: string; thread?: string; text?: string; replace?: boolean; blocks?: unknown[] };

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
    await deliverReply(sender, restricted, { kind: 'ephemeral', channel: 'C0STAFF', responseUrl: 'https://hooks.slack.com/x' }, 'k');
    await deliverReply(sender, restricted, { kind: 'user', userId: 'U0ASKER' }, 'k');
    expect(sender.calls.map((c) => [c.op, c.channel, c.thread ?? c.replace])).toEqual([
      ['post', 'D0ASKER', '2.2'],
      ['respond', 'C0STAFF', false],
      ['openDm', 'U0ASKER', undefined],
      ['post', 'D-U0ASKER', undefined],
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
