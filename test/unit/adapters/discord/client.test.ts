// Least privilege (SECURITY.md #17): the gateway connection asks for no privileged intent.
import { GatewayIntentBits, IntentsBitField, Partials } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createDiscordClient, DISCORD_INTENTS, PRIVILEGED_INTENTS } from '../../../../src/adapters/discord/client.ts';

const client = createDiscordClient();

describe('SECURITY checklist 17: least privilege: Discord needs no privileged intent (Discord client)', () => {
  it('uses Guilds and DirectMessages only, with no privileged intent bit', () => {
    const intents = new IntentsBitField(client.options.intents);
    expect(intents.toArray().sort()).toEqual(['DirectMessages', 'Guilds']);
    const privileged = GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;
    expect(Number(intents.bitfield) & privileged).toBe(0);
    expect(PRIVILEGED_INTENTS.reduce((bits, i) => bits | i, 0)).toBe(privileged);
    expect(DISCORD_INTENTS).toEqual([GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages]);
  });

  it('keeps the Channel partial, without which first DMs are dropped', () => {
    expect(client.options.partials).toEqual([Partials.Channel]);
  });

  it('disables mentions by default for anything sent through discord.js', () => {
    expect(client.options.allowedMentions).toEqual({ parse: [] });
  });

  it('cannot be given other intents by the options meant for tests', () => {
    const widened = createDiscordClient({ intents: [GatewayIntentBits.MessageContent] } as never);
    expect(new IntentsBitField(widened.options.intents).has(GatewayIntentBits.MessageContent)).toBe(false);
  });
});
