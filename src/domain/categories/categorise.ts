// What an observation is about, from words staff use in Japanese and English. A note can be about
// several things (「2限から登校、眠そうだった」 is attendance and health). Safeguarding is never
// guessed from topic words: it follows the safeguarding screen (analysis/safeguarding.ts, applied by the callers), so
// `safeguarding` and an urgent concern always go together.
import { OBSERVATION_CATEGORIES, type ObservationCategory } from '../school.ts';
import { CATEGORY_VOCABULARY } from './vocabulary.ts';

/** The categories a note's words point to, in the canonical order; `urgent` adds safeguarding. */
export function categorise(text: string, urgent: boolean): ObservationCategory[] {
  const found = new Set<ObservationCategory>();
  for (const [category, pattern] of Object.entries(CATEGORY_VOCABULARY) as [ObservationCategory, RegExp][]) {
    if (pattern.test(text)) found.add(category);
  }
  if (urgent) found.add('safeguarding');
  return OBSERVATION_CATEGORIES.filter((c) => found.has(c));
}

/** True when the words belong to the observation vocabulary (a topic, not a name). */
export function isTopicWord(word: string): boolean {
  return Object.values(CATEGORY_VOCABULARY).some((p) => p.test(word));
}
