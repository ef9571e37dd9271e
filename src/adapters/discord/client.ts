// The discord.js client with least privilege (SECURITY.md #17): slash commands and buttons arrive
// with the Guilds intent, DMs with DirectMessages. No privileged intent is asked for, so the bot
// needs no approval in the developer portal: no MessageContent (server chatter is never read; DMs
// carry their text without it), no GuildMembers, no GuildPresences.
import { Client, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';

export const DISCORD_INTENTS: readonly GatewayIntentBits[] = [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages];

/** The intents Discord calls privileged: each needs a switch in the portal, and review past 100 servers. */
export const PRIVILEGED_INTENTS: readonly GatewayIntentBits[] = [GatewayIntentBits.GuildMembers, GatewayIntentBits.GuildPresences, GatewayIntentBits.MessageContent];

/**
 * DM channels are not cached before their first message; without the Channel partial discord.js
 * drops that message instead of emitting it.
 */
export const DISCORD_PARTIALS: readonly Partials[] = [Partials.Channel];

/** `extra` is for tests, e.g. `{ rest: { makeRequest: fetch } }` so nock sees the REST calls. */
export function createDiscordClient(extra: Omit<Partial<ClientOptions>, 'intents' | 'partials'> = {}): Client {
  // No pings by default, as a backstop: each message also says so itself (deliver.ts).
  return new Client({ allowedMentions: { parse: [] }, ...extra, intents: [...DISCORD_INTENTS], partials: [...DISCORD_PARTIALS] });
}
