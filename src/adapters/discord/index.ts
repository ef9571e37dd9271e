// The Discord adapter: slash commands, buttons and forms in servers (answered ephemerally), and
// DMs with the bot. Connects to the gateway with discord.js; see client.ts for the intents.
import { Events, type Client } from 'discord.js';
import type { ChatAdapter, ChatHandler } from '../../chat/types.ts';
import { createDiscordClient } from './client.ts';
import { onDirectMessage, sendDirect } from './direct-messages.ts';
import { createDraftTexts } from './draft-texts.ts';
import { onInteraction, type InteractionContext } from './interactions.ts';
import { errorFields, type DiscordLog } from './log.ts';
import { createWork } from './work.ts';

export { commandDefinitions } from './commands.ts';
export { registerCommands } from './register.ts';

export interface DiscordAdapterOptions {
  token: string;
  applicationId: string;
  /** Codes and counts only: no personal data, no message text. */
  log: DiscordLog;
  /** For tests: a pre-built Client (with `rest: { makeRequest: fetch }`); production builds its own. */
  client?: Client;
  /** For tests: skip client.login (the gateway); events are fed in directly. */
  login?: boolean;
  /** The clock for `receivedAt`; injected by tests. */
  now?: () => Date;
}

export type DiscordAdapter = ChatAdapter & {
  /** Resolves when every turn and send in progress has finished. */
  idle(): Promise<void>;
};

export function createDiscordAdapter(options: DiscordAdapterOptions): DiscordAdapter {
  const client = options.client ?? createDiscordClient();
  const { log } = options;
  const work = createWork();
  const drafts = createDraftTexts();
  const busyMessages = new Set<string>();
  let handler: ChatHandler | undefined;
  let stopped = false;

  /** Runs an event's handling in the background, tracked for idle(); nothing escapes unlogged. */
  function handleEvent(task: (context: InteractionContext) => Promise<void>): void {
    if (stopped || !handler) return;
    const context: InteractionContext = { handler, log, work, drafts, now: options.now ?? (() => new Date()), busyMessages };
    work.track(() => task(context)).catch((error: unknown) => log('error', 'discord.event_failed', errorFields(error)));
  }

  return {
    platform: 'discord',

    async start(chatHandler) {
      handler = chatHandler;
      client.on(Events.InteractionCreate, (interaction) => handleEvent((context) => onInteraction(context, interaction)));
      client.on(Events.MessageCreate, (message) => handleEvent((context) => onDirectMessage(context, client, message)));
      // Without a listener, an 'error' event would throw and end the process.
      client.on(Events.Error, (error) => log('error', 'discord.client_error', errorFields(error)));
      client.once(Events.ClientReady, (ready) => log('info', 'discord.ready', { guilds: ready.guilds.cache.size }));
      if (options.login === false) {
        // No gateway: tests feed events in. REST calls that need the bot token (DMs) still get it.
        client.rest.setToken(options.token);
      } else {
        await client.login(options.token);
      }
      log('info', 'discord.started', { applicationId: options.applicationId });
    },

    async sendDirect(recipient, reply) {
      if (stopped) throw new Error('the Discord adapter is stopped');
      await work.track(() => sendDirect({ log, drafts }, client, recipient, reply));
    },

    async stop() {
      stopped = true;
      await work.idle();
      await client.destroy();
      log('info', 'discord.stopped');
    },

    idle: () => work.idle(),
  };
}
