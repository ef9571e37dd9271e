// Discord events -> the engine's IncomingMessage. Pure functions over plain objects (the adapter
// copies the few fields it needs out of discord.js structures), so tests need no client.
import type { ConversationRef } from '../../chat/conversation-ref.ts';
import type { IncomingMessage, UserAction } from '../../chat/types.ts';
import { COMMAND_NAME, SUBCOMMANDS, type Subcommand } from './commands.ts';
import { decodeCustomId, userActionOf } from './custom-id.ts';

export interface DiscordUser {
  id: string;
  username: string;
  /** The display name the user chose, when they chose one. */
  globalName?: string | null;
  bot?: boolean;
}

export interface SlashCommandEvent {
  interactionId: string;
  commandName: string;
  subcommand: string | null;
  text?: string | null;
  week?: string | null;
  channelId: string;
  user: DiscordUser;
  /** The user's client language, e.g. `ja` or `en-US`. */
  locale: string;
  receivedAt: Date;
}

export interface DirectMessageEvent {
  messageId: string;
  channelId: string;
  /** True for a DM channel; guild channels are never read (no message-content intent). */
  isDirectChannel: boolean;
  author: DiscordUser;
  content: string;
  receivedAt: Date;
}

/** A button click or a submitted form: both arrive with the custom_id this adapter made. */
export interface ComponentEvent {
  interactionId: string;
  customId: string;
  user: DiscordUser;
  /** The clicked button's label, which says in the reply's language what was pressed. */
  label?: string | null;
  /** For a submitted edit form: the text typed into it. */
  formText?: string;
  receivedAt: Date;
}

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const LATIN_LETTER = /[A-Za-z]/;

/** Japanese when the text is, or when it has no letters to judge by and the client is Japanese. */
export function prefersJapanese(text: string, locale: string): boolean {
  if (JAPANESE.test(text)) return true;
  if (LATIN_LETTER.test(text)) return false;
  return locale.toLowerCase().startsWith('ja');
}

function displayNameOf(user: DiscordUser): string {
  return user.globalName?.trim() || user.username;
}

/**
 * A slash command's words, phrased the way the engine reads that request when typed: `log` is
 * marked as a note, `suggest` as a support question, `digest` as the weekly summary.
 */
export function commandText(subcommand: Subcommand, text: string, locale: string): string {
  const ja = prefersJapanese(text, locale);
  switch (subcommand) {
    case 'ask':
      return text;
    case 'log':
      return ja ? `記録：${text}` : `Log: ${text}`;
    case 'suggest':
      return ja ? `${text} にどんな支援ができる？` : `What support could help ${text}?`;
    case 'digest':
      if (!text) return ja ? '今週のまとめ' : "this week's digest";
      // 先週 / 今週 already name a week; a date such as 11/9 needs 「の週」 to be read as one.
      if (ja) return /週$/.test(text) ? `${text}のまとめ` : `${text}の週のまとめ`;
      return `weekly digest: ${text}`;
  }
}

/** `/yorisoi <subcommand>` -> the engine's message; undefined for a command this bot did not define. */
export function parseSlashCommand(event: SlashCommandEvent): IncomingMessage | undefined {
  if (event.commandName !== COMMAND_NAME) return undefined;
  const subcommand = SUBCOMMANDS.find((s) => s === event.subcommand);
  if (!subcommand) return undefined;
  const words = (subcommand === 'digest' ? event.week : event.text)?.trim() ?? '';
  if (!words && subcommand !== 'digest') return undefined;
  return {
    id: `discord-${event.interactionId}`,
    // Per channel and per user: two teachers using the command in one channel keep separate threads.
    conversation: { platform: 'discord', parts: [event.channelId, 'cmd', event.user.id] },
    author: { platformUserId: event.user.id, displayName: displayNameOf(event.user) },
    text: commandText(subcommand, words, event.locale),
    // The answer is ephemeral: only the asker sees it, as in a DM.
    isDirect: true,
    mentionsBot: true,
    receivedAt: event.receivedAt,
  };
}

/** A DM to the bot -> the engine's message; undefined for guild channels, bots and empty messages. */
export function parseDirectMessage(event: DirectMessageEvent): IncomingMessage | undefined {
  if (!event.isDirectChannel || event.author.bot) return undefined;
  const text = event.content.trim();
  if (!text) return undefined;
  return {
    id: `discord-${event.messageId}`,
    conversation: { platform: 'discord', parts: [event.channelId] },
    author: { platformUserId: event.author.id, displayName: displayNameOf(event.author) },
    text,
    isDirect: true,
    mentionsBot: true,
    receivedAt: event.receivedAt,
  };
}

/**
 * True when the clicker may act in the conversation. A command conversation belongs to the user
 * who ran the command, so nobody can save or undo another teacher's note, even if a message with
 * buttons ever became visible to others. A DM has only one human in it.
 */
export function clickerOwns(conversation: ConversationRef, userId: string): boolean {
  const [, marker, owner] = conversation.parts;
  return marker === 'cmd' ? owner === userId : true;
}

export type ParsedComponent =
  /** Run this turn. */
  | { kind: 'turn'; message: IncomingMessage }
  /** The Edit button: show the edit form before anything reaches the engine. */
  | { kind: 'open_edit_form'; conversation: ConversationRef }
  /** Not ours, malformed, or someone else's conversation: acknowledge and do nothing. */
  | { kind: 'ignore'; reason: 'unknown_custom_id' | 'not_owner' | 'empty_edit' };

const ACTION_WORDS: Record<UserAction['kind'], string> = { draft: 'draft', undo: 'undo', choose_student: 'choose' };

/** A button click or a submitted edit form -> what to do with it. */
export function parseComponent(event: ComponentEvent): ParsedComponent {
  const decoded = decodeCustomId(event.customId);
  if (!decoded) return { kind: 'ignore', reason: 'unknown_custom_id' };
  const { intent, conversation } = decoded;
  if (!clickerOwns(conversation, event.user.id)) return { kind: 'ignore', reason: 'not_owner' };

  let action: UserAction;
  let text: string;
  if (intent.kind === 'edit_form') {
    const edit = event.formText?.trim() ?? '';
    if (!edit) return { kind: 'ignore', reason: 'empty_edit' };
    action = { kind: 'draft', decision: 'edit', edit };
    // The rewritten note itself: it is what the user typed, so it also tells the reply's language.
    text = edit;
  } else {
    if (intent.kind === 'draft' && intent.decision === 'edit') return { kind: 'open_edit_form', conversation };
    action = userActionOf(intent);
    text = event.label?.trim() || (action.kind === 'draft' ? action.decision : ACTION_WORDS[action.kind]);
  }
  return {
    kind: 'turn',
    message: {
      id: `discord-${event.interactionId}`,
      conversation,
      author: { platformUserId: event.user.id, displayName: displayNameOf(event.user) },
      text,
      isDirect: true,
      mentionsBot: true,
      receivedAt: event.receivedAt,
      action,
    },
  };
}
