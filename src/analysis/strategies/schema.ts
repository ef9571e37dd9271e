// What a support strategy is (issue 3, item 5): data, validated at load so a bad entry stops the
// program at start rather than reaching a teacher. Ids are stable: suggestions, tried-plan
// matching and tests refer to them.
import { z } from 'zod';
import type { PatternCode } from '../types.ts';

const Text = z.string().trim().min(1);
export const LocalizedText = z.strictObject({ ja: Text, en: Text });

export const STRATEGY_OWNERS = ['homeroom_teacher', 'subject_teacher', 'counselor', 'nurse', 'family', 'support_staff', 'admin'] as const;
export const StrategyOwner = z.enum(STRATEGY_OWNERS);
export type StrategyOwner = z.infer<typeof StrategyOwner>;

/** Pattern codes a strategy may name; `day_of_week_avoidance` alone fits every weekday. */
export const PATTERN_NAMES = [
  'regular',
  'chronic_absence',
  'severe_absence',
  'futoko_threshold',
  'futoko_projection',
  'non_attendance_streak',
  'day_of_week_avoidance',
  'day_of_week_avoidance:mon',
  'day_of_week_avoidance:tue',
  'day_of_week_avoidance:wed',
  'day_of_week_avoidance:thu',
  'day_of_week_avoidance:fri',
  'event_avoidance',
  'late_arrival',
  'early_leave',
  'nurse_office',
  'separate_room',
  'online',
  'improving',
  'worsening',
] as const;
// The compiler keeps this list in step with types.ts: every PatternCode must be listed.
type Missing = Exclude<PatternCode, (typeof PATTERN_NAMES)[number]>;
const everyPatternListed: [Missing] extends [never] ? true : Missing = true;
void everyPatternListed;

export const Strategy = z.strictObject({
  /** kebab-case, stable. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be kebab-case'),
  name: LocalizedText,
  description: LocalizedText,
  /** Kearney functions it fits; empty for strategies that do not depend on the function. */
  functions: z.array(z.enum(['F1', 'F2', 'F3', 'F4'])),
  /** Pattern codes or prefixes it fits; empty for general strategies. */
  patterns: z.array(z.enum(PATTERN_NAMES)),
  tiers: z.array(z.union([z.literal(1), z.literal(2), z.literal(3)])).min(1),
  owners: z.array(StrategyOwner).min(1),
  durationWeeks: z.number().int().min(1).max(52),
  progressMeasure: LocalizedText,
  /** A concrete first step for this week: who does what, when. */
  firstStep: LocalizedText,
  /** Words that recognise it in a support plan's free text (Japanese and English). */
  keywords: z.array(Text).min(2),
  /** Suggested first, whatever the tier, while an urgent (safeguarding) observation is recent. */
  whenUrgent: z.boolean().default(false),
  /** Where it comes from: a real publication or official guidance. */
  source: z.string().trim().min(10),
});
export type Strategy = z.infer<typeof Strategy>;

/** Validates the whole library: each entry, and ids unique. Throws on the first problem. */
export const StrategyLibrary = z.array(Strategy).superRefine((list, ctx) => {
  const seen = new Set<string>();
  for (const [i, s] of list.entries()) {
    if (seen.has(s.id)) ctx.addIssue({ code: 'custom', message: `duplicate strategy id ${s.id}`, path: [i, 'id'] });
    seen.add(s.id);
  }
});
