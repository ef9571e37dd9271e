// Sending rendered pieces: as an interaction's answer (ephemeral in a server) or into a DM
// channel. Every message has mentions disabled, so text from the engine can never ping anyone.
import { Routes, type APIChannel, type APIMessage, type Client, type RepliableInteraction } from 'discord.js';
import { isDirectChannel, messageFlags, type Visibility } from './audience.ts';
import type { MessagePart } from './render.ts';

/** No @everyone, @here, role or user pings, whatever the text says. */
export const NO_MENTIONS = { parse: [] as [] };

/**
 * The pieces as an interaction's answer. `first: 'edit_original'` fills in the deferred
 * "thinking…" message; `'follow_up'` adds new messages (after a click was acknowledged by
 * updating the clicked message). The rest are always follow-ups with the same visibility.
 */
export async function answerInteraction(interaction: RepliableInteraction, parts: MessagePart[], visibility: Visibility, first: 'edit_original' | 'follow_up'): Promise<void> {
  const flags = messageFlags(visibility);
  for (const [i, part] of parts.entries()) {
    if (i === 0 && first === 'edit_original') {
      // The deferred reply's visibility was fixed by deferReply; an edit may not change it.
      await interaction.editReply({ content: part.content, components: part.components, allowedMentions: NO_MENTIONS });
    } else {
      await interaction.followUp({ content: part.content, components: part.components, allowedMentions: NO_MENTIONS, flags });
    }
  }
}

/**
 * The pieces as ordinary messages in a DM channel, through REST so a DM found by id (sendDirect)
 * and one a message arrived in take the same path. Refuses any other kind of channel: that is
 * where the audience rule would break.
 */
export async function postInDirectChannel(client: Client, channel: Pick<APIChannel, 'id' | 'type'>, parts: MessagePart[]): Promise<APIMessage[]> {
  if (!isDirectChannel(channel.type)) throw new Error('refusing to post outside a DM channel');
  const sent: APIMessage[] = [];
  for (const part of parts) {
    const body = { content: part.content, components: part.components, allowed_mentions: NO_MENTIONS, flags: messageFlags('in_dm') };
    sent.push((await client.rest.post(Routes.channelMessages(channel.id), { body })) as APIMessage);
  }
  return sent;
}

/** Opens (or finds) the DM channel with a user: POST /users/@me/channels. */
export async function openDirectChannel(client: Client, userId: string): Promise<APIChannel> {
  return (await client.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel;
}
