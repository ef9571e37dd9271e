// Finding which student a staff member means. Staff write names in kanji, hiragana, katakana
// (half-width too), or romaji in either order, often only a family or given name with an
// honorific. Matching is done against a list the caller has already limited to the students
// the asker may see, so a name can never resolve to a student outside their scope.
import { toHiragana, toKana, toRomaji } from 'wanakana';

export interface NamedStudent {
  id: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
}

/**
 * `uncertain`: a bare family or given name that may be part of another name (「かれんさん」 holds
 * れん, 「さいとうさん」 いとう, 「山田美咲さん」 美咲, 「ゆいとくん」 ゆい, "Hanako Tanaka"). It is
 * never taken as the student without asking (services/resolve-student.ts asks back).
 */
export type MatchStrength = 'full' | 'partial' | 'uncertain';

export interface NameMatch {
  studentId: string;
  strength: MatchStrength;
}

const HONORIFIC = '(?:さん|くん|君|ちゃん|氏|様)';
/** What may follow a bare family or given name: an honorific, a particle, punctuation, the end. */
const AFTER_NAME = new RegExp(`^(?:${HONORIFIC}|[のはがをにとへもや、。,.!?！？」』)\\s]|$)`);
const AFTER_NAME_STRICT = new RegExp(`^${HONORIFIC}`);
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/** NFKC folds half-width katakana and full-width letters; katakana becomes hiragana. */
export function normaliseJapanese(text: string): string {
  const folded = text.replace(ZERO_WIDTH, '').normalize('NFKC').replace(/\s+/g, '');
  return toHiragana(folded, { passRomaji: true });
}

/** Romaji spelled the many ways staff write it (Satou, Sato, Satoh, Yuuma, Yūma) compare equal. */
export function romajiKey(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/oh(?![aeiou])/g, 'o')
    .replace(/ou/g, 'o')
    .replace(/oo/g, 'o')
    .replace(/uu/g, 'u')
    .replace(/aa/g, 'a')
    .replace(/ii/g, 'i');
}

/** Capitalised Hepburn-style romaji of a kana reading, for English replies: すずき -> Suzuki. */
export function romanise(kana: string): string {
  const romaji = toRomaji(kana).replace(/ou/g, 'o').replace(/uu/g, 'u').replace(/oo/g, 'o');
  return romaji.charAt(0).toUpperCase() + romaji.slice(1);
}

/**
 * Names are normalised on every question, for every student in scope (thousands in a district
 * school), and wanakana is the costly part; the same names recur, so their forms are remembered.
 */
function remembered(fn: (name: string) => string): (name: string) => string {
  const known = new Map<string, string>();
  return (name) => {
    let value = known.get(name);
    if (value === undefined) {
      if (known.size >= 50_000) known.clear();
      value = fn(name);
      known.set(name, value);
    }
    return value;
  };
}

const nameForm = remembered(normaliseJapanese);
const romajiForm = remembered((kana) => romajiKey(toRomaji(kana)));

/** The message as names are looked for in it: normalised like `normaliseJapanese`, with where words start. */
interface NameText {
  text: string;
  /** Where white space stood (「きのう れんくん」), since the text has none. */
  breaks: ReadonlySet<number>;
  /** Kana that were written in katakana: a katakana ト is no particle. */
  katakana: ReadonlySet<number>;
}

const KATAKANA_RUN = /[\p{Script=Katakana}ー]+/gu;

function nameText(message: string): NameText {
  // Zero-width characters go before NFKC, which joins ﾍ and ﾞ into ベ only when nothing stands between.
  const words = message.replace(ZERO_WIDTH, '').normalize('NFKC').split(/\s+/).filter(Boolean);
  let text = '';
  const breaks = new Set<number>();
  const katakana = new Set<number>();
  for (const word of words) {
    if (text) breaks.add(text.length);
    // Only katakana runs go through wanakana, which costs about 0.1 ms a character: a
    // 10,000-character message took a second per call when all of it did.
    let done = 0;
    for (const run of word.matchAll(KATAKANA_RUN)) {
      text += word.slice(done, run.index);
      const kana = toHiragana(run[0], { passRomaji: true });
      for (let k = 0; k < kana.length; k++) katakana.add(text.length + k);
      text += kana;
      done = run.index + run[0].length;
    }
    text += word.slice(done);
  }
  return { text, breaks, katakana };
}

