// Who a CLI command runs as. Records are only read through the access policy, so the CLI needs a
// staff member too: --as, or by default the school's first admin (whole-school scope).
import type { App } from '../../src/app.ts';
import type { StaffMember } from '../../src/domain/staff.ts';
import { findStaffMember } from '../../src/store/staff-repository.ts';

export async function resolveCliStaff(app: App, staffId: string | undefined, stderr: NodeJS.WritableStream): Promise<StaffMember | undefined> {
  const id = staffId ?? (await app.database.db.staff.findFirst({ where: { role: 'admin' }, orderBy: { id: 'asc' }, select: { id: true } }))?.id;
  const staff = id ? await findStaffMember(app.database.db, id) : undefined;
  if (!staff) stderr.write(id ? `No staff member with id ${id}. Use --as <staff_id> (see staff.csv).\n` : 'No admin in this school: use --as <staff_id>.\n');
  return staff;
}
