import type { StaffMember } from '../domain/staff.ts';
import type { DirectRecipient } from '../chat/types.ts';
import { Language, Role } from '../domain/school.ts';
import type { Db } from './database.ts';

const withClasses = { classes: { select: { classId: true, relation: true } } } as const;

type StaffRow = {
  id: string;
  role: string;
  familyName: string;
  givenName: string;
  preferredLanguage: string;
  classes: { classId: string; relation: string }[];
};

function toStaffMember(row: StaffRow): StaffMember {
  return {
    id: row.id,
    role: Role.parse(row.role),
    familyName: row.familyName,
    givenName: row.givenName,
    preferredLanguage: Language.catch('ja').parse(row.preferredLanguage),
    homeroomClassIds: row.classes.filter((c) => c.relation === 'homeroom').map((c) => c.classId),
    taughtClassIds: row.classes.filter((c) => c.relation === 'teaches').map((c) => c.classId),
  };
}

export async function findStaffMember(db: Db, staffId: string): Promise<StaffMember | undefined> {
  const row = await db.staff.findUnique({ where: { id: staffId }, include: withClasses });
  return row ? toStaffMember(row) : undefined;
}

export async function findStaffByPlatformUser(
  db: Db,
  platform: 'slack' | 'discord',
  platformUserId: string,
): Promise<StaffMember | undefined> {
  const where = platform === 'slack' ? { slackUserId: platformUserId } : { discordUserId: platformUserId };
  const row = await db.staff.findFirst({ where, include: withClasses });
  return row ? toStaffMember(row) : undefined;
}

/** Staff display names by id, for showing who wrote a note or owns a plan. */
export async function staffNames(db: Db, ids: readonly string[]): Promise<Map<string, { familyName: string; givenName: string }>> {
  const rows = await db.staff.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, familyName: true, givenName: true } });
  return new Map(rows.map((r) => [r.id, r]));
}

/** How to reach staff members directly on each platform (for alerts and digests). */
export async function directRecipients(db: Db, ids: readonly string[]): Promise<DirectRecipient[]> {
  const rows = await db.staff.findMany({ where: { id: { in: [...ids] } }, select: { id: true, familyName: true, givenName: true, slackUserId: true, discordUserId: true }, orderBy: { id: 'asc' } });
  return rows.map((r) => ({
    staffId: r.id,
    displayName: `${r.familyName} ${r.givenName}`,
    ...(r.slackUserId ? { slackUserId: r.slackUserId } : {}),
    ...(r.discordUserId ? { discordUserId: r.discordUserId } : {}),
  }));
}
