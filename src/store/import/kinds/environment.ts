// environment.csv: one factor of an environment survey. Numeric factors are rated 1-5; the Q-U
// group is a category, and both live in the same text column of the table.
import { z } from 'zod';
import { ENVIRONMENT_FACTORS, NUMERIC_ENVIRONMENT_FACTORS, QU_GROUPS } from '../../../domain/school.ts';
import { identifier, isoDate, oneOf, optionalText } from '../fields.ts';
import { classify, createInBatches, result, updateEach, type SyncContext, type TableResult } from '../sync.ts';
import type { Row } from '../table.ts';

const NUMERIC: ReadonlySet<string> = new Set(NUMERIC_ENVIRONMENT_FACTORS);

export const environmentSchema = z
  .object({
    student_no: identifier('student_no'),
    assessed_on: isoDate,
    factor: oneOf('factor', ENVIRONMENT_FACTORS),
    value: z.string(),
    note: optionalText,
  })
  .superRefine((row, ctx) => {
    const problem = NUMERIC.has(row.factor) ? checkRating(row.factor, row.value) : checkQuGroup(row.value);
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });
export type EnvironmentRow = z.output<typeof environmentSchema>;
export const environmentKey = ['student_no', 'assessed_on', 'factor'] as const;

function checkRating(factor: string, value: string): string | undefined {
  if (/^[1-5]$/.test(value)) return undefined;
  return `invalid value ${JSON.stringify(value)} for ${factor} (expected a whole number from 1 to 5)`;
}

function checkQuGroup(value: string): string | undefined {
  if ((QU_GROUPS as readonly string[]).includes(value)) return undefined;
  return `unknown qu_group value ${JSON.stringify(value)} (expected one of ${QU_GROUPS.join(', ')})`;
}

export async function syncEnvironment(ctx: SyncContext, rows: Row<EnvironmentRow>[]): Promise<TableResult> {
  const { tx } = ctx;
  const existing = await tx.environmentFactor.findMany({ select: { id: true, studentId: true, assessedOn: true, factor: true, value: true, note: true } });
  const byKey = new Map(existing.map((e) => [JSON.stringify([e.studentId, e.assessedOn, e.factor]), e]));
  const plan = classify(
    rows,
    byKey,
    (r) => JSON.stringify([r.student_no, r.assessed_on, r.factor]),
    (r, e) => r.value !== e.value || r.note !== e.note,
  );
  await createInBatches(ctx, 'environment', plan.creates, (batch) =>
    tx.environmentFactor.createMany({
      data: batch.map(({ data: r }) => ({ studentId: r.student_no, assessedOn: r.assessed_on, factor: r.factor, value: r.value, note: r.note })),
    }),
  );
  await updateEach(ctx, 'environment', plan.updates, ({ row, existing: e }) =>
    tx.environmentFactor.update({ where: { id: e.id }, data: { value: row.data.value, note: row.data.note } }),
  );
  return result(plan.tally, existing.length + plan.creates.length, rows.length);
}
