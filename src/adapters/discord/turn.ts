// One turn, whatever started it (a command, a click, a form, a DM): ask the engine, render the
// reply for this conversation, deliver it. Turns of one conversation run one after another.
import { encodeConversationRef } from '../../chat/conversation-ref.ts';
import type { ChatHandler, IncomingMessage, Reply } from '../../chat/types.ts';
import type { DraftTexts } from './draft-texts.ts';
import { errorFields, type DiscordLog } from './log.ts';
import { editTextOf, failureReply, renderReply, type MessagePart } from './render.ts';
import type { Work } from './work.ts';

export interface TurnContext {
  handler: ChatHandler;
  log: DiscordLog;
  work: Work;
  drafts: DraftTexts;
  now: () => Date;
}

/** Remembers the text the reply's Edit button should open with; forgets it once the draft is settled. */
export function rememberDraft(drafts: DraftTexts, conversationKey: string, reply: Reply, action?: IncomingMessage['action']): void {
  const text = editTextOf(reply);
  if (text !== undefined) drafts.remember(conversationKey, { text, language: reply.language });
  else if (action?.kind === 'draft' && action.decision !== 'edit') drafts.forget(conversationKey);
}

/**
 * Runs the turn and hands the rendered pieces to `deliver`. A crash in the engine becomes a short
 * apology in `fallbackLanguage`, so the user is never left looking at "thinking…".
 */
export async function takeTurn(context: TurnContext, message: IncomingMessage, fallbackLanguage: Reply['language'], deliver: (parts: MessagePart[]) => Promise<void>): Promise<void> {
  const key = encodeConversationRef(message.conversation);
  await context.work.inTurn(key, async () => {
    let reply: Reply;
    try {
      reply = await context.handler.handleTurn(message);
    } catch (error) {
      context.log('error', 'discord.turn_failed', errorFields(error));
      reply = failureReply(fallbackLanguage);
    }
    rememberDraft(context.drafts, key, reply, message.action);
    const { parts, omittedActions } = renderReply(reply, message.conversation);
    if (omittedActions) context.log('warn', 'discord.buttons_omitted', { count: omittedActions });
    try {
      await deliver(parts);
    } catch (error) {
      context.log('error', 'discord.send_failed', errorFields(error));
    }
  });
}
