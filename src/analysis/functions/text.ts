// Reading staff notes without a tokenizer: normalise, cut into clauses, find cue phrases and skip
// the ones that are negated or resolved. Notes are short and written by staff, so a regex
// vocabulary over clauses is enough, and it is deterministic and fast (issue 3: no I/O, no model).
import { normaliseForMatching } from '../safeguarding.ts';

export interface Phrase {
  /** Tested on a clause with the spaces removed (Japanese is written without spaces). */
  ja?: RegExp;
  /** Tested on a clause with its spaces kept (English needs word boundaries). */
  en?: RegExp;
}

/** One clause of a note, in both forms the patterns read. */
export interface Clause {
  spaced: string;
  compact: string;
}

/** NFKC and lower case (shared with safeguarding), curly apostrophes straightened. */
export function normalise(text: string): string {
  return normaliseForMatching(text).replace(/[\u2018\u2019\u02BC]/g, "'");
}

// Sentence ends, and the contrast words that turn a note around (「苦手だが、…」, "..., but ...").
const CLAUSE_BREAK = /[。．！？!?\n;；]|\.(?=\s|$)|だが、|けど、|けれど、|しかし、|\bbut\b|\bhowever\b/;

export function clausesOf(text: string): Clause[] {
  return normalise(text)
    .split(CLAUSE_BREAK)
    .map((spaced) => spaced.trim())
    .filter((spaced) => spaced.length > 0)
    .map((spaced) => ({ spaced, compact: spaced.replace(/\s+/g, '') }));
}

// Japanese negation or resolution right after the phrase: 「頭痛はない」「腹痛の訴えはなかった」
// 「テストのない日」「腹痛は治まった」. Only what attaches directly counts, so 「テストが不安で眠れない」
// is not read as negated.
const JA_NEGATED_AFTER =
  /^(の訴え|を訴える様子|の様子|の症状|の心配|について(の)?心配)?(は|が|も|の)?(特に)?(ない|なし|無い|無し|なかった|ありません|ではな|じゃな|見られな|みられな|減っ|減少|なくなっ|無くなっ|治まっ|おさまっ|改善|良くなっ|よくなっ)/;
// English negation in the few words before the phrase: "no headache", "does not seem anxious".
const EN_NEGATED_BEFORE =
  /\b(no|not|never|nor|without|denies|denied|isn't|aren't|wasn't|weren't|doesn't|didn't|don't|hasn't|haven't|no longer)\b[^,]{0,12}$/;
// ...or resolution right after it: "headaches have stopped".
const EN_RESOLVED_AFTER = /^[^,]{0,16}\b(ha(s|ve) (stopped|gone|eased|improved)|went away|no longer)\b/;

/** True when the phrase occurs in the clause and is not negated or resolved there. */
export function clauseHas(clause: Clause, phrase: Phrase): boolean {
  // A plain test first: most phrases are absent from most clauses, and it allocates nothing.
  if (phrase.ja && phrase.ja.test(clause.compact)) {
    const re = global(phrase.ja);
    re.lastIndex = 0;
    for (let m = re.exec(clause.compact); m; m = re.exec(clause.compact)) {
      if (!JA_NEGATED_AFTER.test(clause.compact.slice(m.index + m[0].length))) return true;
      if (m[0].length === 0) re.lastIndex += 1;
    }
  }
  if (phrase.en && phrase.en.test(clause.spaced)) {
    const re = global(phrase.en);
    re.lastIndex = 0;
    for (let m = re.exec(clause.spaced); m; m = re.exec(clause.spaced)) {
      const before = clause.spaced.slice(Math.max(0, m.index - 40), m.index);
      const after = clause.spaced.slice(m.index + m[0].length);
      if (!EN_NEGATED_BEFORE.test(before) && !EN_RESOLVED_AFTER.test(after)) return true;
      if (m[0].length === 0) re.lastIndex += 1;
    }
  }
  return false;
}

/** True when any clause of the text has the phrase, un-negated. */
export function textHas(text: string | Clause[], phrase: Phrase): boolean {
  const clauses = typeof text === 'string' ? clausesOf(text) : text;
  return clauses.some((c) => clauseHas(c, phrase));
}

const globalCache = new WeakMap<RegExp, RegExp>();
function global(re: RegExp): RegExp {
  let g = globalCache.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    globalCache.set(re, g);
  }
  return g;
}
