// Slack payloads -> the engine's IncomingMessage, plus where the answer goes. Pure functions over
// plain objects (the JSON Slack sends), so fixtures are captured payloads. Anything that is not
// for us (bots, edits, other apps' buttons, malformed values) parses to undefined and is ignored.
import { decodeConversationRef, encodeConversationRef, type ConversationRef } from '../../chat/conversation-ref.ts';
import type { IncomingMessage, UserAction } from '../../chat/types.ts';
import { decodeButtonValue, decodeEditFormMetadata, type EditFormMetadata } from './button-value.ts';
import { ACTION_PREFIX, EDIT_FORM_BLOCK_ID, EDIT_FORM_CALLBACK_ID, EDIT_FORM_INPUT_ID } from './render.ts';
import type { ButtonHost, ReplyTarget } from './target.ts';

export interface ParseContext {
  /** The bot's own user id, whose `<@…>` mention is removed from the text. */
  botUserId: string;
  now: Date;
}

export interface ParsedTurn {
  message: IncomingMessage;
  target: ReplyTarget;
  /** The user's own message, which shows the "working on it" reaction while the turn runs. */
  reactTo?: { channel: string; ts: string };
}

export type ParsedClick =
  | { kind: 'turn'; turn: ParsedTurn; host: ButtonHost }
  /** Edit opens a form; the turn happens when the form is sent. */
  | { kind: 'edit'; triggerId: string; prefill?: string; metadata: EditFormMetadata };

type Obj = Record<string, unknown>;

const obj = (value: unknown): Obj | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : undefined);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Slack escapes these three in message text; the engine gets what the user typed. */
function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The text without the bot's mention (`<@U123>` or `<@U123|name>`), unescaped and trimmed. */
export function cleanText(text: string, botUserId: string): string {
  const mention = new RegExp(`<@${botUserId.replace(/[^A-Za-z0-9]/g, '')}(\\|[^>]*)?>`, 'g');
  return unescapeSlack(text.replace(mention, ' ')).replace(/[ \t]{2,}/g, ' ').trim();
}

function mentions(text: string, botUserId: string): boolean {
  return text.includes(`<@${botUserId}>`) || text.includes(`<@${botUserId}|`);
}

function slackRef(parts: string[]): ConversationRef {
  return { platform: 'slack', parts };
}

function author(userId: string, displayName?: string): IncomingMessage['author'] {
  return { platformUserId: userId, displayName: displayName ?? userId };
}

/** `app_mention` in a channel: answered in its thread. */
export function parseMention(eventInput: unknown, context: ParseContext): ParsedTurn | undefined {
  const event = obj(eventInput);
  const user = str(event?.user);
  const channel = str(event?.channel);
  const ts = str(event?.ts);
  if (!event || event.type !== 'app_mention' || !user || !channel || !ts || event.bot_id || user === context.botUserId) return undefined;
  const threadTs = str(event.thread_ts) ?? ts;
  const text = str(event.text) ?? '';
  return {
    message: {
      id: `slack:${channel}:${ts}`,
      conversation: slackRef([channel, threadTs]),
      author: author(user),
      text: cleanText(text, context.botUserId),
      isDirect: false,
      mentionsBot: true,
      receivedAt: context.now,
      raw: eventInput,
    },
    target: { kind: 'thread', channel, threadTs, userId: user },
    reactTo: { channel, ts },
  };
}

/** A user's own message in a DM with the bot (not an edit, join, bot post or file share). */
export function parseDirectMessage(eventInput: unknown, context: ParseContext): ParsedTurn | undefined {
  const event = obj(eventInput);
  const user = str(event?.user);
  const channel = str(event?.channel);
  const ts = str(event?.ts);
  if (!event || event.type !== 'message' || event.channel_type !== 'im' || event.subtype !== undefined || event.bot_id) return undefined;
  if (!user || !channel || !ts || user === context.botUserId) return undefined;
  const threadTs = str(event.thread_ts);
  const text = str(event.text) ?? '';
  return {
    message: {
      id: `slack:${channel}:${ts}`,
      conversation: slackRef(threadTs ? [channel, threadTs] : [channel]),
      author: author(user),
      text: cleanText(text, context.botUserId),
      isDirect: true,
      mentionsBot: mentions(text, context.botUserId),
      receivedAt: context.now,
      raw: eventInput,
    },
    target: threadTs ? { kind: 'dm', channel, threadTs } : { kind: 'dm', channel },
    reactTo: { channel, ts },
  };
}

