// The offline engine's understanding: rules and vocabulary, no network, nothing leaves the school.
import type { Intent } from '../intent.ts';

const HELP = /^(?:help|\?|？|ヘルプ|使い方|つかいかた|何ができ|なにができ|できること|what can you do)/i;
const CHOICE = /^\s*(?:#?\d{1,2}|[A-Za-z]{1,2}\d{2,6})\s*$/;

export function understandOffline(text: string, options: { awaitingChoice: boolean }): Intent {
  const t = text.normalize('NFKC').trim();
  if (!t) return { type: 'unknown' };
  if (options.awaitingChoice && CHOICE.test(t)) return { type: 'choose_student', choice: t.replace(/^#/, '') };
  if (HELP.test(t) || /\bhelp\b/i.test(t)) return { type: 'help' };
  // Anything else may name a student; the services decide whether it does, among the
  // students this asker may see.
  return { type: 'ask_about_student', text: t };
}
