// The vocabulary of a Japanese junior high school's records, as the import format and the
// database use it (../shared/sample-school/README.md). Codes are stable: tests, the CLI and
// stored rows rely on them.
import { z } from 'zod';

export const ROLES = ['homeroom_teacher', 'subject_teacher', 'counselor', 'nurse', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LANGUAGES = ['ja', 'en'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** Nurse's-office, separate-room and online attendance are steps on a ladder, not absences (DOMAIN.md). */
export const ATTENDANCE_STATUSES = [
  'present',
  'absent',
  'late',
  'early_leave',
  'nurse_office',
  'separate_room',
  'online',
] as const;
export const AttendanceStatus = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;

export const CALENDAR_KINDS = ['holiday', 'break_start', 'break_end', 'test', 'event'] as const;
export const CalendarKind = z.enum(CALENDAR_KINDS);
export type CalendarKind = z.infer<typeof CalendarKind>;

export const RATERS = ['self', 'peer', 'teacher'] as const;
export const Rater = z.enum(RATERS);
export type Rater = z.infer<typeof Rater>;

export const NUMERIC_ENVIRONMENT_FACTORS = [
  'family_support',
  'peer_relations',
  'psychological_safety',
  'teacher_relationship',
  'sleep_regularity',
] as const;
export const ENVIRONMENT_FACTORS = [...NUMERIC_ENVIRONMENT_FACTORS, 'qu_group'] as const;
export const EnvironmentFactorName = z.enum(ENVIRONMENT_FACTORS);
export type EnvironmentFactorName = z.infer<typeof EnvironmentFactorName>;

/** Q-U classroom-fit groups; `needs_support` is urgent (DOMAIN.md, Assessments). */
export const QU_GROUPS = ['satisfied', 'not_recognized', 'harmed', 'dissatisfied', 'needs_support'] as const;
export const QuGroup = z.enum(QU_GROUPS);
export type QuGroup = z.infer<typeof QuGroup>;

export const OBSERVATION_CATEGORIES = [
  'attendance',
  'health',
  'emotional',
  'peer',
  'academic',
  'family',
  'positive',
  'safeguarding',
] as const;
export const ObservationCategory = z.enum(OBSERVATION_CATEGORIES);
export type ObservationCategory = z.infer<typeof ObservationCategory>;

export const VISIBILITIES = ['team', 'confidential'] as const;
export const Visibility = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof Visibility>;

export const CONCERN_LEVELS = ['none', 'urgent'] as const;
export const ConcernLevel = z.enum(CONCERN_LEVELS);
export type ConcernLevel = z.infer<typeof ConcernLevel>;

export const OBSERVATION_SOURCES = ['chat', 'import'] as const;
export type ObservationSource = (typeof OBSERVATION_SOURCES)[number];

export const PLAN_STATUSES = ['active', 'completed', 'stopped'] as const;
export const PlanStatus = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof PlanStatus>;

export const TIERS = [1, 2, 3] as const;
export type Tier = (typeof TIERS)[number];

export const STAFF_CLASS_RELATIONS = ['homeroom', 'teaches'] as const;
export type StaffClassRelation = (typeof STAFF_CLASS_RELATIONS)[number];

/** Observation categories are stored comma-separated (SQLite has no arrays). */
export function parseCategories(stored: string): ObservationCategory[] {
  return stored
    .split(',')
    .map((c) => c.trim())
    .filter((c): c is ObservationCategory => (OBSERVATION_CATEGORIES as readonly string[]).includes(c));
}

export function formatCategories(categories: readonly ObservationCategory[]): string {
  return [...new Set(categories)].join(',');
}
