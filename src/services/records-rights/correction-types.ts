// What a correction request says. Field names and values arrive as text (from the CLI, or from
// the chat once admins can ask the bot), so the services validate both and name what was wrong.

/** Correctable profile fields; `grade` and `homeroomId` follow a corrected class. */
export const PROFILE_FIELDS = ['familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'classId', 'enrolledOn', 'leftOn'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const ATTENDANCE_FIELDS = ['status', 'periodsAttended', 'note'] as const;
export const OBSERVATION_FIELDS = ['text', 'visibility', 'categories'] as const;

/** A value to set; null (or an empty string) clears a field that may be empty, such as leftOn. */
export type CorrectionValue = string | null;

export type Correction =
  | { kind: 'profile'; changes: Readonly<Record<string, CorrectionValue>> }
  | { kind: 'attendance'; date: string; changes: Readonly<Record<string, CorrectionValue>> }
  /** `categories` is a comma-separated list of category codes. */
  | { kind: 'observation'; observationId: string; changes: Readonly<Record<string, CorrectionValue>> };

export interface AppliedCorrection {
  kind: Correction['kind'];
  /** The student_no for a profile, the date for attendance, the id for an observation. */
  recordKey: string;
  /** The fields whose value changed (including any that followed, such as grade after class). */
  fields: string[];
  /** An observation whose corrected text needs the safeguarding path: the caller alerts as for a new note. */
  urgent?: boolean;
  /** An observation's new version number. */
  version?: number;
}

export interface CorrectionResult {
  studentId: string;
  applied: AppliedCorrection[];
}

/** Who corrects, when and why: stamped on every history row. */
export interface CorrectionMeta {
  studentId: string;
  actorId: string;
  at: Date;
  reason: string;
}
