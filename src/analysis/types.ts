// The analysis engine's inputs and results. Everything here is plain data: records in, results
// out, no I/O (ARCHITECTURE.md). Every claim carries the ids of the records it rests on.
import type { AttendanceStatus, ObservationCategory } from '../domain/school.ts';

/** A pointer to the record a claim rests on, so staff (and tests) can check it. */
export interface EvidenceRef {
  kind: 'attendance' | 'observation' | 'environment' | 'competency' | 'big_five' | 'support_plan' | 'calendar';
  /** The record's id; for attendance `${studentId}:${date}`. */
  id: string;
  /** The record's date (YYYY-MM-DD, school time zone). */
  date: string;
  /** A short non-identifying note on why it counts, e.g. "absent on a test day". */
  note?: string;
}

export interface AttendanceDayRecord {
  date: string;
  status: AttendanceStatus;
  periodsAttended: number;
}

export interface CalendarRecord {
  date: string;
  kind: string; // holiday | break_start | break_end | test | event
  label: string;
}

export interface ObservationInput {
  id: string;
  /** School-local date and hour of the observation. */
  date: string;
  hour: number;
  authorRole: string;
  text: string;
  categories: ObservationCategory[];
  concern: 'none' | 'urgent';
}

export interface EnvironmentInput {
  id: string;
  assessedOn: string;
  factor: string;
  /** 1-5 as text for numeric factors; a Q-U group name for qu_group. */
  value: string;
}

export interface CompetencyInput {
  id: string;
  assessedOn: string;
  competency: string;
  score: number;
  rater: 'self' | 'peer' | 'teacher';
}

export interface BigFiveInput {
  id: string;
  assessedOn: string;
  openness: number;
  conscientiousness: number;
  extraversion: number;
  agreeableness: number;
  neuroticism: number;
}

export interface SupportPlanInput {
  id: string;
  startedOn: string;
  tier: number;
  goal: string;
  strategy: string;
  status: 'active' | 'completed' | 'stopped';
  outcome: string;
  reviewOn: string;
}

/** Everything the engine looks at for one student, already limited to what the asker may see. */
export interface StudentRecords {
  studentId: string;
  enrolledOn: string;
  /** Today's school date. */
  asOf: string;
  /** The school's first recorded day this school year. */
  yearStart: string;
  /** The last day the school has recorded attendance for (<= asOf). */
  lastRecorded: string;
  calendar: CalendarRecord[];
  attendance: AttendanceDayRecord[];
  observations: ObservationInput[];
  environment: EnvironmentInput[];
  competencies: CompetencyInput[];
  bigFive: BigFiveInput[];
  plans: SupportPlanInput[];
}

export type Language = 'ja' | 'en';
export type Localized = Record<Language, string>;

export const WEEKDAY_CODES = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

/** Stable pattern codes: tests, the CLI and later features rely on them. */
export type PatternCode =
  | 'regular'
  | 'chronic_absence'
  | 'severe_absence'
  | 'futoko_threshold'
  | 'futoko_projection'
  | 'non_attendance_streak'
  | `day_of_week_avoidance:${WeekdayCode}`
  | 'event_avoidance'
  | 'late_arrival'
  | 'early_leave'
  | 'nurse_office'
  | 'separate_room'
  | 'online'
  | 'improving'
  | 'worsening';

export interface Pattern {
  code: PatternCode;
  /** Detector-specific figures, e.g. { rate: 0.12, absent: 15, schoolDays: 125 } or { since, length }. */
  details: Record<string, string | number | boolean>;
  /** The rule that fired and why that threshold (DOMAIN.md or the statistics used). */
  rule: string;
  /** Plain words for staff, both languages. */
  summary: Localized;
  evidence: EvidenceRef[];
}

export type Trend = 'improving' | 'worsening' | 'stable' | 'insufficient_data';

export interface AttendanceAnalysis {
  /** insufficient_data: too few school days to judge; then `patterns` holds no alarm. */
  status: 'ok' | 'insufficient_data';
  from: string;
  to: string;
  schoolDays: number;
  counts: Record<AttendanceStatus, number>;
  absenceRate: number | null;
  patterns: Pattern[];
  trend: Trend;
}

export type Tier = 1 | 2 | 3;

export interface TierAssessment {
  tier: Tier;
  /** Why this tier, in plain words. */
  reasons: Localized[];
  /** True when an urgent observation raised the tier for review. */
  raisedForUrgent: boolean;
  /** Tier 2: every other week; tier 3: weekly (DOMAIN.md). Null for tier 1. */
  reviewEveryDays: 14 | 7 | null;
  nextReview: string | null;
  evidence: EvidenceRef[];
}

export type FunctionCode = 'F1' | 'F2' | 'F3' | 'F4';

export interface FunctionHypothesis {
  function: FunctionCode;
  /** 0..1, from the weight of the evidence; never presented as certainty. */
  confidence: number;
  level: 'low' | 'moderate' | 'high';
  /** Worded as a hypothesis ("may be ...", 「〜の可能性があります」), never a diagnosis. */
  statement: Localized;
  /** The signals found, in plain words. */
  signals: Localized[];
  evidence: EvidenceRef[];
}

export interface StrengthNote {
  kind: 'strength' | 'approach';
  /** E.g. "anticipates worry: give advance notice of changes". Never a label or a raw score. */
  text: Localized;
  evidence: EvidenceRef[];
}
