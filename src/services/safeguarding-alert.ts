// DOMAIN.md, safeguarding comes first: an urgent observation alerts the counselor and school
// leaders at once, whatever else the message asked. The recipients may see every record, and
// each alert is audited as a read of that observation.
import type { StaffMember } from '../domain/staff.ts';
import type { StudentIdentity } from '../store/student-repository.ts';
import { findStaffMember } from '../store/staff-repository.ts';
import type { ServiceContext } from './context.ts';

/** Counselors and admins: the staff who handle safeguarding (SECURITY.md checklist 11). */
export async function safeguardingRecipients(ctx: ServiceContext, except: string): Promise<StaffMember[]> {
  const rows = await ctx.db.staff.findMany({ where: { role: { in: ['counselor', 'admin'] }, id: { not: except } }, select: { id: true }, orderBy: { id: 'asc' } });
  const members = await Promise.all(rows.map((r) => findStaffMember(ctx.db, r.id)));
  return members.filter((m): m is StaffMember => m !== undefined);
}

/** Audits that each recipient is shown the observation, and returns those allowed to see it. */
export async function authoriseAlert(ctx: ServiceContext, recipients: StaffMember[], student: StudentIdentity): Promise<StaffMember[]> {
  const decisions = await ctx.guard.checkMany(recipients.map((staff) => ({ staff, student, action: 'read' as const, kind: 'observation' as const, intent: 'safeguarding_alert' })));
  return recipients.filter((_, i) => decisions[i]!.allowed);
}
