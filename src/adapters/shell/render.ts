import type { Reply } from '../../chat/types.ts';

/**
 * Terminal text. Choices are already numbered in the reply text, so the user answers with a
 * number; buttons (Save / Edit / Cancel) become a line saying what to type.
 */
export function renderShellReply(reply: Reply): string {
  const buttons = (reply.actions ?? []).filter((a) => a.type === 'button');
  const prompt = buttons.length ? `\n[ ${buttons.map((b) => b.label).join(' / ')} ]` : '';
  return `${reply.text.trimEnd()}${prompt}\n`;
}
