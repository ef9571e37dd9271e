// Strengths and approach notes (issue 3, item 4): what the student brings, from competency ratings,
// staff notes and surveys, then how to approach them, from the Big Five as a weak prior (DOMAIN.md,
// "Assessments and how much they may weigh"). Never a label, never a raw score.
import { approachNotes } from './strengths/approach.ts';
import { competencyStrengths } from './strengths/competencies.ts';
import { environmentStrengths, observationStrengths } from './strengths/positives.ts';
import type { StrengthNote, StudentRecords } from './types.ts';

export function strengthsAndApproach(records: StudentRecords): StrengthNote[] {
  return [
    ...competencyStrengths(records.competencies),
    ...observationStrengths(records.observations),
    ...environmentStrengths(records.environment),
    ...approachNotes(records.bigFive),
  ];
}