/** `/yorisoi <text>`: always answered only to the user; no text means help. */
export function parseSlashCommand(bodyInput: unknown, context: ParseContext): ParsedTurn | undefined {
  const body = obj(bodyInput);
  const user = str(body?.user_id);
  const channel = str(body?.channel_id);
  const responseUrl = str(body?.response_url);
  if (!body || !user || !channel || !responseUrl) return undefined;
  const text = cleanText(typeof body.text === 'string' ? body.text : '', context.botUserId);
  return {
    message: {
      id: `slack:cmd:${str(body.trigger_id) ?? context.now.getTime()}`,
      conversation: slackRef([channel, 'cmd', user]),
      author: author(user, str(body.user_name)),
      text: text || 'help',
      isDirect: true,
      mentionsBot: false,
      receivedAt: context.now,
      raw: bodyInput,
    },
    target: { kind: 'ephemeral', channel, responseUrl, userId: user },
  };
}

/** Where a clicked button lives, and where the answer to the click goes (the same place). */
function clickPlace(body: Obj, user: string): { target: ReplyTarget; host: ButtonHost } | undefined {
  const container = obj(body.container);
  if (container?.type === 'view') return { target: { kind: 'user', userId: user }, host: { kind: 'view' } };
  const channel = str(container?.channel_id) ?? str(obj(body.channel)?.id);
  if (!channel) return undefined;
  const responseUrl = str(body.response_url);
  if (container?.is_ephemeral === true) {
    if (!responseUrl) return undefined;
    return { target: { kind: 'ephemeral', channel, responseUrl, userId: user }, host: { kind: 'ephemeral', channel, responseUrl } };
  }
  const message = obj(body.message);
  const ts = str(container?.message_ts) ?? str(message?.ts);
  if (!ts) return undefined;
  const threadTs = str(message?.thread_ts) ?? str(container?.thread_ts);
  const blocks = Array.isArray(message?.blocks) ? (message.blocks as unknown[]) : undefined;
  const host: ButtonHost = { kind: 'message', channel, ts, text: str(message?.text) ?? '', ...(blocks ? { blocks } : {}) };
  // Slack's DM channel ids start with D. Anything else (channels, group DMs) counts as shared.
  if (channel.startsWith('D')) return { target: threadTs ? { kind: 'dm', channel, threadTs } : { kind: 'dm', channel }, host };
  return { target: { kind: 'thread', channel, threadTs: threadTs ?? ts, userId: user }, host };
}

function actionFor(actionId: string, value: { s?: string; r?: string }): UserAction | 'edit' | undefined {
  if (actionId === `${ACTION_PREFIX}draft_save`) return { kind: 'draft', decision: 'save' };
  if (actionId === `${ACTION_PREFIX}draft_cancel`) return { kind: 'draft', decision: 'cancel' };
  if (actionId === `${ACTION_PREFIX}draft_edit`) return 'edit';
  if (/^yorisoi_undo(_\d+)?$/.test(actionId)) return value.r ? { kind: 'undo', recordId: value.r } : undefined;
  if (/^yorisoi_choose_\d+$/.test(actionId)) return value.s ? { kind: 'choose_student', studentId: value.s } : undefined;
  return undefined;
}

function slackConversation(key: string): ConversationRef | undefined {
  try {
    const ref = decodeConversationRef(key);
    return ref.platform === 'slack' && ref.parts.length > 0 ? ref : undefined;
  } catch {
    return undefined;
  }
}

