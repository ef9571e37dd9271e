import type { Reply } from '../../chat/types.ts';

/** Terminal text. Choices are already numbered in the reply text, so the user answers with a number. */
export function renderShellReply(reply: Reply): string {
  return `${reply.text.trimEnd()}\n`;
}
