// staff.csv: staff members and the classes they are responsible for. Chat ids are unique in the
// database, so clashes are found before writing, and ids that move between two staff members in
// one export (a swap) are released before they are reassigned.
import { z } from 'zod';
import { ROLES } from '../../../domain/school.ts';
import { ImportError } from '../errors.ts';
import { identifier, oneOf, optionalEmail, optionalIdentifier, requiredText } from '../fields.ts';
import { classify, createInBatches, result, updateEach, type SyncContext, type TableResult } from '../sync.ts';
import type { Row } from '../table.ts';

const classList = z.string().transform((value, ctx) => {
  const ids = value
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const bad = ids.find((c) => /\s/.test(c));
  if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `invalid class ${JSON.stringify(bad)} (contains a space; separate classes with ";")` });
  return [...new Set(ids)];
});

export const staffSchema = z.object({
  staff_id: identifier('staff_id'),
  family_name: requiredText,
  given_name: requiredText,
  role: oneOf('role', ROLES),
  classes: classList,
  slack_user_id: optionalIdentifier('slack_user_id'),
  discord_user_id: optionalIdentifier('discord_user_id'),
  email: optionalEmail,
});
export type StaffRow = z.output<typeof staffSchema>;
export const staffKey = ['staff_id'] as const;

const CHAT_IDS = [
  ['slack_user_id', 'slackUserId'],
  ['discord_user_id', 'discordUserId'],
] as const;

export interface ExistingStaff {
  id: string;
  slackUserId: string | null;
  discordUserId: string | null;
}

/** A chat id may belong to one staff member only: within the file, and against staff not in it. */
export function checkChatIds(rows: readonly Row<StaffRow>[], existing: readonly ExistingStaff[]): void {
  const inFile = new Set(rows.map((r) => r.data.staff_id));
  for (const [column, field] of CHAT_IDS) {
    const inDatabase = new Map<string, string>();
    for (const e of existing) {
      const value = e[field];
      if (value !== null && !inFile.has(e.id)) inDatabase.set(value, e.id);
    }
    const earlier = new Map<string, Row<StaffRow>>();
    for (const row of rows) {
      const value = row.data[column];
      if (value === null) continue;
      const other = earlier.get(value);
      const owner = other ? `staff ${other.data.staff_id} on line ${other.line}` : inDatabase.has(value) ? `staff ${inDatabase.get(value)} in the database` : undefined;
      if (owner) throw new ImportError({ file: row.file, line: row.line, column }, `${column} ${JSON.stringify(value)} already belongs to ${owner}`);
      earlier.set(value, row);
    }
  }
}

const fields = (r: StaffRow) => ({
  familyName: r.family_name,
  givenName: r.given_name,
  role: r.role,
  slackUserId: r.slack_user_id,
  discordUserId: r.discord_user_id,
  email: r.email,
});

export async function syncStaff(ctx: SyncContext, rows: Row<StaffRow>[]): Promise<TableResult> {
  const { tx } = ctx;
  const existing = await tx.staff.findMany({ select: { id: true, familyName: true, givenName: true, role: true, slackUserId: true, discordUserId: true, email: true } });
  const plan = classify(
    rows,
    new Map(existing.map((e) => [e.id, e])),
    (r) => r.staff_id,
    (r, e) => {
      const next = fields(r);
      return (Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== e[k]);
    },
  );
  for (const { row, existing: e } of plan.updates) {
    const release: { slackUserId?: null; discordUserId?: null } = {};
    if (e.slackUserId !== null && e.slackUserId !== row.data.slack_user_id) release.slackUserId = null;
    if (e.discordUserId !== null && e.discordUserId !== row.data.discord_user_id) release.discordUserId = null;
    if (Object.keys(release).length > 0) await tx.staff.update({ where: { id: e.id }, data: release });
  }
  await createInBatches(ctx, 'staff', plan.creates, (batch) => tx.staff.createMany({ data: batch.map(({ data: r }) => ({ id: r.staff_id, ...fields(r) })) }));
  await updateEach(ctx, 'staff', plan.updates, ({ row }) => tx.staff.update({ where: { id: row.data.staff_id }, data: fields(row.data) }));
  return result(plan.tally, existing.length + plan.creates.length, rows.length);
}
