// Every name and id that must never reach a third-party model (SECURITY.md: minimise what leaves
// the school): the whole school's students, so classmates mentioned inside notes are hidden too,
// and the staff, whose romaji is only known from their e-mail address.
import type { ServiceContext } from './context.ts';

export interface DirectoryEntry {
  id: string;
  familyName: string;
  givenName: string;
  familyNameKana?: string;
  givenNameKana?: string;
  aliases?: { family?: string[] };
}

export async function nameDirectory(ctx: ServiceContext): Promise<{ students: DirectoryEntry[]; staff: DirectoryEntry[] }> {
  const [students, staff] = await Promise.all([
    ctx.db.student.findMany({ select: { id: true, familyName: true, givenName: true, familyNameKana: true, givenNameKana: true } }),
    ctx.db.staff.findMany({ select: { id: true, familyName: true, givenName: true, email: true } }),
  ]);
  return {
    students,
    staff: staff.map(({ email, ...s }) => {
      const local = email?.split('@')[0]?.split(/[._-]/)[0];
      return local ? { ...s, aliases: { family: [local] } } : s;
    }),
  };
}
