// The offline engine's understanding: rules and vocabulary, no network, nothing leaves the school.
import type { Intent } from '../intent.ts';

const HELP = /^(?:help|\?|ヘルプ|使い方|つかいかた|何ができ|なにができ|できること|what can you do)/i;
const CHOICE = /^\s*(?:#?\d{1,2}|[A-Za-z]{1,2}\d{2,6})\s*$/;

/** "Who needs attention?": about a group, so it names no student. */
const ATTENTION = new RegExp(
  [
    '(?:気になる|注意が必要な|要注意の?|心配な|見ておくべき|リスクのある|危ない|フォローが必要な)(?:生徒|子)',
    '誰が(?:気になる|心配|危ない)',
    '(?:which|what) students',
    'who (?:needs|should i|should we)',
    'students? (?:at risk|who need|needing attention)',
    'attention list',
    '要注意リスト',
  ].join('|'),
  'i',
);

/** "What could we try for X?" */
const SUGGEST = new RegExp(
  [
    '支援',
    '手立て',
    '対応策',
    'どう対応',
    '次の一手',
    'どうすれば',
    'どう関わ',
    '(?:何|なに)が(?:できる|できそう)',
    'アドバイス',
    '提案',
    'what (?:support|could we try|can we try|should we try|can we do|could we do|should we do)',
    'suggest',
    'support (?:for|ideas)',
    'ideas? for',
    'next step',
    'how (?:can|could|should) (?:we|i) help',
  ].join('|'),
  'i',
);

export function understandOffline(text: string, options: { awaitingChoice: boolean }): Intent {
  const t = text.normalize('NFKC').trim();
  if (!t) return { type: 'unknown' };
  if (options.awaitingChoice && CHOICE.test(t)) return { type: 'choose_student', choice: t.replace(/^#/, '') };
  if (HELP.test(t) || /\bhelp\b/i.test(t) && !SUGGEST.test(t)) return { type: 'help' };
  if (ATTENTION.test(t)) return { type: 'list_attention' };
  if (SUGGEST.test(t)) return { type: 'suggest_support', text: t };
  // Anything else may name a student; the services decide whether it does, among the
  // students this asker may see.
  return { type: 'ask_about_student', text: t };
}
