import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createShellAdapter } from '../../../src/adapters/shell/index.ts';
import type { ChatHandler, IncomingMessage, Reply } from '../../../src/chat/types.ts';

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
});
