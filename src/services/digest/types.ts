// One staff member's week: every figure read from the database when the digest is built, and only
// what they may see. The composer turns it into words; nothing here is worded.
import type { ObservationCategory } from '../../domain/school.ts';
import type { AttendanceStatus } from '../../domain/school.ts';
import type { PatternCode, Tier, Trend } from '../../analysis/types.ts';
import type { StudentIdentity } from '../../store/student-repository.ts';

/** Thresholds whose crossing this week is news (DOMAIN.md: chronic absence 10%, futoko 30 days, projection). */
export const THRESHOLD_CODES = ['chronic_absence', 'severe_absence', 'futoko_threshold', 'futoko_projection'] as const satisfies readonly PatternCode[];
export type ThresholdCode = (typeof THRESHOLD_CODES)[number];

/** DOMAIN.md: tier 2 and 3 students need someone's eyes; three weeks without a note is too long. */
export const UNWATCHED_AFTER_DAYS = 21;

export interface Escalation {
  student: StudentIdentity;
  tierBefore: Tier;
  tierNow: Tier;
  /** Thresholds newly crossed this week. */
  crossed: ThresholdCode[];
  absenceRate: number | null;
  /** An urgent note raised the tier for review (DOMAIN.md: safeguarding first). */
  raisedForUrgent: boolean;
}

export interface NewStreak {
  student: StudentIdentity;
  since: string;
  days: number;
}

export interface Improvement {
  student: StudentIdentity;
  tierBefore: Tier;
  tierNow: Tier;
  trend: Trend;
}

export interface UrgentNote {
  student: StudentIdentity;
  observationId: string;
  date: string;
  authorId: string;
  authorName?: string;
  /** In full: an urgent note is never summarised away. */
  text: string;
}

export interface ReviewDue {
  student: StudentIdentity;
  planId: string;
  goal: string;
  tier: number;
  dueOn: string;
}

export interface Unwatched {
  student: StudentIdentity;
  tier: Tier;
  lastNoteOn: string | null;
}

export interface ChartGrid {
  /** A class id, or undefined for "students in this digest". */
  classId?: string;
  days: string[];
  rows: { student: StudentIdentity; statuses: (AttendanceStatus | null)[] }[];
}

export interface WeeklyDigest {
  recipientId: string;
  weekOf: string;
  weekEnd: string;
  inScope: number;
  /** Attendance days recorded this week for the students in scope: 0 means the week has no data. */
  attendanceDaysRecorded: number;
  tierCounts: Record<Tier, number>;
  escalations: Escalation[];
  newStreaks: NewStreak[];
  improvements: Improvement[];
  urgentNotes: UrgentNote[];
  reviewsDue: ReviewDue[];
  observationCount: number;
  observationsByCategory: Partial<Record<ObservationCategory | 'uncategorised', number>>;
  unwatched: Unwatched[];
  chart?: ChartGrid;
}
