// Putting a reply where it belongs, by audience: a restricted reply (a student's records) never
// lands where others can read it. In a shared channel the asker gets it by DM and the thread
// gets only a fixed pointer; ephemeral answers and DMs are private already.
import type { Reply } from '../../chat/types.ts';
import { renderMessage, renderPointer, withoutButtons, chosenNote, type SlackMessage } from './render.ts';
import type { ButtonHost, ReplyTarget } from './target.ts';

/** The Slack calls delivery needs; slack-sender.ts implements them over the Web API and the queue. */
export interface Sender {
  post(channel: string, message: SlackMessage, threadTs?: string): Promise<void>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
  /** Posts to a response_url (ephemeral to the user), replacing the original message or not. */
  respond(channel: string, responseUrl: string, message: SlackMessage, replaceOriginal: boolean): Promise<void>;
  /** The DM channel with a user (opened if needed). */
  openDm(userId: string): Promise<string>;
}

export async function deliverReply(sender: Sender, reply: Reply, target: ReplyTarget, conversationKey: string): Promise<void> {
  const message = renderMessage(reply, conversationKey);
  switch (target.kind) {
    case 'ephemeral':
      return sender.respond(target.channel, target.responseUrl, message, false);
    case 'dm':
      return sender.post(target.channel, message, target.threadTs);
    case 'user':
      return sender.post(await sender.openDm(target.userId), message);
    case 'thread':
      if (reply.sensitivity !== 'restricted') return sender.post(target.channel, message, target.threadTs);
      await sender.post(await sender.openDm(target.userId), message);
      return sender.post(target.channel, renderPointer(reply.language), target.threadTs);
  }
}

/**
 * Takes the buttons off a message once one was used, so a draft cannot be saved twice from it.
 * Ephemeral messages come without their content, so they are replaced by the note alone.
 */
export async function retireButtons(sender: Sender, host: ButtonHost, label: string): Promise<void> {
  switch (host.kind) {
    case 'view':
      return;
    case 'ephemeral': {
      const text = chosenNote(label);
      return sender.respond(host.channel, host.responseUrl, { text, blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text }] }] }, true);
    }
    case 'message': {
      // Without the blocks (a long draft's did not fit in the edit form), the fallback text stands in.
      const blocks = withoutButtons(host.blocks ?? (host.text ? [{ type: 'section', text: { type: 'mrkdwn', text: host.text } }] : []), label);
      return sender.update(host.channel, host.ts, { text: host.text || chosenNote(label), blocks });
    }
  }
}