// Japanese has no spaces between words, so a bare name inside a longer run of letters may be part
// of another name: 「かれんさん」 (Karen) is not 蓮 (れん), 「花蓮さん」 not 蓮, 「山田美咲さん」 not
// 田中美咲, 「佐藤さくらさん」 not 渡辺さくら, 「まつもとゆいさん」 not 鈴木結衣 (property tests in
// test/property found each of these answered about the student). A name starts a word at the start,
// after white space or punctuation, after kana for a kanji name, and after a particle that follows
// a word of another kind (「今日はれんくん」, 「2-1のさとうさん」, 「クラスのゆいちゃん」). Anywhere
// else, even after a particle that follows kana (と ends やまもと, の ends なかの), the occurrence
// is only `uncertain`: asked back, never taken.
const KANJI_ENDING = /[\p{Script=Han}々〆ヶ]$/u;
const KANA_ENDING = /[\p{Script=Hiragana}ーゝゞ]$/u;
const PARTICLE = /^[はがにをへとのもやで]$/u;
const KANA_NAME = /^[\p{Script=Hiragana}]/u;
const KANJI_NAME = /^[\p{Script=Han}々]/u;
/**
 * A particle character followed by kana and an honorific may begin or end another name:
 * 「ゆいとくん」, 「れんやくん」, 「たなかはるとさん」 (not 田中 + は).
 */
const LONGER_NAME_AFTER = new RegExp(`^[のはがをにとへもや][\\p{Script=Hiragana}ー]{0,4}${HONORIFIC}`, 'u');

/** The kind of character that ends just before `end`. */
function kindBefore({ text, breaks, katakana }: NameText, end: number): 'start' | 'kanji' | 'hiragana' | 'katakana' | 'other' {
  if (end <= 0 || breaks.has(end)) return 'start';
  const c = text.slice(Math.max(0, end - 2), end);
  if (KANJI_ENDING.test(c)) return 'kanji';
  if (KANA_ENDING.test(c)) return katakana.has(end - 1) ? 'katakana' : 'hiragana';
  return 'other';
}

function continuesAWord(message: NameText, at: number, name: string): boolean {
  const before = kindBefore(message, at);
  if (KANJI_NAME.test(name)) return before === 'kanji';
  if (!KANA_NAME.test(name)) return false;
  if (before === 'kanji' || before === 'katakana') return true;
  if (before !== 'hiragana') return false;
  if (!PARTICLE.test(message.text[at - 1]!)) return true;
  return kindBefore(message, at - 1) === 'hiragana';
}

function occursAsName(message: NameText, name: string): 'partial' | 'uncertain' | undefined {
  const { text } = message;
  if (!name) return undefined;
  // A one-character name (蓮, 葵) is only a name when an honorific follows it.
  const after = name.length === 1 ? AFTER_NAME_STRICT : AFTER_NAME;
  let found: 'uncertain' | undefined;
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
    const rest = text.slice(i + name.length);
    if (!after.test(rest)) continue;
    if (continuesAWord(message, i, name) || LONGER_NAME_AFTER.test(rest)) found = 'uncertain';
    else return 'partial';
  }
  return found;
}

function matchJapanese(message: NameText, s: NamedStudent): MatchStrength | undefined {
  const family = nameForm(s.familyName);
  const given = nameForm(s.givenName);
  const familyKana = nameForm(s.familyNameKana);
  const givenKana = nameForm(s.givenNameKana);
  // In any script, kanji and kana mixed too: 「鈴木ゆい」, 「すずき結衣」. Both halves must be there:
  // kana are optional in students.csv, and an empty reading made `includes('')` true, so a student
  // imported without kana was named in full by every message (found by test/property).
  for (const f of [family, familyKana]) for (const g of [given, givenKana]) if (f && g && message.text.includes(f + g)) return 'full';
  return strongest([family, given, familyKana, givenKana].map((n) => occursAsName(message, n)));
}

const RANK: Record<MatchStrength, number> = { full: 3, partial: 2, uncertain: 1 };

function strongest(strengths: readonly (MatchStrength | undefined)[]): MatchStrength | undefined {
  let best: MatchStrength | undefined;
  for (const s of strengths) if (s && (!best || RANK[s] > RANK[best])) best = s;
  return best;
}

/** English words that are also romaji names (そう, まい, あい): never a name on their own. */
const ENGLISH_WORDS = new Set(['a', 'i', 'is', 'so', 'me', 'to', 'no', 'do', 'go', 'he', 'we', 'ai', 'mai', 'in', 'on', 'an', 'us', 'may', 'ran']);

