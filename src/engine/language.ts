import type { Language } from '../domain/school.ts';

/**
 * The reply follows the language of the message. Kana only occur in Japanese; a message in
 * Latin letters with a kanji name inside ("How is 鈴木?") is English. A message with neither
 * (a number answering an ask-back) is undecided: the caller uses the asker's preference.
 */
export function detectLanguage(text: string): Language | undefined {
  const t = text.normalize('NFKC');
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(t)) return 'ja';
  if (/[A-Za-z]{2,}/.test(t)) return 'en';
  if (/\p{Script=Han}/u.test(t)) return 'ja';
  return undefined;
}
