// Sending rendered pieces: as an interaction's answer (ephemeral in a server) or into a DM
// channel. Every message has mentions disabled, so text from the engine can never ping anyone.
// A piece's files travel in the same message, so they share its visibility: an ephemeral
// answer's chart is ephemeral too, a DM's stays in the DM.
import { Routes, type APIChannel, type APIMessage, type AttachmentPayload, type Client, type RepliableInteraction } from 'discord.js';
import type { Attachment } from '../../chat/types.ts';
import { isDirectChannel, messageFlags, type Visibility } from './audience.ts';
import type { MessagePart } from './render.ts';

/** No @everyone, @here, role or user pings, whatever the text says. */
export const NO_MENTIONS = { parse: [] as [] };

/** Discord's limit on an attachment's description (its alt text). */
const DESCRIPTION_LIMIT = 1024;

/** Files for discord.js's message options (interaction answers). */
function filePayloads(files: readonly Attachment[] | undefined): { files?: AttachmentPayload[] } {
  if (!files?.length) return {};
  return { files: files.map((f) => ({ attachment: Buffer.from(f.data), name: f.filename, description: f.altText.slice(0, DESCRIPTION_LIMIT) })) };
}

/**
 * Files for a raw REST message: the bytes as multipart parts (`files[i]`), and their names and
 * alt texts in the JSON body's `attachments`, matched by index.
 */
function restFiles(files: readonly Attachment[] | undefined) {
  if (!files?.length) return undefined;
  return {
    attachments: files.map((f, id) => ({ id, filename: f.filename, description: f.altText.slice(0, DESCRIPTION_LIMIT) })),
    files: files.map((f) => ({ name: f.filename, data: Buffer.from(f.data), contentType: f.contentType })),
  };
}

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
      await interaction.editReply({ content: part.content, components: part.components, allowedMentions: NO_MENTIONS, ...filePayloads(part.files) });
    } else {
      await interaction.followUp({ content: part.content, components: part.components, allowedMentions: NO_MENTIONS, flags, ...filePayloads(part.files) });
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
    const withFiles = restFiles(part.files);
    const body = { content: part.content, components: part.components, allowed_mentions: NO_MENTIONS, flags: messageFlags('in_dm'), ...(withFiles ? { attachments: withFiles.attachments } : {}) };
    sent.push((await client.rest.post(Routes.channelMessages(channel.id), { body, ...(withFiles ? { files: withFiles.files } : {}) })) as APIMessage);
  }
  return sent;
}

/** Opens (or finds) the DM channel with a user: POST /users/@me/channels. */
export async function openDirectChannel(client: Client, userId: string): Promise<APIChannel> {
  return (await client.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel;
}
