import type { Action, Reply } from '../../chat/types.ts';

/**
 * Terminal text. Choices are already numbered in the reply text, so the user answers with a
 * number; buttons (Save / Edit / Cancel, Undo) become a line saying what to type. A terminal
 * cannot show an image, so each attached file is named by its alt text (the CLI's digest
 * command writes the files to disk itself).
 */
export function renderShellReply(reply: Reply): string {
  const typed = (reply.actions ?? []).filter((a): a is Exclude<Action, { type: 'choose_student' }> => a.type !== 'choose_student');
  const prompt = typed.length ? `\n[ ${typed.map((b) => b.label).join(' / ')} ]` : '';
  const files = (reply.attachments ?? [])
    .map((file) => ({ image: file.contentType.startsWith('image/'), alt: oneLine(file.altText) }))
    .map(({ image, alt }) => (reply.language === 'ja' ? `\n[${image ? '画像' : 'ファイル'}: ${alt}]` : `\n[${image ? 'image' : 'file'}: ${alt}]`))
    .join('');
  return `${reply.text.trimEnd()}${prompt}${files}\n`;
}

/** One line per image, whatever the alt text holds. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
