// Text helpers shared by the offline parsers. Every parser works on the prepared form: NFKC
// (full-width letters, digits and ？！： fold to ASCII; half-width katakana to full-width), zero-width
// characters removed, runs of white space collapsed.

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

export function prepare(text: string): string {
  // Zero-width characters go first: NFKC joins half-width ﾍ and ﾞ into ベ only when nothing stands
  // between them (「ﾜﾀﾅﾍ\u200Bﾞ」 kept a loose ﾞ and matched nobody; found by test/property).
  return text.replace(ZERO_WIDTH, '').normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** Kana only occur in Japanese; a message with kana is read with the Japanese rules. */
export function isJapanese(text: string): boolean {
  return /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(text);
}

/** 「」『』“” "" and, around whole words only, '' (so the apostrophe of "Ren's" opens nothing). */
const QUOTED = /「[^」]*」|『[^』]*』|“[^”]*”|‘[^’]*’|"[^"]*"|(?<![A-Za-z])'[^'\n]+'(?![A-Za-z])/g;

/** What was quoted: the student's or a parent's words, or search terms. */
export function quotedParts(text: string): string[] {
  return [...text.matchAll(QUOTED)].map((m) => m[0].slice(1, -1).trim()).filter(Boolean);
}

/**
 * The text with quoted speech blanked out: 「なんで来なきゃいけないの？」と言った is a statement,
 * whatever punctuation the student's own words carry.
 */
export function withoutQuotes(text: string): string {
  return text.replace(QUOTED, '「」');
}

/** Sentences, split on Japanese and Latin sentence ends (the end mark stays with its sentence). */
export function sentences(text: string): string[] {
  return (text.match(/[^。.!?\n]+[。.!?\n]*/g) ?? []).map((s) => s.trim()).filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** The last sentence, without its end marks, trailing emoji or 「…」. */
export function lastSentence(text: string): string {
  const all = sentences(text);
  return (all[all.length - 1] ?? '').replace(/[\s。.!?…、,~〜ー-]+$/u, '').replace(/[\p{Extended_Pictographic}\s]+$/u, '');
}

export { anyOf } from '../../domain/patterns.ts';

/** A Japanese name followed by an honorific: 鈴木さん, ゆいちゃん, レンくん. */
export const NAME_WITH_HONORIFIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{1,8}?(?:さん|くん|君|ちゃん)/u;
