// Who is asking. The terminal runs as a named staff member (--as); Slack and Discord users map
// to staff through the ids in the staff list. Unknown users get nothing.
import type { StaffMember } from '../access/policy.ts';
import { findStaffByPlatformUser, findStaffMember } from '../store/staff-repository.ts';
import type { ServiceContext } from './context.ts';

export async function identifyStaff(
  ctx: ServiceContext,
  platform: 'slack' | 'discord' | 'shell',
  platformUserId: string,
): Promise<StaffMember | undefined> {
  return platform === 'shell' ? findStaffMember(ctx.db, platformUserId) : findStaffByPlatformUser(ctx.db, platform, platformUserId);
}