interface RomajiWord {
  word: string;
  key: string;
  /** Only white space between this word and the next one. */
  joinsNext: boolean;
}

const LATIN_WORD = /[A-Za-z\u00C0-\u017F]+/g;
const SPACE_TO_NEXT_WORD = /\s+(?=[A-Za-z\u00C0-\u017F])/y;

function romajiWords(text: string): RomajiWord[] {
  // Zero-width characters are dropped here too, so 「Ta\u200Bnaka」 is one word, as in Japanese.
  const clean = text.replace(ZERO_WIDTH, '').normalize('NFKC');
  const words: RomajiWord[] = [];
  for (const m of clean.matchAll(LATIN_WORD)) {
    SPACE_TO_NEXT_WORD.lastIndex = m.index + m[0].length;
    words.push({ word: m[0], key: romajiKey(m[0]), joinsNext: SPACE_TO_NEXT_WORD.test(clean) });
  }
  return words;
}

/** Capitalised words that are romaji but no one's name: sentence starts, honorifics. */
const NOT_A_NAME = new Set([...ENGLISH_WORDS, 'are', 'were', 'can', 'came', 'come', 'make', 'take', 'note', 're', 'hi', 'be', 'see', 'use', 'one', 'some', 'more', 'here', 'san', 'kun', 'chan', 'sama', 'sensei', 'senpai']);

/** A capitalised word spelt in romaji (Hanako, MISAKI): maybe the other half of somebody's name. */
const looksLikeAName = remembered((word) => {
  const plain = word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (!/^[A-Z]/.test(plain) || NOT_A_NAME.has(plain.toLowerCase())) return '';
  return /^[\p{Script=Hiragana}ー]+$/u.test(toKana(plain.toLowerCase())) ? 'yes' : '';
});

/**
 * Romaji has no 「さん」 to mark where a name ends, so a family or given name standing next to
 * another capitalised romaji word may be half of someone else's name: "How is Hanako Tanaka?" is
 * not 田中悠人 (found by test/property). Such an occurrence is only `uncertain`.
 */
function romajiOccurrence(words: readonly RomajiWord[], key: string): 'partial' | 'uncertain' | undefined {
  let found: 'uncertain' | undefined;
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.key !== key) continue;
    const before = i > 0 && words[i - 1]!.joinsNext ? words[i - 1] : undefined;
    const after = words[i]!.joinsNext ? words[i + 1] : undefined;
    if ((before && looksLikeAName(before.word)) || (after && looksLikeAName(after.word))) found = 'uncertain';
    else return 'partial';
  }
  return found;
}

function matchRomaji(words: readonly RomajiWord[], s: NamedStudent): MatchStrength | undefined {
  const family = romajiForm(s.familyNameKana);
  const given = romajiForm(s.givenNameKana);
  const hasFamily = words.some((w) => w.key === family);
  const hasGiven = words.some((w) => w.key === given);
  if (hasFamily && hasGiven) return 'full';
  return strongest([family, given].filter((n) => n && !ENGLISH_WORDS.has(n)).map((n) => romajiOccurrence(words, n)));
}

/**
 * The students the text names. If any student is named in full, only full matches are returned
 * (a shared family name of others is dropped). Otherwise every partial and uncertain match is: an
 * uncertain one is a candidate to ask about, never dropped in favour of a guess.
 */
export function findMentionedStudents(text: string, students: readonly NamedStudent[]): NameMatch[] {
  const japanese = nameText(text);
  const words = romajiWords(text);
  const matches: NameMatch[] = [];
  for (const s of students) {
    const strength = strongest([matchJapanese(japanese, s), matchRomaji(words, s)]);
    if (strength) matches.push({ studentId: s.id, strength });
  }
  return matches.some((m) => m.strength === 'full') ? matches.filter((m) => m.strength === 'full') : matches;
}

/**
 * Whether the text seems to ask about somebody by name (〇〇さん, "how is X"), even if no
 * visible student matched. Used to answer "I can't share that" rather than "I don't understand".
 */
export function mentionsSomeoneByName(text: string): boolean {
  const t = text.normalize('NFKC');
  return (
    new RegExp(`[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]{1,8}${HONORIFIC}`, 'u').test(t) ||
    /\b(?:how(?:'s| is| are| has)|about)\s+(?!(?:you|it|he|she|they|we|this|that|things|everyone|everybody|the|a|my|our|your)\b)[a-z]{2,}/i.test(t)
  );
}
