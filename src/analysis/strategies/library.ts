// The support-strategy library (issue 3, item 5): what a skilled team would try, matched to
// Kearney's functions (DOMAIN.md table), the attendance patterns and the MTSS tiers, each with who
// carries it, how long, how progress is seen, a first step for this week and its source.
// Validated by schema.ts when index.ts loads it. Ids are stable; add, do not rename.
import { F1 } from './library/f1-avoid-distress.ts';
import { F2 } from './library/f2-escape-evaluation.ts';
import { F3 } from './library/f3-attention.ts';
import { F4 } from './library/f4-rewards-outside-school.ts';
import { GENERAL } from './library/general.ts';
import type { Entry } from './library/entry.ts';

export const LIBRARY: readonly Entry[] = [...F1, ...F2, ...F3, ...F4, ...GENERAL];
