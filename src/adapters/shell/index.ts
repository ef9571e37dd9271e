// The terminal chat: readline over any input stream, so it works interactively and with piped
// stdin (`echo "..." | npm start`). Input and output are injected for tests.
import { createInterface } from 'node:readline';
import type { ChatAdapter, ChatHandler } from '../../chat/types.ts';
import { parseShellLine } from './parse.ts';
import { renderShellReply } from './render.ts';

export interface ShellAdapterOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** The staff id the terminal speaks as. */
  staffId: string;
  /** Printed once at start when interactive. */
  banner?: string;
  /** Show a prompt and banner (a TTY); off for piped input, so output is only the replies. */
  interactive: boolean;
  now: () => Date;
}

const EXIT = /^(exit|quit|bye|終了|おわり)$/i;

export function createShellAdapter(options: ShellAdapterOptions): ChatAdapter & { finished: Promise<void> } {
  let resolveFinished!: () => void;
  let rejectFinished!: (error: unknown) => void;
  const finished = new Promise<void>((resolve, reject) => {
    resolveFinished = resolve;
    rejectFinished = reject;
  });
  let rl: ReturnType<typeof createInterface> | undefined;

  async function loop(handler: ChatHandler) {
    rl = createInterface({ input: options.input, output: options.interactive ? options.output : undefined, terminal: options.interactive });
    rl.setPrompt('> ');
    if (options.interactive) {
      if (options.banner) options.output.write(`${options.banner}\n`);
      rl.prompt();
    }
    let sequence = 0;
    // Lines are handled one at a time, in order, even when piped input arrives all at once.
    for await (const line of rl) {
      const text = line.trim();
      if (EXIT.test(text)) break;
      if (text) {
        const reply = await handler.handleTurn(parseShellLine(text, options.staffId, ++sequence, options.now()));
        options.output.write(renderShellReply(reply));
        if (options.interactive) options.output.write('\n');
      }
      if (options.interactive) rl.prompt();
    }
    rl.close();
    resolveFinished();
  }

  return {
    platform: 'shell',
    finished,
    async start(handler) {
      loop(handler).catch(rejectFinished);
    },
    async sendDirect(recipient, reply) {
      // The terminal is one person's screen: a direct message to someone else is shown as such.
      const label = reply.language === 'ja' ? `[通知 → ${recipient.displayName}（${recipient.staffId}）]` : `[direct message to ${recipient.displayName} (${recipient.staffId})]`;
      options.output.write(`${label}\n${renderShellReply(reply)}\n`);
    },
    async stop() {
      rl?.close();
    },
  };
}
