// The retention policy as configured (RETENTION_OBSERVATION_YEARS, RETENTION_STUDENT_YEARS), and
// the date arithmetic it rests on. Periods run in whole years from the day the student left.
import { isIsoDate } from '../../domain/dates.ts';

export interface RetentionPolicy {
  /** Delete a student's observations this many years after they left. */
  observationYears?: number;
  /** Delete everything about a student this many years after they left. */
  studentYears?: number;
}

export function isRetentionOn(policy: RetentionPolicy): boolean {
  return policy.observationYears !== undefined || policy.studentYears !== undefined;
}

/**
 * The latest leaving date whose retention period of `years` has ended by `today`: a student who
 * left on 2020-03-31 is reached by a five-year rule on 2025-03-31. 29 February falls back to the
 * 28th in a common year.
 */
export function retentionCutoff(today: string, years: number): string {
  if (!isIsoDate(today)) throw new Error(`not a date: ${today}`);
  const year = String(Number(today.slice(0, 4)) - years).padStart(4, '0');
  const same = `${year}${today.slice(4)}`;
  return isIsoDate(same) ? same : `${year}-02-28`;
}
