// Names never leave the process (SECURITY.md, "Minimise what leaves the school"). A Pseudonymiser
// is built per turn from the people the asker may see; everything sent to the model goes through
// `pseudonymise`, which swaps student and staff names (kanji, hiragana, katakana, romaji) and ids
// (S002, T01) for placeholders such as 〔生徒1〕 / [STUDENT_1], and `restore` puts names back
// in what comes back. Placeholders are numbered in order of first appearance in the turn, never
// by student number, so the numbering itself reveals nothing.
import { toHiragana, toKatakana, toRomaji } from 'wanakana';
import { romajiKey, romanise } from '../../domain/names.ts';
import type { Language } from '../../domain/school.ts';

export interface PersonName {
  /** Student number (S002) or staff id (T01); replaced wherever it appears. */
  id: string;
  familyName: string;
  givenName: string;
  familyNameKana?: string;
  givenNameKana?: string;
  /**
   * Other spellings to hide, by part: staff have no readings in the school's export, so their
   * romaji (e.g. the local part of yamada@school.ed.jp) can be given here.
   */
  aliases?: Partial<Record<Part, readonly string[]>>;
}

export interface NameDirectory {
  students: readonly PersonName[];
  staff: readonly PersonName[];
}

type Kind = 'student' | 'staff';
type Part = 'full' | 'family' | 'given';

interface Person {
  kind: Kind;
  name: PersonName;
  /** Placeholder number, given on first appearance. */
  n?: number;
}

interface Owner {
  person: Person;
  part: Part;
}

/** A name that several people share (two students called 田中): one placeholder for the name. */
interface Shared {
  key: string;
  owners: Owner[];
  n?: number;
}

type Target = { kind: 'person'; owner: Owner } | { kind: 'shared'; shared: Shared };

