// The terminal, driven through its streams: one shell per staff member, as `npm start -- --as`.
import { PassThrough } from 'node:stream';
import { createShellAdapter } from '../../../../src/adapters/shell/index.ts';
import type { ChatHandler } from '../../../../src/chat/types.ts';
import type { ContractDriver, SampleStaffIds, SeenReply } from './driver.ts';

export const shellStaff: SampleStaffIds = { T01: 'T01', T04: 'T04', unknown: 'Z99' };

export function shellDriver(now: () => Date): ContractDriver {
  let handler: ChatHandler;
  let turnDone: (() => void) | undefined;
  // Knows when a turn is over: the shell prints the reply as soon as the handler returns.
  const watched: ChatHandler = {
    home: (platform, user) => handler.home(platform, user),
    async handleTurn(message) {
      try {
        return await handler.handleTurn(message);
      } finally {
        const done = turnDone;
        setImmediate(() => done?.());
      }
    },
  };
  const shells = new Map<string, { input: PassThrough; output: PassThrough; read(): string }>();

  function shellFor(who: string) {
    let shell = shells.get(who);
    if (!shell) {
      const input = new PassThrough();
      const output = new PassThrough();
      let text = '';
      output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      const adapter = createShellAdapter({ input, output, staffId: who, interactive: false, now });
      void adapter.start(watched);
      shell = { input, output, read: () => text };
      shells.set(who, shell);
    }
    return shell;
  }

  async function type(who: string, text: string): Promise<SeenReply[]> {
    const shell = shellFor(who);
    const before = shell.read().length;
    const finished = new Promise<void>((resolve) => (turnDone = resolve));
    shell.input.write(`${text}\n`);
    await finished;
    const printed = shell.read().slice(before);
    const buttons = /\n\[ (.+) \]\n$/.exec(printed)?.[1]?.split(' / ') ?? [];
    return [{ text: printed, private: true, buttons }];
  }

  return {
    name: 'shell',
    async start(h) {
      handler = h;
    },
    say: type,
    press: (who, _reply, label) => type(who, label),
    async stop() {
      for (const shell of shells.values()) shell.input.end();
    },
  };
}
