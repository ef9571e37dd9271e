// Gateway events for a real discord.js Client that never connects. discord.js routes each
// gateway dispatch through `client.actions.<Event>.handle(raw)`, which builds the Interaction or
// Message and emits it: calling it directly runs the same code a live gateway would. `actions` is
// internal (typed `private`), hence the one cast here.
//
// What the client needs for this, found by trying: no login, no `client.user` and no
// `client.application`. Interaction callbacks and webhook follow-ups are unauthenticated (the
// interaction token is the credential) and take the application id from the payload; only
// channel messages and opening DMs need the bot token, which the adapter sets on `client.rest`
// when `login: false`. (discord.js's own `users.createDM` does need `client.user`, which is one
// reason the adapter opens DMs through REST instead.)
import type { Client } from 'discord.js';
import { createDiscordClient } from '../../../../src/adapters/discord/client.ts';
import { fetchTransport, rawBotMessage } from './fake-discord-api.ts';

export const APPLICATION_ID = '800000000000000001';
export const GUILD_ID = '900000000000000001';
export const GUILD_CHANNEL_ID = '900000000000000002';
export const DM_CHANNEL_ID = '900000000000000003';

/** A user as the gateway sends it. */
export interface RawUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

export const TEACHER: RawUser = { id: '700000000000000001', username: 'sato_t', global_name: '佐藤先生', discriminator: '0', avatar: null };
export const OTHER_TEACHER: RawUser = { id: '700000000000000002', username: 'suzuki_t', global_name: '鈴木先生', discriminator: '0', avatar: null };


/** The production client's options, with fetch as the REST transport so nock sees every call. */
export function testClient(): Client {
  return createDiscordClient({ rest: { makeRequest: fetchTransport, retries: 0 } });
}

export function gateway(client: Client) {
  const actions = (client as unknown as { actions: Record<'InteractionCreate' | 'MessageCreate', { handle(raw: unknown): unknown }> }).actions;
  return {
    interaction: (raw: unknown) => actions.InteractionCreate.handle(raw),
    message: (raw: unknown) => actions.MessageCreate.handle(raw),
  };
}

let sequence = 0;
const nextId = () => `1000000000000${String(++sequence).padStart(5, '0')}`;

interface Where {
  /** A server channel (default) or the DM with the bot. */
  in?: 'guild' | 'dm';
  /** The DM channel, when not DM_CHANNEL_ID (one per user when several users DM the bot). */
  dmChannelId?: string;
  user?: RawUser;
  locale?: string;
}

function base(where: Where) {
  const user = where.user ?? TEACHER;
  const common = { id: nextId(), application_id: APPLICATION_ID, token: `token-${sequence}`, version: 1, locale: where.locale ?? 'ja', entitlements: [], authorizing_integration_owners: { '0': GUILD_ID }, app_permissions: '0', attachment_size_limit: 10485760 };
  if (where.in === 'dm') {
    const channelId = where.dmChannelId ?? DM_CHANNEL_ID;
    return { ...common, channel_id: channelId, channel: { id: channelId, type: 1, recipients: [user] }, user, context: 1 };
  }
  return {
    ...common,
    guild_id: GUILD_ID,
    guild_locale: 'ja',
    channel_id: GUILD_CHANNEL_ID,
    channel: { id: GUILD_CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'staff-room' },
    member: { user, roles: [], joined_at: '2026-04-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, permissions: '0' },
    context: 0,
  };
}

/** INTERACTION_CREATE for `/yorisoi <subcommand>` with string options. */
export function slashCommand(subcommand: string, options: Record<string, string>, where: Where = {}) {
  return {
    ...base(where),
    type: 2,
    data: {
      id: '600000000000000000',
      name: 'yorisoi',
      type: 1,
      options: [{ type: 1, name: subcommand, options: Object.entries(options).map(([name, value]) => ({ type: 3, name, value })) }],
    },
  };
}

/** A message the bot sent earlier, as it comes attached to a click: with its buttons and flags. */
export function botMessage(components: unknown[], where: Where & { ephemeral?: boolean; id?: string } = {}) {
  const channelId = where.in === 'dm' ? (where.dmChannelId ?? DM_CHANNEL_ID) : GUILD_CHANNEL_ID;
  return rawBotMessage(where.id ?? nextId(), channelId, { content: 'the earlier answer', flags: where.ephemeral ? 64 : 0, components });
}

/** INTERACTION_CREATE for a click on the button `customId` of `message`. */
export function buttonClick(customId: string, message: ReturnType<typeof botMessage>, where: Where = {}) {
  return { ...base(where), type: 3, message, data: { component_type: 2, custom_id: customId } };
}

/** INTERACTION_CREATE for the submitted edit form, opened from a button on `message`. */
export function editFormSubmit(customId: string, text: string, message: ReturnType<typeof botMessage>, where: Where = {}) {
  return {
    ...base(where),
    type: 5,
    message,
    data: { custom_id: customId, components: [{ type: 1, components: [{ type: 4, custom_id: 'text', value: text }] }] },
  };
}

/**
 * MESSAGE_CREATE in the DM with the bot. Discord includes `channel_type` in message events; with
 * it and the Channel partial, discord.js creates the uncached DM channel itself, as in production.
 */
export function directMessage(content: string, where: { user?: RawUser; channelId?: string } = {}) {
  return { ...botMessage([], { in: 'dm' }), id: nextId(), channel_id: where.channelId ?? DM_CHANNEL_ID, channel_type: 1, author: where.user ?? TEACHER, content };
}

/** MESSAGE_CREATE in a server channel (which the bot must ignore). */
export function guildMessage(content: string) {
  return { ...botMessage([]), id: nextId(), guild_id: GUILD_ID, channel_type: 0, author: TEACHER, content, member: { roles: [], joined_at: '2026-04-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 } };
}

/**
 * Caches the server as GUILD_CREATE would. Without it discord.js drops the server's events before
 * the adapter sees them, which would make "the adapter ignores server messages" pass vacuously.
 */
export function joinGuild(client: Client): void {
  const guilds = client.guilds as unknown as { _add(raw: unknown): unknown };
  guilds._add({
    id: GUILD_ID,
    name: 'Sakura Junior High staff',
    owner_id: TEACHER.id,
    roles: [],
    emojis: [],
    features: [],
    channels: [{ id: GUILD_CHANNEL_ID, type: 0, name: 'staff-room', guild_id: GUILD_ID, position: 0, permission_overwrites: [] }],
    members: [],
    member_count: 2,
  });
}
