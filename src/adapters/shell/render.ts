import type { Action, Reply } from '../../chat/types.ts';

/**
 * Terminal text. Choices are already numbered in the reply text, so the user answers with a
 * number; buttons (Save / Edit / Cancel, Undo) become a line saying what to type.
 */
export function renderShellReply(reply: Reply): string {
  const typed = (reply.actions ?? []).filter((a): a is Exclude<Action, { type: 'choose_student' }> => a.type !== 'choose_student');
  const prompt = typed.length ? `\n[ ${typed.map((b) => b.label).join(' / ')} ]` : '';
  return `${reply.text.trimEnd()}${prompt}\n`;
}
