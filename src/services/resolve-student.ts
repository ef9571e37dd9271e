// Which student does the asker mean? Names are matched only among the students the asker may
// see. When nothing visible matches but the name belongs to someone out of scope, the attempt is
// audited as a denial, and the caller answers exactly as for a name that matches nobody, so the
// reply never reveals whether the student exists (SECURITY.md, checklist 1).
import { isInScope, scopeClassIds, type StaffMember } from '../access/policy.ts';
import { findMentionedStudents } from '../domain/names.ts';
import { findStudent, listStudents, type StudentIdentity } from '../store/student-repository.ts';
import type { ServiceContext } from './context.ts';

export type { StudentIdentity };

export type StudentResolution =
  | { kind: 'found'; student: StudentIdentity }
  | { kind: 'ambiguous'; candidates: StudentIdentity[] }
  | { kind: 'none' };

export async function resolveStudent(
  ctx: ServiceContext,
  staff: StaffMember,
  text: string,
  intent: string,
): Promise<StudentResolution> {
  const visible = await listStudents(ctx.db, scopeClassIds(staff));
  let matches = findMentionedStudents(text, visible);
  // A student of the school named in full is the one meant, even out of the asker's scope: then a
  // family name alone matching someone in scope ("Tanaka" of "Misaki Tanaka", asked by 田中悠人's
  // teacher) is not who was meant (found by test/property). Out of scope, the answer is as for
  // nobody, and the attempt is audited below.
  if (scopeClassIds(staff) !== 'all' && !matches.some((m) => m.strength === 'full')) {
    const everyone = await listStudents(ctx.db, 'all');
    if (findMentionedStudents(text, everyone).some((m) => m.strength === 'full')) matches = [];
  }
  const byId = new Map(visible.map((s) => [s.id, s]));
  const candidates = matches.map((m) => byId.get(m.studentId)).filter((s): s is StudentIdentity => s !== undefined);
  // A name that may be part of another name (「かれんさん」 and 蓮) is asked back even when it is the
  // only candidate: a wrong guess would answer about the wrong student (domain/names.ts).
  const certain = matches.every((m) => m.strength !== 'uncertain');
  if (candidates.length === 1 && certain) return { kind: 'found', student: candidates[0]! };
  if (candidates.length > 0) return { kind: 'ambiguous', candidates };

  if (scopeClassIds(staff) !== 'all') await auditOutOfScopeMentions(ctx, staff, text, intent);
  return { kind: 'none' };
}

async function auditOutOfScopeMentions(ctx: ServiceContext, staff: StaffMember, text: string, intent: string): Promise<void> {
  const everyone = await listStudents(ctx.db, 'all');
  const byId = new Map(everyone.map((s) => [s.id, s]));
  for (const match of findMentionedStudents(text, everyone)) {
    const student = byId.get(match.studentId);
    if (student) await ctx.guard.check({ staff, action: 'read', student, kind: 'profile', intent });
  }
}

/** Picks a student the asker may see by student number (used when they answer an ask-back). */
export async function visibleStudentById(ctx: ServiceContext, staff: StaffMember, studentId: string): Promise<StudentIdentity | undefined> {
  const student = await findStudent(ctx.db, studentId);
  return student && isInScope(staff, student) ? student : undefined;
}
