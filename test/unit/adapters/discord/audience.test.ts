// Where answers may be seen: ephemeral in a server, whatever the reply; ordinary messages only in DMs.
import { ChannelType, MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { isDirectChannel, messageFlags, visibilityFor } from '../../../../src/adapters/discord/audience.ts';

describe('Discord audience', () => {
  it('answers in a server ephemerally, and in a DM like the message acted on', () => {
    expect(visibilityFor({ inGuild: true, ephemeral: false })).toBe('ephemeral');
    expect(visibilityFor({ inGuild: true, ephemeral: true })).toBe('ephemeral');
    expect(visibilityFor({ inGuild: false, ephemeral: true })).toBe('ephemeral');
    expect(visibilityFor({ inGuild: false, ephemeral: false })).toBe('in_dm');
  });

  it('turns link previews off on every message and marks ephemeral ones', () => {
    expect(messageFlags('ephemeral')).toBe(MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds);
    expect(messageFlags('in_dm')).toBe(MessageFlags.SuppressEmbeds);
  });

  it('posts ordinary messages only in DM channels', () => {
    expect(isDirectChannel(ChannelType.DM)).toBe(true);
    for (const type of [ChannelType.GuildText, ChannelType.GroupDM, ChannelType.PublicThread, ChannelType.GuildAnnouncement]) expect(isDirectChannel(type)).toBe(false);
  });
});
