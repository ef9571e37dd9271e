import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createShellAdapter } from '../../../src/adapters/shell/index.ts';
import { renderShellReply } from '../../../src/adapters/shell/render.ts';
import type { Attachment, ChatHandler, IncomingMessage, Reply } from '../../../src/chat/types.ts';

const handler = (handleTurn: (m: IncomingMessage) => Promise<Reply>): ChatHandler => ({
  handleTurn,
  home: async () => ({ text: '', language: 'ja', sensitivity: 'public' }),
});

function collect(stream: PassThrough): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return () => text;
}

describe('shell adapter', () => {
  it('answers piped lines in order, as the given staff member, and ends at end of input', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const read = collect(output);
    const seen: IncomingMessage[] = [];
    const shell = createShellAdapter({ input, output, staffId: 'T01', interactive: false, now: () => new Date('2026-11-20T08:00:00Z') });
    await shell.start(handler(async (m): Promise<Reply> => {
      seen.push(m);
      // The first reply is slow: order must still hold.
      if (m.text === 'first') await new Promise((r) => setTimeout(r, 30));
      return { text: `echo ${m.text}`, language: 'en', sensitivity: 'public' };
    }));
    input.end('first\n\n  second  \n');
    await shell.finished;
    expect(read()).toBe('echo first\necho second\n');
    expect(seen.map((m) => [m.text, m.author.platformUserId, m.isDirect, m.conversation.platform])).toEqual([
      ['first', 'T01', true, 'shell'],
      ['second', 'T01', true, 'shell'],
    ]);
  });

  it('stops at exit or 終了', async () => {
    for (const word of ['exit', '終了']) {
      const input = new PassThrough();
      const output = new PassThrough();
      const read = collect(output);
      const shell = createShellAdapter({ input, output, staffId: 'T01', interactive: false, now: () => new Date() });
      await shell.start(handler(async (m) => ({ text: m.text, language: 'ja', sensitivity: 'public' })));
      input.write(`a\n${word}\nb\n`);
      await shell.finished;
      expect(read()).toBe('a\n');
    }
  });

  it('shows a banner and a prompt when interactive', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const read = collect(output);
    const shell = createShellAdapter({ input, output, staffId: 'T01', interactive: true, banner: 'hello', now: () => new Date() });
    await shell.start(handler(async () => ({ text: 'ok', language: 'ja', sensitivity: 'public' })));
    input.end('x\n');
    await shell.finished;
    expect(read()).toContain('hello\n');
    expect(read()).toContain('> ');
    expect(read()).toContain('ok\n');
  });

  it('names each attached image by its alt text, in the reply’s language, after the text', () => {
    const chart = (altText: string): Attachment => ({ filename: 'chart.png', contentType: 'image/png', data: new Uint8Array([0x89, 0x50]), altText });
    const ja: Reply = { text: '今週のまとめ\n', language: 'ja', sensitivity: 'restricted', attachments: [chart('2年1組の出席'), chart('2年2組の出席')], actions: [{ type: 'undo', label: '元に戻す', recordId: 'R1' }] };
    expect(renderShellReply(ja)).toBe('今週のまとめ\n[ 元に戻す ]\n[画像: 2年1組の出席]\n[画像: 2年2組の出席]\n');
    expect(renderShellReply({ text: 'Weekly digest', language: 'en', sensitivity: 'staff', attachments: [chart('attendance of 2-1')] })).toBe('Weekly digest\n[image: attendance of 2-1]\n');
    expect(renderShellReply({ text: 'no files', language: 'en', sensitivity: 'public', attachments: [] })).toBe('no files\n');
  });

  it('shows a direct message’s images the same way, never the bytes', async () => {
    const output = new PassThrough();
    const read = collect(output);
    const shell = createShellAdapter({ input: new PassThrough(), output, staffId: 'T01', interactive: false, now: () => new Date() });
    await shell.sendDirect({ staffId: 'T02', displayName: '鈴木' }, { text: '今週のまとめ', language: 'ja', sensitivity: 'restricted', attachments: [{ filename: 'c.png', contentType: 'image/png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), altText: '2年1組の出席' }] });
    expect(read()).toBe('[通知 → 鈴木（T02）]\n今週のまとめ\n[画像: 2年1組の出席]\n\n');
    expect(read()).not.toContain('PNG');
  });
});
