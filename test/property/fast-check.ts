// Shared fast-check settings for the property tests. The seed is fixed so a failure reproduces
// on every machine; fast-check prints it with the shrunk counterexample and its path. To explore
// further, run with another seed and more runs:
//   YORISOI_FC_SEED=123 YORISOI_FC_RUNS=10 npx vitest run test/property
// (YORISOI_FC_RUNS multiplies every property's numRuns.)
import fc from 'fast-check';

export const SEED = Number(process.env.YORISOI_FC_SEED ?? 20261120);
const SCALE = Number(process.env.YORISOI_FC_RUNS ?? 1);

/** Parameters for `fc.assert`: the fixed seed, `numRuns` (scaled), and regression examples. */
export function settings<T>(numRuns: number, examples: NoInfer<T>[] = []): fc.Parameters<T> {
  return { seed: SEED, numRuns: Math.max(1, Math.round(numRuns * SCALE)), examples };
}

/** Zero-width characters staff paste in from web pages and chat clients. */
export const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\uFEFF'] as const;

/** Inserts zero-width characters at the given positions (each taken modulo the length + 1). */
export function insertAt(text: string, inserts: readonly { at: number; char: string }[]): string {
  const chars = [...text];
  for (const { at, char } of inserts) chars.splice(at % (chars.length + 1), 0, char);
  return chars.join('');
}

export const zeroWidthInserts = fc.array(fc.record({ at: fc.nat(), char: fc.constantFrom(...ZERO_WIDTH) }), { maxLength: 6 });

/** ASCII to full-width (Ａ, １, ？), the way a Japanese IME types it. */
export function toFullWidth(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');
}

/** Hiragana to katakana (same sound, other script). */
export function toKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

const HALF_WIDTH = new Map<string, string>();
for (let code = 0xff61; code <= 0xff9f; code++) {
  const half = String.fromCharCode(code);
  HALF_WIDTH.set(half.normalize('NFKC'), half);
  for (const mark of ['\uff9e', '\uff9f']) {
    const composed = (half + mark).normalize('NFKC');
    if (composed.length === 1) HALF_WIDTH.set(composed, half + mark);
  }
}

/** Katakana to half-width katakana (ｽｽﾞｷ), as old systems and some phones send it. */
export function toHalfWidthKatakana(text: string): string {
  return [...text].map((c) => HALF_WIDTH.get(c) ?? c).join('');
}
