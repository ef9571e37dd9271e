// The weekly digest: for the scheduled job (one source for everyone, then one digest each) and
// for a single preview (the chat's 「今週のまとめ」, `digest preview`).
import { mondayOf, schoolDateOf } from '../../domain/dates.ts';
import type { StaffMember } from '../../domain/staff.ts';
import { scopeClassIds } from '../../access/policy.ts';
import { listStudents } from '../../store/student-repository.ts';
import type { ServiceContext } from '../context.ts';
import { buildDigest } from './build.ts';
import { loadDigestSource } from './source.ts';
import type { WeeklyDigest } from './types.ts';

export { buildDigest, buildDigests } from './build.ts';
export { loadDigestSource, type DigestSource } from './source.ts';
export * from './types.ts';

/** The Monday of the week to report: the given one, or this week. */
export function digestWeek(ctx: ServiceContext, weekOf?: string): string {
  return mondayOf(weekOf ?? schoolDateOf(ctx.now()));
}

/** One staff member's digest, reading only the students in their scope. */
export async function weeklyDigest(ctx: ServiceContext, staff: StaffMember, weekOf: string | undefined, intent: string): Promise<WeeklyDigest> {
  const students = await listStudents(ctx.db, scopeClassIds(staff));
  return buildDigest(ctx, staff, await loadDigestSource(ctx, digestWeek(ctx, weekOf), students), intent);
}
