// Finding which student a staff member means. Staff write names in kanji, hiragana, katakana
// (half-width too), or romaji in either order, often only a family or given name with an
// honorific. Matching is done against a list the caller has already limited to the students
// the asker may see, so a name can never resolve to a student outside their scope.
import { toHiragana, toRomaji } from 'wanakana';

export interface NamedStudent {
  id: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
}

export type MatchStrength = 'full' | 'partial';

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
  const folded = text.normalize('NFKC').replace(ZERO_WIDTH, '').replace(/\s+/g, '');
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

function occursAsName(text: string, name: string): boolean {
  if (!name) return false;
  // A one-character name (蓮, 葵) is only a name when an honorific follows it.
  const after = name.length === 1 ? AFTER_NAME_STRICT : AFTER_NAME;
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
    if (after.test(text.slice(i + name.length))) return true;
  }
  return false;
}

function matchJapanese(text: string, s: NamedStudent): MatchStrength | undefined {
  const family = nameForm(s.familyName);
  const given = nameForm(s.givenName);
  const familyKana = nameForm(s.familyNameKana);
  const givenKana = nameForm(s.givenNameKana);
  if (text.includes(family + given) || text.includes(familyKana + givenKana)) return 'full';
  if ([family, given, familyKana, givenKana].some((n) => occursAsName(text, n))) return 'partial';
  return undefined;
}

/** English words that are also romaji names (そう, まい, あい): never a name on their own. */
const ENGLISH_WORDS = new Set(['a', 'i', 'is', 'so', 'me', 'to', 'no', 'do', 'go', 'he', 'we', 'ai', 'mai', 'in', 'on', 'an', 'us', 'may', 'ran']);

function matchRomaji(words: readonly string[], s: NamedStudent): MatchStrength | undefined {
  const family = romajiForm(s.familyNameKana);
  const given = romajiForm(s.givenNameKana);
  const hasFamily = words.includes(family);
  const hasGiven = words.includes(given);
  if (hasFamily && hasGiven) return 'full';
  if ((hasFamily && !ENGLISH_WORDS.has(family)) || (hasGiven && !ENGLISH_WORDS.has(given))) return 'partial';
  return undefined;
}

/**
 * The students the text names. Only the strongest kind of match is returned: if any student is
 * named in full, partial matches of others (a shared family name) are dropped.
 */
export function findMentionedStudents(text: string, students: readonly NamedStudent[]): NameMatch[] {
  const japanese = normaliseJapanese(text);
  const words = (text.normalize('NFKC').match(/[A-Za-z\u00C0-\u017F]+/g) ?? []).map(romajiKey);
  const matches: NameMatch[] = [];
  for (const s of students) {
    const strengths = [matchJapanese(japanese, s), matchRomaji(words, s)];
    const strength = strengths.includes('full') ? 'full' : strengths.includes('partial') ? 'partial' : undefined;
    if (strength) matches.push({ studentId: s.id, strength });
  }
  const best = matches.some((m) => m.strength === 'full') ? 'full' : 'partial';
  return matches.filter((m) => m.strength === best);
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
