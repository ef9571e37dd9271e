// What a skilled counselor would see in one student's records: the shape of the attendance, how
// serious it is (tier), why it may be happening (function hypotheses), what the student brings
// (strengths), and what to try next. Pure: records in, result out; every claim cites records.
import { analyseAttendance } from './attendance/index.ts';
import { assessTier, URGENT_WINDOW_DAYS } from './tier.ts';
import { addDays } from '../domain/dates.ts';
import { hypothesiseFunctions } from './functions/index.ts';
import { strengthsAndApproach } from './strengths.ts';
import { STRATEGIES, matchTriedStrategy } from './strategies/index.ts';
import { suggestSupports, type Suggestion } from './suggestions/suggest.ts';
import type {
  AttendanceAnalysis,
  EvidenceRef,
  FunctionHypothesis,
  Pattern,
  StrengthNote,
  StudentRecords,
  TierAssessment,
  Trend,
} from './types.ts';

export interface AnalysisResult {
  studentId: string;
  asOf: string;
  attendance: AttendanceAnalysis;
  patterns: Pattern[];
  tier: TierAssessment;
  trend: Trend;
  hypotheses: FunctionHypothesis[];
  strengths: StrengthNote[];
  suggestions: Suggestion[];
  /** Every record the result rests on, once. */
  evidence: EvidenceRef[];
}

/** The cheaper half, for lists over a whole class or school: attendance and tier only. */
export function analyseAttendanceAndTier(records: StudentRecords): { attendance: AttendanceAnalysis; tier: TierAssessment } {
  const attendance = analyseAttendance(records);
  return { attendance, tier: assessTier(records, attendance) };
}

export function analyseStudent(records: StudentRecords): AnalysisResult {
  const { attendance, tier } = analyseAttendanceAndTier(records);
  const hypotheses = hypothesiseFunctions(records, attendance.patterns);
  const strengths = strengthsAndApproach(records);
  const urgent = records.observations
    .filter((o) => o.concern === 'urgent' && o.date >= addDays(records.asOf, -URGENT_WINDOW_DAYS))
    .map((o) => ({ kind: 'observation' as const, id: o.id, date: o.date, note: 'urgent' }));
  const suggestions = suggestSupports({ tier, patterns: attendance.patterns, hypotheses, plans: records.plans, urgent }, STRATEGIES, matchTriedStrategy);
  const all = [
    ...attendance.patterns.flatMap((p) => p.evidence),
    ...tier.evidence,
    ...hypotheses.flatMap((h) => h.evidence),
    ...strengths.flatMap((s) => s.evidence),
    ...suggestions.flatMap((s) => s.evidence),
  ];
  const seen = new Set<string>();
  const evidence = all.filter((e) => {
    const key = `${e.kind}:${e.id}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return {
    studentId: records.studentId,
    asOf: records.asOf,
    attendance,
    patterns: attendance.patterns,
    tier,
    trend: attendance.trend,
    hypotheses,
    strengths,
    suggestions,
    evidence,
  };
}
