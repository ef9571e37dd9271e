// Record ids for observations, plans and actions. Other code may expect UUID-shaped ids, so the
// demo makes version-4-shaped ones, but from the seeded PRNG (not randomUUID) so that two builds
// with the same seed produce the same ids.
import { streamFor, type Random } from './random.ts';

export function createIdMaker(seed: number, label: string): () => string {
  const rng: Random = streamFor(seed, `ids:${label}`);
  const hex = (n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');
  return () => {
    const variant = (8 + rng.int(0, 3)).toString(16);
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
  };
}

/** 'S' + zero-padded number; at least three digits as in the sample export (S001). */
export function numberedId(prefix: string, n: number, width: number): string {
  return `${prefix}${String(n).padStart(width, '0')}`;
}