/** A click on one of our buttons (`block_actions`). */
export function parseButtonClick(bodyInput: unknown, context: ParseContext): ParsedClick | undefined {
  const body = obj(bodyInput);
  const user = str(obj(body?.user)?.id);
  const first = Array.isArray(body?.actions) ? obj(body.actions[0]) : undefined;
  const actionId = str(first?.action_id);
  if (!body || body.type !== 'block_actions' || !user || !first || !actionId?.startsWith(ACTION_PREFIX)) return undefined;
  const value = decodeButtonValue(first.value);
  const conversation = value && slackConversation(value.c);
  const place = clickPlace(body, user);
  const action = value && actionFor(actionId, value);
  if (!value || !conversation || !place || !action) return undefined;
  const label = str(obj(first.text)?.text) ?? actionId;

  if (action === 'edit') {
    const triggerId = str(body.trigger_id);
    if (!triggerId) return undefined;
    return {
      kind: 'edit',
      triggerId,
      ...(value.t !== undefined ? { prefill: value.t } : {}),
      metadata: { c: encodeConversationRef(conversation), l: label, g: value.g ?? 'ja', to: place.target, host: place.host },
    };
  }
  return {
    kind: 'turn',
    host: place.host,
    turn: {
      message: {
        id: `slack:action:${str(first.action_ts) ?? str(body.trigger_id) ?? context.now.getTime()}`,
        conversation,
        author: author(user, str(obj(body.user)?.username)),
        text: label,
        isDirect: place.target.kind !== 'thread',
        mentionsBot: false,
        receivedAt: context.now,
        action,
        raw: bodyInput,
      },
      target: place.target,
    },
  };
}

/** The edit form sent (`view_submission`): the rewritten note, answered where Edit was pressed. */
export function parseEditSubmission(bodyInput: unknown, context: ParseContext): { turn: ParsedTurn; host: ButtonHost } | undefined {
  const body = obj(bodyInput);
  const view = obj(body?.view);
  const user = str(obj(body?.user)?.id);
  if (!body || body.type !== 'view_submission' || !view || view.callback_id !== EDIT_FORM_CALLBACK_ID || !user) return undefined;
  const metadata = decodeEditFormMetadata(view.private_metadata);
  const conversation = metadata && slackConversation(metadata.c);
  const values = obj(obj(view.state)?.values);
  const input = obj(obj(values?.[EDIT_FORM_BLOCK_ID])?.[EDIT_FORM_INPUT_ID]);
  const edit = typeof input?.value === 'string' ? input.value : undefined;
  if (!metadata || !conversation || edit === undefined) return undefined;
  // The form is answered as the person who sent it, even if the metadata names someone else.
  const target: ReplyTarget = metadata.to.kind === 'dm' ? metadata.to : metadata.to.kind === 'user' ? { kind: 'user', userId: user } : { ...metadata.to, userId: user };
  return {
    host: metadata.host,
    turn: {
      message: {
        id: `slack:view:${str(view.id) ?? context.now.getTime()}`,
        conversation,
        author: author(user, str(obj(body.user)?.username)),
        text: metadata.l,
        isDirect: target.kind !== 'thread',
        mentionsBot: false,
        receivedAt: context.now,
        action: { kind: 'draft', decision: 'edit', edit },
        raw: bodyInput,
      },
      target,
    },
  };
}

/** App Home's Home tab opened: whose home, and the conversation its buttons continue (their DM). */
export function parseHomeOpened(eventInput: unknown): { userId: string; conversationKey: string } | undefined {
  const event = obj(eventInput);
  const user = str(event?.user);
  if (!event || event.type !== 'app_home_opened' || event.tab !== 'home' || !user) return undefined;
  const channel = str(event.channel);
  return { userId: user, conversationKey: encodeConversationRef(slackRef(channel ? [channel] : ['home', user])) };
}

/** The workspace whose bot token is gone: uninstalled, or its bot token revoked. */
export function revokedWorkspace(bodyInput: unknown): string | undefined {
  const body = obj(bodyInput);
  const event = obj(body?.event);
  const team = str(body?.team_id);
  if (!event || !team) return undefined;
  if (event.type === 'app_uninstalled') return team;
  const bot = obj(event.tokens)?.bot;
  if (event.type === 'tokens_revoked' && Array.isArray(bot) && bot.length > 0) return team;
  return undefined;
}
