// A button's or form's custom_id carries everything a click needs: what it does and which
// conversation it belongs to. So buttons keep working after a restart and the adapter keeps no
// table of sent messages. Format: `y1|<code>|<argument>|<conversation key>`, at most 100 chars.
import { decodeConversationRef, encodeConversationRef, type ConversationRef } from '../../chat/conversation-ref.ts';
import type { UserAction } from '../../chat/types.ts';

/** Discord's limit for custom_id. */
export const CUSTOM_ID_MAX = 100;

/** Bumped if the format changes, so old buttons are recognised as old rather than misread. */
const VERSION = 'y1';
const SEPARATOR = '|';

/** What a component does. `edit_form` is the submitted edit form (a modal), not a button. */
export type ComponentIntent =
  | { kind: 'draft'; decision: 'save' | 'edit' | 'cancel' }
  | { kind: 'undo'; recordId: string }
  | { kind: 'choose_student'; studentId: string }
  | { kind: 'edit_form' };

const DRAFT_CODES = { save: 'ds', edit: 'de', cancel: 'dc' } as const;

function codeAndArgument(intent: ComponentIntent): [string, string] {
  switch (intent.kind) {
    case 'draft':
      return [DRAFT_CODES[intent.decision], ''];
    case 'undo':
      return ['u', intent.recordId];
    case 'choose_student':
      return ['c', intent.studentId];
    case 'edit_form':
      return ['df', ''];
  }
}

/** The custom_id, or undefined when an id contains the separator or the result is too long. */
export function encodeCustomId(intent: ComponentIntent, conversation: ConversationRef): string | undefined {
  const [code, argument] = codeAndArgument(intent);
  const key = encodeConversationRef(conversation);
  if (argument.includes(SEPARATOR) || key.includes(SEPARATOR)) return undefined;
  const id = [VERSION, code, argument, key].join(SEPARATOR);
  return id.length <= CUSTOM_ID_MAX ? id : undefined;
}

/** The intent and conversation, or undefined for a custom_id this adapter did not make. */
export function decodeCustomId(customId: string): { intent: ComponentIntent; conversation: ConversationRef } | undefined {
  const fields = customId.split(SEPARATOR);
  if (fields.length !== 4 || fields[0] !== VERSION) return undefined;
  const [, code, argument, key] = fields as [string, string, string, string];
  let conversation: ConversationRef;
  try {
    conversation = decodeConversationRef(key);
  } catch {
    return undefined;
  }
  if (conversation.platform !== 'discord') return undefined;
  const intent = intentOf(code, argument);
  return intent ? { intent, conversation } : undefined;
}

function intentOf(code: string, argument: string): ComponentIntent | undefined {
  switch (code) {
    case 'ds':
      return { kind: 'draft', decision: 'save' };
    case 'de':
      return { kind: 'draft', decision: 'edit' };
    case 'dc':
      return { kind: 'draft', decision: 'cancel' };
    case 'u':
      return argument ? { kind: 'undo', recordId: argument } : undefined;
    case 'c':
      return argument ? { kind: 'choose_student', studentId: argument } : undefined;
    case 'df':
      return { kind: 'edit_form' };
    default:
      return undefined;
  }
}

/** The engine's action for a button (the edit form's action also needs the text typed into it). */
export function userActionOf(intent: Exclude<ComponentIntent, { kind: 'edit_form' }>): UserAction {
  return intent.kind === 'draft' ? { kind: 'draft', decision: intent.decision } : intent;
}
