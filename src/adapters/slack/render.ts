// Reply -> Block Kit. Pure: plain objects in, plain objects out.
// All reply text is escaped first: notes typed by staff are stored and shown again later, and a
// stored `<!channel>` or `<@U…>` must print as text, never ping a channel or a person.
import type { types } from '@slack/bolt';
import type { Action, Reply } from '../../chat/types.ts';
import { encodeButtonValue, encodeEditFormMetadata, type EditFormMetadata } from './button-value.ts';

type Block = types.KnownBlock;
type Button = types.Button;

export interface SlackMessage {
  /** Plain fallback for notifications and clients without blocks. */
  text: string;
  blocks: Block[];
}

export const ACTION_PREFIX = 'yorisoi_';
export const EDIT_FORM_CALLBACK_ID = 'yorisoi_edit';
export const EDIT_FORM_BLOCK_ID = 'yorisoi_edit_block';
export const EDIT_FORM_INPUT_ID = 'yorisoi_edit_text';

/** Slack's limits: 3000 characters in a section, 50 blocks in a message, 100 in a view. */
const SECTION_LIMIT = 2900;
const MESSAGE_SECTIONS = 45;
const HOME_SECTIONS = 90;
const BUTTONS_PER_BLOCK = 25;
const BUTTON_LABEL_LIMIT = 75;
const FALLBACK_LIMIT = 2900;

export const POINTER_TEXT = {
  ja: '🔒 生徒の記録を含むため、DMでお返事しました。',
  en: '🔒 This answer includes student records, so I sent it to you by direct message.',
} as const;

/** With files sent to the DM for an answer only the user saw (files cannot be ephemeral). */
export const FILES_IN_DM_NOTE = {
  ja: '📎 あなたにだけ表示した答えのファイルです。',
  en: '📎 The files for the answer that only you could see.',
} as const;

/** Slack's three control characters; everything else in mrkdwn is formatting, not addressing. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Cuts escaped text into pieces of at most `limit` characters, at a line break or space when one
 * is near, never inside an `&amp;`-style entity or a surrogate pair.
 */
export function splitText(text: string, limit = SECTION_LIMIT): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf('\n', limit);
    if (cut < limit / 2) cut = rest.lastIndexOf(' ', limit);
    if (cut < limit / 2) cut = safeHardCut(rest, limit);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]+/, '');
  }
  if (rest.trim() || pieces.length === 0) pieces.push(rest);
  return pieces;
}

function safeHardCut(text: string, limit: number): number {
  let cut = limit;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp >= 0 && amp > cut - 5 && !text.slice(amp, cut).includes(';')) cut = amp;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return cut;
}

export function actionId(action: Action, index: number, actions: readonly Action[]): string {
  switch (action.type) {
    case 'draft':
      return `${ACTION_PREFIX}draft_${action.decision}`;
    case 'undo':
      return actions.filter((a) => a.type === 'undo').length > 1 ? `${ACTION_PREFIX}undo_${index}` : `${ACTION_PREFIX}undo`;
    case 'choose_student':
      return `${ACTION_PREFIX}choose_${index}`;
  }
}

function button(action: Action, index: number, actions: readonly Action[], conversationKey: string, language: Reply['language']): Button {
  const value =
    action.type === 'choose_student'
      ? { c: conversationKey, s: action.studentId }
      : action.type === 'undo'
        ? { c: conversationKey, r: action.recordId }
        : action.decision === 'edit'
          ? { c: conversationKey, g: language, ...(action.text !== undefined ? { t: action.text } : {}) }
          : { c: conversationKey };
  const rendered: Button = {
    type: 'button',
    action_id: actionId(action, index, actions),
    text: { type: 'plain_text', text: truncate(action.label, BUTTON_LABEL_LIMIT), emoji: true },
    value: encodeButtonValue(value),
  };
  if (action.type === 'draft' && action.decision === 'save') rendered.style = 'primary';
  return rendered;
}

function actionBlocks(reply: Reply, conversationKey: string): Block[] {
  const actions = reply.actions ?? [];
  const buttons = actions.map((action, index) => button(action, index, actions, conversationKey, reply.language));
  const blocks: Block[] = [];
  for (let i = 0; i < buttons.length; i += BUTTONS_PER_BLOCK) {
    blocks.push({ type: 'actions', block_id: `${ACTION_PREFIX}actions_${i / BUTTONS_PER_BLOCK}`, elements: buttons.slice(i, i + BUTTONS_PER_BLOCK) });
  }
  return blocks;
}

function sectionBlocks(escaped: string, maxSections: number): Block[] {
  let pieces = splitText(escaped);
  if (pieces.length > maxSections) pieces = [...pieces.slice(0, maxSections - 1), truncate(`${pieces[maxSections - 1]!}…`, SECTION_LIMIT)];
  return pieces.filter((p) => p.trim()).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

/** A reply as a message; buttons carry `conversationKey` so a click continues this conversation. */
export function renderMessage(reply: Reply, conversationKey: string): SlackMessage {
  const escaped = escapeMrkdwn(reply.text.trimEnd());
  return {
    text: truncate(escaped, FALLBACK_LIMIT),
    blocks: [...sectionBlocks(escaped, MESSAGE_SECTIONS), ...actionBlocks(reply, conversationKey)],
  };
}

/** What a shared channel sees instead of a restricted answer: no student data at all. */
export function renderPointer(language: Reply['language']): SlackMessage {
  const text = POINTER_TEXT[language];
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

export function renderHomeView(reply: Reply, conversationKey: string): types.HomeView {
  const escaped = escapeMrkdwn(reply.text.trimEnd());
  return { type: 'home', blocks: [...sectionBlocks(escaped, HOME_SECTIONS), ...actionBlocks(reply, conversationKey)] };
}

const EDIT_FORM_LABELS = {
  ja: { title: '記録を編集', submit: '更新', close: 'キャンセル', input: '記録' },
  en: { title: 'Edit the note', submit: 'Update', close: 'Cancel', input: 'Note' },
} as const;

/** The modal for Edit: the draft's note, ready to rewrite; the metadata says where to answer. */
export function renderEditForm(prefill: string | undefined, metadata: EditFormMetadata): types.ModalView {
  const labels = EDIT_FORM_LABELS[metadata.g];
  return {
    type: 'modal',
    callback_id: EDIT_FORM_CALLBACK_ID,
    title: { type: 'plain_text', text: labels.title },
    submit: { type: 'plain_text', text: labels.submit },
    close: { type: 'plain_text', text: labels.close },
    private_metadata: encodeEditFormMetadata(metadata),
    blocks: [
      {
        type: 'input',
        block_id: EDIT_FORM_BLOCK_ID,
        label: { type: 'plain_text', text: labels.input },
        element: {
          type: 'plain_text_input',
          action_id: EDIT_FORM_INPUT_ID,
          multiline: true,
          max_length: 3000,
          ...(prefill !== undefined && prefill.length <= 3000 ? { initial_value: prefill } : {}),
        },
      },
    ],
  };
}

/** The line that replaces used buttons, e.g. "✓ 保存". */
export function chosenNote(label: string): string {
  return `✓ ${escapeMrkdwn(label)}`;
}

/** A message's blocks with its buttons taken away and a note of what was chosen in their place. */
export function withoutButtons(blocks: readonly unknown[], label: string): Block[] {
  const kept = blocks.filter((b): b is Block => !!b && typeof b === 'object' && (b as { type?: unknown }).type !== 'actions');
  return [...kept, { type: 'context', elements: [{ type: 'mrkdwn', text: chosenNote(label) }] }];
}

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, safeHardCut(text, limit - 1))}…`;
}
