// The sample school's students (../shared/sample-school/students.csv) and generators of the ways
// staff write their names, for the understanding properties.
import fc from 'fast-check';
import { romanise, type NamedStudent } from '../../src/domain/names.ts';
import { toFullWidth, toHalfWidthKatakana, toKatakana } from './fast-check.ts';
import { sampleStudents } from '../helpers/sample-school.ts';

export interface SampleStudent extends NamedStudent {
  classId: string;
  /** As replies show the name: 「田中 美咲」. */
  display: string;
}

export const STUDENTS: SampleStudent[] = sampleStudents().map((s) => ({ ...s, display: `${s.familyName} ${s.givenName}` }));

export const byId = (id: string) => STUDENTS.find((s) => s.id === id)!;

/** Two students share each of these family names (the ambiguity SECURITY.md checklist 16 names). */
export const SHARED_FAMILIES = [
  { kanji: '田中', kana: 'たなか', ids: ['S004', 'S011'] },
  { kanji: '佐藤', kana: 'さとう', ids: ['S001', 'S012'] },
] as const;

/** Every character of every name, so generated text can avoid writing a name by accident. */
export const NAME_CHARACTERS = new Set(STUDENTS.flatMap((s) => [...s.familyName, ...s.givenName, ...s.familyNameKana, ...s.givenNameKana]));

const separator = fc.constantFrom('', ' ', '\u3000', '  ');

/** A student's full name as staff type it: kanji, hiragana, katakana, half-width katakana, romaji. */
export function fullNameOf(s: SampleStudent): fc.Arbitrary<string> {
  const romajiFamily = romanise(s.familyNameKana);
  const romajiGiven = romanise(s.givenNameKana);
  return fc.oneof(
    separator.map((sep) => `${s.familyName}${sep}${s.givenName}`),
    separator.map((sep) => `${s.familyNameKana}${sep}${s.givenNameKana}`),
    separator.map((sep) => toKatakana(`${s.familyNameKana}${sep}${s.givenNameKana}`)),
    separator.map((sep) => toHalfWidthKatakana(toKatakana(`${s.familyNameKana}${sep}${s.givenNameKana}`))),
    fc.constantFrom(`${romajiFamily} ${romajiGiven}`, `${romajiGiven} ${romajiFamily}`, `${romajiGiven.toLowerCase()} ${romajiFamily.toUpperCase()}`),
    fc.constantFrom(toFullWidth(`${romajiFamily} ${romajiGiven}`), toFullWidth(`${romajiGiven} ${romajiFamily}`)),
  );
}

/** A bare family name in any script, for the shared-family ambiguity. */
export function familyNameOf(family: (typeof SHARED_FAMILIES)[number]): fc.Arbitrary<{ name: string; latin: boolean }> {
  const romaji = romanise(family.kana);
  return fc.oneof(
    fc.constantFrom(family.kanji, family.kana, toKatakana(family.kana), toHalfWidthKatakana(toKatakana(family.kana))).map((name) => ({ name, latin: false })),
    fc.constantFrom(romaji, romaji.toUpperCase(), toFullWidth(romaji), ...(family.kana === 'さとう' ? ['Satou', 'Satoh'] : [])).map((name) => ({ name, latin: true })),
  );
}

/**
 * Text around a name that names nobody: the words of asking and telling, and noise (emoji,
 * hangul, digits, punctuation, white space). Japanese before a name ends at a word boundary.
 */
export const JA_BEFORE = ['', '今日、', 'あの、', '2-1の', '先週から、', '確認ですが、', '「', '（', '😀', '안녕하세요 ', 'Re: ', '今日は', 'あと、', '先生に'];
export const JA_AFTER = ['', 'さんの様子は？', 'くんはどう？', 'さんの出席を教えて', 'さん、最近どう？', 'の欠席日数は', 'さんが今日は保健室に来た。', 'ちゃん最近元気？', '」', '）', '😀👍🏻', ' 잘 지내요?'];
export const EN_BEFORE = ['', 'How is ', 'Please tell me about ', 'Any news on ', 'Re: ', '😀 '];
export const EN_AFTER = ['', ' doing?', "'s attendance please", ' was absent today.', ' 😀', '?'];

/** Noise that can never spell a name: no letters of any kind. */
export const noise = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...'0123456789０１２３!?！？。、,.()（）「」-~〜…・ \u3000\n\t'.split('')),
    fc.constantFrom('😀', '👍🏻', '🙇‍♀️', '👨‍👩‍👧', '🏫', '❤️'),
    fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c)),
  ),
  maxLength: 30,
});

/** A message up to 10,000 characters long: the context repeated around the name. */
export const padding = fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1000, max: 10_000 }) });

export function padTo(text: string, filler: string, length: number): string {
  if (length <= text.length || !filler) return text;
  return filler.repeat(Math.ceil((length - text.length) / filler.length)).slice(0, length - text.length) + text;
}
