// Function hypotheses (issue 3, item 3): Kearney's four functions of school refusal from notes,
// attendance patterns and surveys, each a hypothesis with its evidence (DOMAIN.md).
export { hypothesiseFunctions, leadingFunctions, CONFIDENCE_SCALE, TIE_MARGIN } from './hypothesise.ts';
export { CUES } from './vocabulary.ts';
export { PATTERN_WEIGHTS } from './patterns.ts';
