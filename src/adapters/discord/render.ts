// Reply -> Discord messages: text split under the content limit, buttons for the reply's
// actions on the last piece. Pure: returns plain API JSON, sends nothing.
import {
  ButtonStyle,
  ComponentType,
  TextInputStyle,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIModalInteractionResponseCallbackData,
} from 'discord.js';
import type { ConversationRef } from '../../chat/conversation-ref.ts';
import type { Action, Attachment, Reply } from '../../chat/types.ts';
import { encodeCustomId, type ComponentIntent } from './custom-id.ts';
import { splitText } from './split-text.ts';

/** Discord allows 5 buttons per row and 5 rows per message. */
const BUTTONS_PER_ROW = 5;
const MAX_ROWS = 5;
const LABEL_MAX = 80;
/** The edit form's text box holds at most this many characters, prefilled text included. */
export const EDIT_TEXT_MAX = 4000;
/** The text input's custom_id inside the edit form. */
export const EDIT_FIELD_ID = 'text';

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

export interface MessagePart {
  content: string;
  /** Empty on every piece but the last. */
  components: ButtonRow[];
  /** The reply's files (the digest's chart), on the last piece only: under the whole text. */
  files?: readonly Attachment[];
}

export interface RenderedReply {
  parts: MessagePart[];
  /** Actions left without a button (too many, or ids too long for a custom_id), for the log. */
  omittedActions: number;
}

function intentOf(action: Action): ComponentIntent {
  switch (action.type) {
    case 'draft':
      return { kind: 'draft', decision: action.decision };
    case 'undo':
      return { kind: 'undo', recordId: action.recordId };
    case 'choose_student':
      return { kind: 'choose_student', studentId: action.studentId };
  }
}

function styleOf(action: Action): APIButtonComponentWithCustomId['style'] {
  if (action.type === 'draft') {
    return action.decision === 'save' ? ButtonStyle.Primary : action.decision === 'cancel' ? ButtonStyle.Danger : ButtonStyle.Secondary;
  }
  return action.type === 'choose_student' ? ButtonStyle.Primary : ButtonStyle.Secondary;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Buttons for the reply's actions, five to a row. */
export function renderButtons(actions: readonly Action[], conversation: ConversationRef): { rows: ButtonRow[]; omitted: number } {
  const buttons: APIButtonComponentWithCustomId[] = [];
  let omitted = 0;
  for (const action of actions) {
    const customId = encodeCustomId(intentOf(action), conversation);
    if (!customId || buttons.length === BUTTONS_PER_ROW * MAX_ROWS) {
      omitted += 1;
      continue;
    }
    buttons.push({ type: ComponentType.Button, style: styleOf(action), label: truncate(action.label, LABEL_MAX), custom_id: customId });
  }
  const rows: ButtonRow[] = [];
  for (let i = 0; i < buttons.length; i += BUTTONS_PER_ROW) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + BUTTONS_PER_ROW) });
  }
  return { rows, omitted };
}

/**
 * The reply as messages. `conversation` is where a click on its buttons continues: encoded in
 * each custom_id. Facts are not listed separately: the engine's text already cites what it used.
 */
export function renderReply(reply: Reply, conversation: ConversationRef): RenderedReply {
  const pieces = splitText(reply.text);
  const { rows, omitted } = renderButtons(reply.actions ?? [], conversation);
  const files = reply.attachments ?? [];
  const parts: MessagePart[] = pieces.map((content, i) => {
    const last = i === pieces.length - 1;
    return { content, components: last ? rows : [], ...(last && files.length ? { files } : {}) };
  });
  return { parts, omittedActions: omitted };
}

/** The text a draft's Edit button should open the form with, if the reply offers one. */
export function editTextOf(reply: Reply): string | undefined {
  const edit = reply.actions?.find((a) => a.type === 'draft' && a.decision === 'edit');
  return edit?.type === 'draft' ? edit.text : undefined;
}

/** The form the Edit button opens: one paragraph box, prefilled with the draft's note. */
export function renderEditForm(customId: string, prefill: string | undefined, language: Reply['language']): APIModalInteractionResponseCallbackData {
  const ja = language === 'ja';
  return {
    custom_id: customId,
    title: ja ? '記録を修正' : 'Edit the note',
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: EDIT_FIELD_ID,
            style: TextInputStyle.Paragraph,
            label: ja ? '記録の内容' : 'Note',
            required: true,
            max_length: EDIT_TEXT_MAX,
            ...(prefill ? { value: prefill.slice(0, EDIT_TEXT_MAX) } : {}),
          },
        ],
      },
    ],
  };
}

/**
 * Said when the engine could not answer at all, so the user is not left with "thinking…". The
 * engine turns its own failures into replies; this covers a crash between it and Discord.
 */
export function failureReply(language: Reply['language']): Reply {
  return {
    text: language === 'ja' ? 'すみません、うまく処理できませんでした。少し待ってからもう一度お試しください。' : 'Sorry, something went wrong. Please try again in a moment.',
    language,
    sensitivity: 'public',
  };
}
