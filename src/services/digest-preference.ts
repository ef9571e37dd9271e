// A staff member's own choice to receive the weekly digest or not. Their own setting, not a
// student's record: no access decision, and nobody can change it for someone else.
import type { StaffMember } from '../domain/staff.ts';
import type { ServiceContext } from './context.ts';

export async function setDigestOptIn(ctx: ServiceContext, staff: StaffMember, enabled: boolean): Promise<void> {
  await ctx.db.staff.update({ where: { id: staff.id }, data: { digestOptIn: enabled } });
}
