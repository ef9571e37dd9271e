// support_plans.csv: a support measure and its outcome so far. The outcome and status change
// between exports as the plan is reviewed; those rows are updated in place by natural key.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { PLAN_STATUSES } from '../../../domain/school.ts';
import { identifier, integer, isoDate, oneOf, optionalText, requiredText, shortText } from '../fields.ts';
import { classify, createInBatches, result, updateEach, type SyncContext, type TableResult } from '../sync.ts';
import type { Row } from '../table.ts';

export const supportPlanSchema = z.object({
  student_no: identifier('student_no'),
  started_on: isoDate,
  tier: integer('tier', 1, 3),
  goal: requiredText,
  // Part of the plan's import key (student, start, strategy), which is indexed (fields.ts, shortText).
  strategy: shortText(500, { required: true }),
  owner_staff_id: identifier('staff_id'),
  review_on: isoDate,
  status: oneOf('status', PLAN_STATUSES),
  outcome: optionalText,
});
export type SupportPlanRow = z.output<typeof supportPlanSchema>;
export const supportPlanKey = ['student_no', 'started_on', 'strategy'] as const;

export const supportPlanImportKey = (r: SupportPlanRow) => `${r.student_no}|${r.started_on}|${r.strategy}`;

const fields = (r: SupportPlanRow) => ({
  tier: r.tier,
  goal: r.goal,
  ownerId: r.owner_staff_id,
  reviewOn: r.review_on,
  status: r.status,
  outcome: r.outcome,
});

export async function syncSupportPlans(ctx: SyncContext, rows: Row<SupportPlanRow>[]): Promise<TableResult> {
  const { tx } = ctx;
  const existing = await tx.supportPlan.findMany({
    where: { importKey: { not: null } },
    select: { id: true, importKey: true, tier: true, goal: true, ownerId: true, reviewOn: true, status: true, outcome: true },
  });
  const byKey = new Map(existing.map((e) => [e.importKey!, e]));
  const plan = classify(rows, byKey, supportPlanImportKey, (r, e) => {
    const next = fields(r);
    return (Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== e[k]);
  });
  await createInBatches(ctx, 'support plans', plan.creates, (batch) =>
    tx.supportPlan.createMany({
      data: batch.map(({ data: r }) => ({
        id: randomUUID(),
        studentId: r.student_no,
        startedOn: r.started_on,
        strategy: r.strategy,
        importKey: supportPlanImportKey(r),
        ...fields(r),
      })),
    }),
  );
  await updateEach(ctx, 'support plans', plan.updates, ({ row, existing: e }) => tx.supportPlan.update({ where: { id: e.id }, data: fields(row.data) }));
  return result(plan.tally, existing.length + plan.creates.length, rows.length);
}
