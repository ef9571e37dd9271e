// The support-strategy library, validated when this module loads: a bad entry throws at start-up,
// never in front of a teacher. `matchTriedStrategy` reads a support plan's free text and says which
// library strategy it most likely is, so suggestions know what was already tried (issue 3, item 6).
import { normalise } from '../functions/text.ts';
import { LIBRARY } from './library.ts';
import { StrategyLibrary, type Strategy } from './schema.ts';

export { Strategy, StrategyLibrary, STRATEGY_OWNERS, type StrategyOwner } from './schema.ts';

export function parseLibrary(entries: unknown): readonly Strategy[] {
  return Object.freeze(StrategyLibrary.parse(entries));
}

export const STRATEGIES: readonly Strategy[] = parseLibrary(LIBRARY);

/** A match needs at least this many keyword characters (「約束」, "cbt"); one letter is never enough. */
const MIN_MATCH = 2;

interface Matcher {
  strategy: Strategy;
  /** Keywords with no ASCII letters: substring of the text without spaces. */
  japanese: string[];
  /** ASCII keywords: whole words in the spaced text. */
  latin: RegExp[];
  latinLengths: number[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function matcher(strategy: Strategy): Matcher {
  const words = strategy.keywords.map(normalise);
  const latinWords = words.filter((w) => /^[\x20-\x7e]+$/.test(w));
  return {
    strategy,
    japanese: words.filter((w) => !latinWords.includes(w)).map((w) => w.replace(/\s+/g, '')),
    // Whole words, with plain English endings ("home visits", "mentoring").
    latin: latinWords.map((w) => new RegExp(`(^|[^a-z0-9])${escape(w)}(s|es|ed|ing)?($|[^a-z0-9])`)),
    latinLengths: latinWords.map((w) => w.length),
  };
}

const MATCHERS: Matcher[] = STRATEGIES.map(matcher);

/** How strongly a plan text names a strategy: the characters of its keywords found in it. */
function score(m: Matcher, spaced: string, compact: string): number {
  let total = 0;
  for (const w of m.japanese) if (compact.includes(w)) total += w.length;
  m.latin.forEach((re, i) => {
    if (re.test(spaced)) total += m.latinLengths[i]!;
  });
  return total;
}

/**
 * The library strategy a support plan's free-text `strategy` most likely is, by its keywords
 * (Japanese and English), or undefined when nothing fits well enough. Ties go to the earlier entry.
 */
export function matchTriedStrategy(planText: string): Strategy | undefined {
  const spaced = normalise(planText);
  const compact = spaced.replace(/\s+/g, '');
  let best: { strategy: Strategy; score: number } | undefined;
  for (const m of MATCHERS) {
    const s = score(m, spaced, compact);
    if (s >= MIN_MATCH && (!best || s > best.score)) best = { strategy: m.strategy, score: s };
  }
  return best?.strategy;
}
