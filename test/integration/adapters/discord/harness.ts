// A started Discord adapter over a real discord.js Client, a fake engine that records what it
// was asked and answers with canned replies, the faked REST API, and the adapter's log lines.
import type { Client } from 'discord.js';
import { createDiscordAdapter, type DiscordAdapter } from '../../../../src/adapters/discord/index.ts';
import type { ChatHandler, IncomingMessage, Reply } from '../../../../src/chat/types.ts';
import { fakeDiscordApi } from './fake-discord-api.ts';
import { APPLICATION_ID, gateway, testClient } from './gateway.ts';

export const NOW = new Date('2026-11-20T08:00:00Z');

export interface LogLine {
  level: string;
  code: string;
  fields?: Record<string, string | number | boolean>;
}

export interface Harness {
  adapter: DiscordAdapter;
  client: Client;
  api: ReturnType<typeof fakeDiscordApi>;
  feed: ReturnType<typeof gateway>;
  /** What the engine was asked, in order. */
  turns: IncomingMessage[];
  logs: LogLine[];
  /** Lets the adapter finish, then stops it and the fake API. */
  close(): Promise<void>;
}

export function reply(text: string, extra: Partial<Reply> = {}): Reply {
  return { text, language: 'ja', sensitivity: 'restricted', ...extra };
}

/** `answer` plays the engine; it may inspect the API calls made so far. */
export async function startAdapter(answer: (message: IncomingMessage) => Reply | Promise<Reply>): Promise<Harness> {
  const api = fakeDiscordApi();
  const client = testClient();
  const turns: IncomingMessage[] = [];
  const logs: LogLine[] = [];
  const handler: ChatHandler = {
    async handleTurn(message) {
      turns.push(message);
      return answer(message);
    },
    home: async () => reply(''),
  };
  const adapter = createDiscordAdapter({
    token: 'test-bot-token',
    applicationId: APPLICATION_ID,
    log: (level, code, fields) => logs.push({ level, code, ...(fields ? { fields } : {}) }),
    client,
    login: false,
    now: () => NOW,
  });
  await adapter.start(handler);
  return {
    adapter,
    client,
    api,
    feed: gateway(client),
    turns,
    logs,
    async close() {
      await adapter.stop();
      api.stop();
    },
  };
}