interface Span {
  start: number;
  end: number;
  target: Target;
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
const LATIN_NAME = /^[A-Za-z\u00C0-\u024F' -]+$/;
const KANA_ONLY = /^[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u;
/** A one-character name (蓮, 森) or a short kana one (れん, ゆい) is only a name in this context. */
const AFTER_SHORT_NAME = /^(?:さん|くん|君|ちゃん|サン|クン|チャン|氏|様|殿|先生|先輩|[のはがをにとへもやで、。,.!?！？」』）)\s]|$)/u;
/** Romaji that are also English words: a name only with an honorific ("Mai-san"). */
const ENGLISH_WORDS = new Set(['a', 'i', 'is', 'so', 'me', 'to', 'no', 'do', 'go', 'he', 'we', 'ai', 'mai', 'in', 'on', 'an', 'us', 'may', 'ran', 'at', 'be', 'ma', 'mo', 'ne', 'ni', 'o', 'u', 'e']);
const AFTER_ROMAJI_HONORIFIC = /^[-\s]?(?:san|kun|chan|sama|sensei)\b/i;
/** A student number or staff id, also spaced or hyphenated to slip past matching (S 0 0 8, S-008). */
const ID = /(?<![A-Za-z0-9])[A-Za-z]{1,3}(?:[ \t\-.·_]?\d){2,8}(?![A-Za-z0-9])/g;
const WORD = /[A-Za-z\u00C0-\u024F]+/g;
/** A name spelled out letter by letter: A-O-I, A.O.I, A O I N-A-K-A-M-U-R-A. */
const SPELLED = /(?<![A-Za-z0-9])[A-Za-z](?:[ \t\-.·_・]+[A-Za-z](?![A-Za-z0-9]))+/g;
/** What may be put between the characters of a name to hide it (中 村 葵, な・か・む・ら). */
const INSIDE_NAME = /^[ \t\u3000・･·\-‐_]$/;
/** What may sit between a family and a given name written as one: a space, a middle dot. */
const NAME_GAP = /^[ ・·]?$/;

const JA_LABEL: Record<Kind, string> = { student: '生徒', staff: '職員' };
const EN_LABEL: Record<Kind, string> = { student: 'STUDENT', staff: 'STAFF' };
const JA_PART: Record<Part, string> = { full: '', family: '・姓', given: '・名' };
const EN_PART: Record<Part, string> = { full: '', family: '_FAMILY', given: '_GIVEN' };

/** Matches placeholders in either style, also when a model swaps the brackets. */
const JA_PLACEHOLDER = /[〔【[［]\s*(生徒|職員|氏名)\s*(\d+)\s*(?:[・･]\s*(姓|名))?\s*[〕】\]］]/g;
const EN_PLACEHOLDER = /[[［]?\b(STUDENT|STAFF|NAME)_(\d+)(?:_(FAMILY|GIVEN))?\b[\]］]?/g;

/**
 * Text as it is matched and sent: half-width katakana and full-width letters and digits folded
 * (NFKC, for those only, so the message's own punctuation such as ？ and （） is kept), ideographic
 * spaces as spaces, no zero-width characters.
 */
export function normaliseOutgoing(text: string): string {
  return text
    .replace(ZERO_WIDTH, '')
    .replace(/[\uFF61-\uFF9F]+|[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (run) => run.normalize('NFKC'))
    .replace(/\u3000/g, ' ');
}

const cache = new Map<string, string>();
function memo(kind: string, value: string, fn: (v: string) => string): string {
  const key = `${kind}\u0000${value}`;
  let result = cache.get(key);
  if (result === undefined) {
    if (cache.size > 50_000) cache.clear();
    result = fn(value);
    cache.set(key, result);
  }
  return result;
}
const hiragana = (kana: string) => memo('h', kana, (v) => toHiragana(normaliseOutgoing(v)));
const katakana = (kana: string) => memo('k', kana, (v) => toKatakana(normaliseOutgoing(v)));
const romajiOf = (kana: string) => memo('r', kana, (v) => romajiKey(toRomaji(hiragana(v))));

class Trie {
  private readonly root = new Map<string, TrieNode>();
  add(surface: string, owner: Owner): void {
    let level = this.root;
    let node: TrieNode | undefined;
    for (const ch of surface) {
      node = level.get(ch);
      if (!node) level.set(ch, (node = { next: new Map(), owners: [] }));
      level = node.next;
    }
    if (node && !node.owners.some((o) => o.person === owner.person && o.part === owner.part)) node.owners.push(owner);
  }
  /**
   * The longest name starting at `start` whose context allows it. A space or separator between
   * two characters of a name (中 村 葵) does not hide it.
   */
  longest(text: string, start: number): { end: number; owners: Owner[] } | undefined {
    let level = this.root;
    let best: { end: number; owners: Owner[] } | undefined;
    let surface = '';
    let i = start;
    while (i < text.length) {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      const node = level.get(ch);
      if (!node) {
        if (i > start && INSIDE_NAME.test(ch)) {
          i += ch.length;
          continue;
        }
        break;
      }
      i += ch.length;
      surface += ch;
      if (node.owners.length > 0) {
        if (!isShort(surface) || AFTER_SHORT_NAME.test(text.slice(i, i + 3))) best = { end: i, owners: node.owners };
      }
      level = node.next;
    }
    return best;
  }
}
interface TrieNode {
  next: Map<string, TrieNode>;
  owners: Owner[];
}

function isShort(surface: string): boolean {
  const length = [...surface].length;
  return length === 1 || (length <= 3 && KANA_ONLY.test(surface));
}

export interface PseudonymiserOptions {
  /** Placeholder style: 〔生徒1〕 for Japanese, [STUDENT_1] for English. */
  style?: Language;
}

export interface Pseudonymiser {
  /** The text as it may leave the process: names and ids replaced by placeholders. */
  pseudonymise(text: string): string;
  /** Names back in place of placeholders, in the reply's language; unknown placeholders are left as they are. */
  restore(text: string, language: Language): string;
  /** Placeholders in `text` that this turn never sent (a model inventing or guessing people). */
  unknownPlaceholders(text: string): string[];
  /** The placeholders this turn has sent so far, in their canonical spelling. */
  sent(): ReadonlySet<string>;
  /**
   * The students `text` names, one entry per mention: a placeholder this turn sent, or a name or
   * student number written out. A name several students share lists them all; a name a staff
   * member shares, and staff, are left out. Unknown placeholders are not mentions (see
   * `unknownPlaceholders`).
   */
  studentsNamed(text: string): string[][];
}

export function createPseudonymiser(directory: NameDirectory, options: PseudonymiserOptions = {}): Pseudonymiser {
  const style = options.style ?? 'ja';
  const trie = new Trie();
  const romaji = new Map<string, Owner[]>();
  const ids = new Map<string, Owner>();
  const counters: Record<Kind | 'shared', number> = { student: 0, staff: 0, shared: 0 };
  const shared = new Map<string, Shared>();
  const byToken = new Map<string, Target>();
  const sentTokens = new Set<string>();

  const addRomaji = (key: string, owner: Owner) => {
    if (!key) return;
    const owners = romaji.get(key) ?? [];
    if (!owners.some((o) => o.person === owner.person && o.part === owner.part)) owners.push(owner);
    romaji.set(key, owners);
  };
  const addSurface = (surface: string, owner: Owner) => {
    const s = normaliseOutgoing(surface).trim();
    if (!s) return;
    if (LATIN_NAME.test(s)) addRomaji(romajiKey(s), owner);
    else trie.add(s, owner);
  };

  const people = [
    ...directory.students.map((name): Person => ({ kind: 'student', name })),
    ...directory.staff.map((name): Person => ({ kind: 'staff', name })),
  ];
  for (const person of people) {
    const { familyName, givenName, familyNameKana, givenNameKana, id } = person.name;
    const full: Owner = { person, part: 'full' };
    const family: Owner = { person, part: 'family' };
    const given: Owner = { person, part: 'given' };
    ids.set(normaliseOutgoing(id).toUpperCase(), full);
    for (const gap of ['', ' ', '・']) addSurface(`${familyName}${gap}${givenName}`, full);
    addSurface(familyName, family);
    addSurface(givenName, given);
    const kanaForms = (kana: string) => [hiragana(kana), katakana(kana)];
    if (familyNameKana && givenNameKana) {
      for (const gap of ['', ' ', '・']) {
        addSurface(`${hiragana(familyNameKana)}${gap}${hiragana(givenNameKana)}`, full);
        addSurface(`${katakana(familyNameKana)}${gap}${katakana(givenNameKana)}`, full);
      }
      addRomaji(romajiOf(familyNameKana) + romajiOf(givenNameKana), full);
      addRomaji(romajiOf(givenNameKana) + romajiOf(familyNameKana), full);
    }
    if (familyNameKana) {
      for (const form of kanaForms(familyNameKana)) addSurface(form, family);
      addRomaji(romajiOf(familyNameKana), family);
    }
    if (givenNameKana) {
      for (const form of kanaForms(givenNameKana)) addSurface(form, given);
      addRomaji(romajiOf(givenNameKana), given);
    }
    const owners: Record<Part, Owner> = { full, family, given };
    for (const [part, spellings] of Object.entries(person.name.aliases ?? {}) as [Part, readonly string[]][]) {
      for (const spelling of spellings) addSurface(spelling, owners[part]);
    }
  }

  function targetOf(owners: Owner[]): Target {
    const persons = new Set(owners.map((o) => o.person));
    if (persons.size === 1) {
      // One person, several parts (a given name spelt like the family name): the broadest part.
      const owner = owners.find((o) => o.part === 'full') ?? owners.find((o) => o.part === 'family') ?? owners[0]!;
      return { kind: 'person', owner };
    }
    const key = owners
      .map((o) => `${o.person.kind}:${o.person.name.id}:${o.part}`)
      .sort()
      .join('|');
    let group = shared.get(key);
    if (!group) shared.set(key, (group = { key, owners }));
    return { kind: 'shared', shared: group };
  }

  function tokenOf(target: Target, format: Language = style): string {
    if (target.kind === 'shared') {
      target.shared.n ??= ++counters.shared;
      return format === 'ja' ? `〔氏名${target.shared.n}〕` : `[NAME_${target.shared.n}]`;
    }
    const { person, part } = target.owner;
    person.n ??= ++counters[person.kind];
    return format === 'ja' ? `〔${JA_LABEL[person.kind]}${person.n}${JA_PART[part]}〕` : `[${EN_LABEL[person.kind]}_${person.n}${EN_PART[part]}]`;
  }

  function spansOf(text: string): Span[] {
    const spans: Span[] = [];
    const taken = new Array<boolean>(text.length).fill(false);
    const claim = (start: number, end: number, target: Target) => {
      for (let i = start; i < end; i++) if (taken[i]) return;
      for (let i = start; i < end; i++) taken[i] = true;
      spans.push({ start, end, target });
    };
    for (const m of text.matchAll(ID)) {
      // The longest known id the match starts with, never cutting a number ("S004 10月" is S004).
      for (let end = m[0].length; end > 0; end--) {
        if (!/\d/.test(m[0][end - 1]!) || /\d/.test(m[0][end] ?? '')) continue;
        const owner = ids.get(m[0].slice(0, end).replace(/[^A-Za-z0-9]/g, '').toUpperCase());
        if (owner) {
          claim(m.index, m.index + end, { kind: 'person', owner });
          break;
        }
      }
    }
    for (const m of text.matchAll(SPELLED)) {
      // The whole run (A-O-I N-A-K-A-M-U-R-A is one name), else each spaced group of it.
      const groups = [{ at: m.index, word: m[0] }, ...[...m[0].matchAll(/[^ \t]+/g)].map((g) => ({ at: m.index + g.index, word: g[0] }))];
      for (const { at, word } of groups) {
        const key = romajiKey(word);
        const owners = romaji.get(key);
        if (owners && key.length > 2 && !ENGLISH_WORDS.has(key)) claim(at, at + word.length, targetOf(owners));
      }
    }
    for (const m of text.matchAll(WORD)) {
      const key = romajiKey(m[0]);
      const owners = romaji.get(key);
      if (!owners) continue;
      const end = m.index + m[0].length;
      if (ENGLISH_WORDS.has(key) && !AFTER_ROMAJI_HONORIFIC.test(text.slice(end, end + 8))) continue;
      claim(m.index, end, targetOf(owners));
    }
    for (let i = 0; i < text.length; ) {
      if (taken[i]) {
        i++;
        continue;
      }
      const found = trie.longest(text, i);
      if (found) {
        claim(i, found.end, targetOf(found.owners));
        i = found.end;
      } else i++;
    }
    spans.sort((a, b) => a.start - b.start);
    return mergeFullNames(text, spans);
  }

  /**
   * "Misaki Tanaka", "田中 美咲", "田中みさき" written in two pieces: one placeholder for the person,
   * also when one piece alone is shared ("Tanaka" with two Tanakas in scope).
   */
  function mergeFullNames(text: string, spans: Span[]): Span[] {
    const parts = (t: Target): Owner[] => (t.kind === 'person' ? [t.owner] : t.shared.owners).filter((o) => o.part !== 'full');
    const merged: Span[] = [];
    for (const span of spans) {
      const last = merged.at(-1);
      const people =
        last && NAME_GAP.test(text.slice(last.end, span.start))
          ? parts(last.target).flatMap((a) => parts(span.target).filter((b) => b.person === a.person && b.part !== a.part).map((b) => b.person))
          : [];
      const person = new Set(people).size === 1 ? people[0]! : undefined;
      if (last && person) merged[merged.length - 1] = { start: last.start, end: span.end, target: { kind: 'person', owner: { person, part: 'full' } } };
      else merged.push(span);
    }
    return merged;
  }

  function canonical(target: Target): string {
    return tokenOf(target, 'ja');
  }

  function nameOf(target: Target, language: Language): string {
    const partOf = (name: PersonName, part: Exclude<Part, 'full'>) => {
      const kanji = part === 'family' ? name.familyName : name.givenName;
      const kana = part === 'family' ? name.familyNameKana : name.givenNameKana;
      return language === 'en' && kana ? romanise(hiragana(kana)) : kanji;
    };
    if (target.kind === 'shared') {
      const { owners } = target.shared;
      const part = owners[0]!.part === 'full' ? 'family' : owners[0]!.part;
      const forms = new Set(owners.map((o) => partOf(o.person.name, o.part === 'full' ? 'family' : o.part)));
      return forms.size === 1 ? [...forms][0]! : partOf(owners[0]!.person.name, part);
    }
    const { person, part } = target.owner;
    if (part !== 'full') return partOf(person.name, part);
    const family = partOf(person.name, 'family');
    const given = partOf(person.name, 'given');
    return language === 'en' && person.name.givenNameKana ? `${given} ${family}` : `${family} ${given}`;
  }

  /** The target a placeholder in either style stands for, if this turn sent it. */
  function lookup(label: string, n: string, part: string | undefined): Target | undefined {
    const kind = { 生徒: 'student', STUDENT: 'student', 職員: 'staff', STAFF: 'staff', 氏名: 'shared', NAME: 'shared' }[label];
    const p = ({ 姓: '・姓', FAMILY: '・姓', 名: '・名', GIVEN: '・名' } as Record<string, string>)[part ?? ''] ?? '';
    const token = kind === 'shared' ? `〔氏名${n}〕` : `〔${kind === 'student' ? '生徒' : '職員'}${n}${p}〕`;
    return byToken.get(token);
  }

  function eachPlaceholder(text: string, fn: (match: string, target: Target | undefined) => string): string {
    const visit = (_m: string, label: string, n: string, part: string | undefined) => fn(_m, lookup(label, n, part));
    return text.replace(JA_PLACEHOLDER, visit).replace(EN_PLACEHOLDER, visit);
  }

  return {
    pseudonymise(input) {
      const text = normaliseOutgoing(input);
      let out = '';
      let at = 0;
      for (const span of spansOf(text)) {
        const token = tokenOf(span.target);
        const key = canonical(span.target);
        byToken.set(key, span.target);
        sentTokens.add(key);
        out += text.slice(at, span.start) + token;
        at = span.end;
      }
      return out + text.slice(at);
    },
    restore(text, language) {
      return eachPlaceholder(text, (match, target) => (target ? nameOf(target, language) : match));
    },
    unknownPlaceholders(text) {
      const unknown: string[] = [];
      eachPlaceholder(text, (match, target) => {
        if (!target) unknown.push(match);
        return match;
      });
      return unknown;
    },
    sent: () => sentTokens,
    studentsNamed(text) {
      const named: string[][] = [];
      const add = (target: Target) => {
        const owners = target.kind === 'person' ? [target.owner] : target.shared.owners;
        if (owners.some((o) => o.person.kind === 'staff')) return;
        named.push([...new Set(owners.map((o) => o.person.name.id))]);
      };
      const rest = eachPlaceholder(text, (_match, target) => {
        if (target) add(target);
        return ' ';
      });
      for (const span of spansOf(normaliseOutgoing(rest))) add(span.target);
      return named;
    },
  };
}
