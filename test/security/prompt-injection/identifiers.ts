// Finding a student's identifiers (name in kanji, hiragana, katakana, romaji; student number) in
// any text, however it is disguised: full-width or half-width forms, zero-width characters,
// spaces or separators between the characters (中 村 葵, S-0-0-8, A-O-I N-A-K-A-M-U-R-A),
// romaji with long vowels or macrons. Deliberately stricter than the product's own matching, so
// a leak the product misses is still caught here.
import { toHiragana, toRomaji } from 'wanakana';
import { romajiKey } from '../../../src/domain/names.ts';

export interface RosterStudent {
  id: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  classId: string;
}

export interface Hit {
  studentId: string;
  /** Which form was found, e.g. "kanji full", "romaji family", "number". */
  form: string;
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** What may be put between the characters of a name to hide it. */
const SEPARATORS = /[\s・·･\-‐‑–—_.,、，。*|/\\]+/g;
const HONORIFIC = /^(?:さん|くん|君|ちゃん|様|氏|先生|サン|クン|チャン)/;

/** NFKC (full-width and half-width forms folded), no zero-width characters. */
export function fold(text: string): string {
  return text.normalize('NFKC').replace(ZERO_WIDTH, '');
}

/** Folded, separators removed, katakana as hiragana: 「ﾅｶﾑﾗ・ｱｵｲ」 and 「中 村 葵」 become なかむらあおい / 中村葵. */
function joined(text: string): string {
  return katakanaToHiragana(fold(text).replace(SEPARATORS, ''));
}

/** ァ..ヶ to ぁ..ゖ (wanakana's toHiragana is far too slow for whole request bodies). */
function katakanaToHiragana(text: string): string {
  return text.replace(/[\u30A1-\u30F6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}


/** Latin words of the text, with spelled-out letters (A-O-I, A.O.I, A O I) joined into one word. */
function latinWords(text: string): string[] {
  const t = fold(text).replace(/\b[A-Za-z](?:[\s\-.·_]+[A-Za-z]\b)+/g, (run) => run.replace(/[^A-Za-z]/g, ''));
  return (t.match(/[A-Za-z\u00C0-\u024F]+/g) ?? []).map(romajiKey).filter(Boolean);
}

interface Forms {
  id: string;
  /** Surfaces searched in the joined text (kanji, hiragana). */
  surfaces: { surface: string; form: string; needsHonorific: boolean }[];
  romaji: { key: string; form: string }[];
}

function formsOf(s: RosterStudent, options: { skipFamily: boolean }): Forms {
  const hira = (kana: string) => toHiragana(fold(kana));
  const surfaces: Forms['surfaces'] = [];
  const add = (surface: string, form: string) => {
    const normal = joined(surface);
    if (!normal) return;
    // One character (葵, 湊) or two kana (ゆい, れん) occur inside ordinary words: only as a name with an honorific.
    const needsHonorific = [...normal].length === 1 || ([...normal].length === 2 && /^[\p{Script=Hiragana}]+$/u.test(normal));
    surfaces.push({ surface: normal, form, needsHonorific });
  };
  add(s.familyName + s.givenName, 'kanji full');
  add(hira(s.familyNameKana) + hira(s.givenNameKana), 'kana full');
  add(s.givenName, 'kanji given');
  add(hira(s.givenNameKana), 'kana given');
  if (!options.skipFamily) {
    add(s.familyName, 'kanji family');
    add(hira(s.familyNameKana), 'kana family');
  }
  const romaji: Forms['romaji'] = [{ key: romajiKey(toRomaji(hira(s.givenNameKana))), form: 'romaji given' }];
  if (!options.skipFamily) romaji.push({ key: romajiKey(toRomaji(hira(s.familyNameKana))), form: 'romaji family' });
  // Written as one word: nakamuraaoi, aoinakamura.
  const f = romajiKey(toRomaji(hira(s.familyNameKana)));
  const g = romajiKey(toRomaji(hira(s.givenNameKana)));
  romaji.push({ key: f + g, form: 'romaji full' }, { key: g + f, form: 'romaji full' });
  return { id: s.id, surfaces, romaji };
}

export interface IdentifierFinder {
  /** Every identifier of the watched students in `text`. */
  find(text: string): Hit[];
}

/**
 * A finder for `watched` students. A family name also borne by one of `allowed` (the student
 * asked about: 田中 of 田中美咲 is also 田中悠人's) is only looked for as part of a full name.
 */
export function identifierFinder(watched: readonly RosterStudent[], allowed: readonly RosterStudent[] = []): IdentifierFinder {
  const allowedFamilies = new Set(allowed.map((s) => s.familyName));
  const forms = watched.map((s) => formsOf(s, { skipFamily: allowedFamilies.has(s.familyName) }));
  return {
    find(text) {
      const hits: Hit[] = [];
      const j = joined(text);
      const words = latinWords(text);
      const compact = fold(text).replace(SEPARATORS, '').toUpperCase();
      for (const f of forms) {
        if (new RegExp(`(?<![A-Z0-9])${f.id}(?![0-9])`).test(compact)) hits.push({ studentId: f.id, form: 'number' });
        for (const { surface, form, needsHonorific } of f.surfaces) {
          for (let i = j.indexOf(surface); i !== -1; i = j.indexOf(surface, i + 1)) {
            if (!needsHonorific || HONORIFIC.test(j.slice(i + surface.length))) {
              hits.push({ studentId: f.id, form });
              break;
            }
          }
        }
        for (const { key, form } of f.romaji) if (key.length > 1 && words.includes(key)) hits.push({ studentId: f.id, form });
      }
      return hits;
    },
  };
}

export function describeHits(hits: readonly Hit[]): string {
  return [...new Set(hits.map((h) => `${h.studentId} ${h.form}`))].join(', ');
}
