// Who can read an answer (SECURITY.md, "Audience, not just asker"). A reply about a student is
// 'restricted' and must reach only the asker. On Discord the adapter never posts a visible
// message in a server channel at all: there every answer is ephemeral, and channel messages go
// only to DMs. So no reply, whatever its sensitivity, can land where colleagues or students read.
import { ChannelType, MessageFlags } from 'discord.js';

export type Visibility = 'ephemeral' | 'in_dm';

/** Where the user acted: in a server (guild) or a DM, and whether on an ephemeral message. */
export interface Place {
  inGuild: boolean;
  ephemeral: boolean;
}

/**
 * How an answer in this place is shown: in a server always ephemeral; in a DM like what the user
 * acted on (an ephemeral slash-command answer stays ephemeral, a DM conversation stays a DM).
 * Deliberately blind to the reply's sensitivity: 'public' and 'staff' answers are ephemeral in a
 * server too (slash-command answers are records-adjacent), and one rule with no table is easier
 * to trust; 'restricted' could never be anything else.
 */
export function visibilityFor(place: Place): Visibility {
  return place.inGuild || place.ephemeral ? 'ephemeral' : 'in_dm';
}

/**
 * Flags for every message the bot sends. Link previews are suppressed (SECURITY.md #8: posts go
 * out with unfurling off), and ephemeral answers carry the ephemeral flag on every piece: on
 * Discord a follow-up's visibility is its own, not inherited from the deferred reply.
 */
export function messageFlags(visibility: Visibility): number {
  return visibility === 'ephemeral' ? MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds : MessageFlags.SuppressEmbeds;
}

/** True only for a DM: the one kind of channel the bot posts ordinary messages in. */
export function isDirectChannel(type: ChannelType | number): boolean {
  return type === ChannelType.DM;
}
