// Putting a reply where it belongs, by audience: a restricted reply (a student's records) never
// lands where others can read it. In a shared channel the asker gets it by DM and the thread
// gets only a fixed pointer; ephemeral answers and DMs are private already. A reply's files
// (the digest's chart) follow its text to the same place: files cannot be ephemeral on Slack, so
// those of an ephemeral answer go to the asker's DM, never to the channel it was asked in.
import type { Attachment, Reply } from '../../chat/types.ts';
import { renderMessage, renderPointer, withoutButtons, chosenNote, FILES_IN_DM_NOTE, type SlackMessage } from './render.ts';
import type { ButtonHost, ReplyTarget } from './target.ts';

/** The Slack calls delivery needs; slack-sender.ts implements them over the Web API and the queue. */
export interface Sender {
  post(channel: string, message: SlackMessage, threadTs?: string): Promise<void>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
  /** Posts to a response_url (ephemeral to the user), replacing the original message or not. */
  respond(channel: string, responseUrl: string, message: SlackMessage, replaceOriginal: boolean): Promise<void>;
  /** The DM channel with a user (opened if needed). */
  openDm(userId: string): Promise<string>;
  /**
   * Shares files in a channel (or one of its threads) as one message, with an optional plain note.
   * Best effort: a failed upload is logged, never thrown, since the text has gone out already.
   */
  upload(channel: string, files: readonly Attachment[], options?: { threadTs?: string; comment?: string }): Promise<void>;
}

/** Posts the message, then its files under it in the same place. */
async function postWithFiles(sender: Sender, channel: string, message: SlackMessage, files: readonly Attachment[], threadTs?: string): Promise<void> {
  await sender.post(channel, message, threadTs);
  if (files.length) await sender.upload(channel, files, threadTs ? { threadTs } : {});
}

export async function deliverReply(sender: Sender, reply: Reply, target: ReplyTarget, conversationKey: string): Promise<void> {
  const message = renderMessage(reply, conversationKey);
  const files = reply.attachments ?? [];
  switch (target.kind) {
    case 'ephemeral':
      await sender.respond(target.channel, target.responseUrl, message, false);
      if (files.length) await sender.upload(await sender.openDm(target.userId), files, { comment: FILES_IN_DM_NOTE[reply.language] });
      return;
    case 'dm':
      return postWithFiles(sender, target.channel, message, files, target.threadTs);
    case 'user':
      return postWithFiles(sender, await sender.openDm(target.userId), message, files);
    case 'thread':
      if (reply.sensitivity !== 'restricted') return postWithFiles(sender, target.channel, message, files, target.threadTs);
      await postWithFiles(sender, await sender.openDm(target.userId), message, files);
      return sender.post(target.channel, renderPointer(reply.language), target.threadTs);
  }
}

/**
 * A post to a whole channel: the weekly digest, when the caller has checked that every member of
 * the channel may read all of it (services/digest/audience.ts). That check, not the reply's
 * sensitivity, is the gate here: a digest holds student records and is 'restricted' by nature,
 * and this is the one path where such a reply may reach a channel. Nothing else calls it.
 */
export async function deliverToChannel(sender: Sender, reply: Reply, channel: string, conversationKey: string): Promise<void> {
  await postWithFiles(sender, channel, renderMessage(reply, conversationKey), reply.attachments ?? []);
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
