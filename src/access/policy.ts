// The one place that decides who may see or change which records about a child
// (SECURITY.md: authorization lives in code, never in the prompt). Services ask it through
// AccessGuard, which also audits every decision; nothing else decides.
//
// Scope (relationship):  homeroom teacher -> own class; subject teacher -> classes taught;
//                        counselor, nurse, admin -> the whole school.
// Kinds by role: subject teachers see no assessments or environment surveys; the nurse sees
// attendance, plans and health-related observations, not personality or survey results.
// Observations: `confidential` only for counselor and admin; the author always sees their own.
import type { ObservationCategory, Role, Visibility } from '../domain/school.ts';
import type { StaffMember } from '../domain/staff.ts';

export type { StaffMember };

export const RECORD_KINDS = ['profile', 'attendance', 'observation', 'assessment', 'environment', 'support_plan'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export type AccessAction = 'read' | 'write';

export interface StudentRef {
  id: string;
  classId: string;
}

export type DenyReason = 'not_in_scope' | 'kind_not_permitted';
export type AccessDecision = { allowed: true } | { allowed: false; reason: DenyReason };

const WHOLE_SCHOOL: ReadonlySet<Role> = new Set(['counselor', 'nurse', 'admin']);

const READABLE: Record<Role, ReadonlySet<RecordKind>> = {
  homeroom_teacher: new Set(RECORD_KINDS),
  subject_teacher: new Set(['profile', 'attendance', 'observation', 'support_plan']),
  counselor: new Set(RECORD_KINDS),
  nurse: new Set(['profile', 'attendance', 'observation', 'support_plan']),
  admin: new Set(RECORD_KINDS),
};

const WRITABLE: Record<Role, ReadonlySet<RecordKind>> = {
  homeroom_teacher: new Set(['observation', 'support_plan', 'attendance']),
  subject_teacher: new Set(['observation']),
  counselor: new Set(['observation', 'support_plan', 'assessment', 'environment']),
  nurse: new Set(['observation', 'support_plan']),
  admin: new Set(RECORD_KINDS),
};

/** Whether the student is among those this staff member is responsible for. */
export function isInScope(staff: StaffMember, student: StudentRef): boolean {
  if (WHOLE_SCHOOL.has(staff.role)) return true;
  if (staff.homeroomClassIds.includes(student.classId)) return true;
  // A homeroom teacher who also teaches another class is, there, a subject teacher.
  return staff.taughtClassIds.includes(student.classId);
}

/** The classes whose students this staff member may see, or 'all' for whole-school roles. */
export function scopeClassIds(staff: StaffMember): string[] | 'all' {
  if (WHOLE_SCHOOL.has(staff.role)) return 'all';
  return [...new Set([...staff.homeroomClassIds, ...staff.taughtClassIds])];
}

/** The role that applies to this student: a homeroom teacher acts as a subject teacher outside their class. */
function effectiveRole(staff: StaffMember, student: StudentRef): Role {
  if (staff.role === 'homeroom_teacher' && !staff.homeroomClassIds.includes(student.classId)) return 'subject_teacher';
  return staff.role;
}

/** May `staff` do `action` on `student`'s records of `kind`? */
export function decide(staff: StaffMember, action: AccessAction, student: StudentRef, kind: RecordKind): AccessDecision {
  if (!isInScope(staff, student)) return { allowed: false, reason: 'not_in_scope' };
  const table = action === 'read' ? READABLE : WRITABLE;
  return table[effectiveRole(staff, student)].has(kind) ? { allowed: true } : { allowed: false, reason: 'kind_not_permitted' };
}

export interface ObservationAccessFacts {
  authorId: string;
  visibility: Visibility;
  categories: readonly ObservationCategory[];
}

/**
 * Whether one observation may be shown, once reading the student's observations is allowed.
 * Confidential notes: counselor and admin only. The nurse sees health (and safeguarding)
 * observations. Everyone sees what they wrote themselves.
 */
export function mayReadObservation(staff: StaffMember, observation: ObservationAccessFacts): boolean {
  if (observation.authorId === staff.id) return true;
  if (observation.visibility === 'confidential') return staff.role === 'counselor' || staff.role === 'admin';
  if (staff.role === 'nurse') return observation.categories.includes('health') || observation.categories.includes('safeguarding');
  return true;
}

/** A counselor's observations are confidential by default; everyone else's are shared with the team. */
export function defaultVisibility(role: Role): Visibility {
  return role === 'counselor' ? 'confidential' : 'team';
}

/**
 * Records rights (APPI: disclosure, correction, deletion, retention): exporting everything held
 * about a student, correcting or deleting their records, and running the retention policy are for
 * admins only, whatever the relationship to the student.
 */
export function mayExerciseRecordsRights(staff: StaffMember): boolean {
  return staff.role === 'admin';
}

/** Whether this staff member may read the audit trail (who read or changed which records): admins only. */
export function mayReadAudit(staff: StaffMember): boolean {
  return staff.role === 'admin';
}
