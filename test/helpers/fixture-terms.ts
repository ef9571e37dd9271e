// The sample school's personal data as search terms, for tests proving it never leaves where it
// should not (logs, LLM requests): every student's number, names and readings (kanji, kana,
// romaji), and every staff member's names (romaji: the local part of their e-mail address).
import { readFileSync } from 'node:fs';
import { toRomaji } from 'wanakana';
import { SAMPLE_SCHOOL_DIR, sampleStudents } from './sample-school.ts';

export interface FixtureTerms {
  /** Found anywhere in a text: numbers, kanji and kana names. */
  exact: string[];
  /** Found as whole words, case-insensitive: romaji readings. */
  words: string[];
}

function rows(file: string): string[][] {
  return readFileSync(`${SAMPLE_SCHOOL_DIR}/${file}`, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
}

let cached: FixtureTerms | undefined;

export function fixtureTerms(): FixtureTerms {
  if (cached) return cached;
  const exact = new Set<string>();
  const words = new Set<string>();
  for (const s of sampleStudents()) {
    for (const term of [s.id, s.familyName, s.givenName, `${s.familyName}${s.givenName}`, s.familyNameKana, s.givenNameKana]) exact.add(term);
    for (const kana of [s.familyNameKana, s.givenNameKana]) words.add(toRomaji(kana));
  }
  for (const [, family, given, , , , , email] of rows('staff.csv')) {
    for (const term of [family!, given!, `${family}${given}`]) exact.add(term);
    words.add(email!.split('@')[0]!);
  }
  cached = { exact: [...exact], words: [...words] };
  return cached;
}

/** Each fixture term found in each text, as "term in text". */
export function fixtureTermsIn(texts: readonly string[]): string[] {
  const { exact, words } = fixtureTerms();
  const patterns = words.map((word) => [word, new RegExp(`\\b${word}\\b`, 'i')] as const);
  const found: string[] = [];
  for (const text of texts) {
    for (const term of exact) if (text.includes(term)) found.push(`${term} in ${text.slice(0, 300)}`);
    for (const [word, pattern] of patterns) if (pattern.test(text)) found.push(`${word} in ${text.slice(0, 300)}`);
  }
  return found;
}
