// DMs with the bot: a staff member writes, the answer comes back in the same DM; and messages
// the application starts itself (sendDirect: safeguarding alerts, digests).
import type { Client, Message } from 'discord.js';
import type { DirectRecipient, Reply } from '../../chat/types.ts';
import { encodeConversationRef, type ConversationRef } from '../../chat/conversation-ref.ts';
import { openDirectChannel, postInDirectChannel } from './deliver.ts';
import { directMessageEvent } from './events.ts';
import { parseDirectMessage, prefersJapanese } from './parse.ts';
import { renderReply } from './render.ts';
import { rememberDraft, takeTurn, type TurnContext } from './turn.ts';

export async function onDirectMessage(context: TurnContext, client: Client, message: Message): Promise<void> {
  // Guild messages arrive only if someone adds intents later; they are ignored here all the same.
  const incoming = parseDirectMessage(directMessageEvent(message, context.now()));
  if (!incoming) return;
  const language = prefersJapanese(incoming.text, '') ? 'ja' : 'en';
  const channel = { id: message.channelId, type: message.channel.type };
  await takeTurn(context, incoming, language, async (parts) => {
    await postInDirectChannel(client, channel, parts);
  });
}

/**
 * Opens a DM with the recipient and sends the reply there. A recipient without a Discord account
 * on record is skipped with a log line (the caller may reach them another way); a failure to
 * send is the caller's to handle, so it propagates.
 */
export async function sendDirect(context: Pick<TurnContext, 'log' | 'drafts'>, client: Client, recipient: DirectRecipient, reply: Reply): Promise<void> {
  if (!recipient.discordUserId) {
    context.log('warn', 'discord.direct_skipped', { staffId: recipient.staffId, reason: 'no_discord_user_id' });
    return;
  }
  const channel = await openDirectChannel(client, recipient.discordUserId);
  // Buttons on the message continue in this DM, like a conversation the staff member started.
  const conversation: ConversationRef = { platform: 'discord', parts: [channel.id] };
  rememberDraft(context.drafts, encodeConversationRef(conversation), reply);
  const { parts, omittedActions } = renderReply(reply, conversation);
  if (omittedActions) context.log('warn', 'discord.buttons_omitted', { count: omittedActions });
  await postInDirectChannel(client, channel, parts);
}
