// assessments_big5.csv: one Big Five result per student, date and instrument.
import { z } from 'zod';
import { decimal, identifier, isoDate, shortText } from '../fields.ts';
import { classify, createInBatches, result, updateEach, type SyncContext, type TableResult } from '../sync.ts';
import type { Row } from '../table.ts';

const trait = (name: string) => decimal(name, 1, 5);

export const bigFiveSchema = z.object({
  student_no: identifier('student_no'),
  assessed_on: isoDate,
  // Part of the result's unique key, so indexed (fields.ts, shortText).
  instrument: shortText(100, { required: true }),
  openness: trait('openness'),
  conscientiousness: trait('conscientiousness'),
  extraversion: trait('extraversion'),
  agreeableness: trait('agreeableness'),
  neuroticism: trait('neuroticism'),
});
export type BigFiveRow = z.output<typeof bigFiveSchema>;
export const bigFiveKey = ['student_no', 'assessed_on', 'instrument'] as const;

const TRAITS = ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'] as const;

export async function syncBigFive(ctx: SyncContext, rows: Row<BigFiveRow>[]): Promise<TableResult> {
  const { tx } = ctx;
  const existing = await tx.bigFiveResult.findMany();
  const byKey = new Map(existing.map((e) => [JSON.stringify([e.studentId, e.assessedOn, e.instrument]), e]));
  const plan = classify(
    rows,
    byKey,
    (r) => JSON.stringify([r.student_no, r.assessed_on, r.instrument]),
    (r, e) => TRAITS.some((t) => r[t] !== e[t]),
  );
  const traits = (r: BigFiveRow) => ({
    openness: r.openness,
    conscientiousness: r.conscientiousness,
    extraversion: r.extraversion,
    agreeableness: r.agreeableness,
    neuroticism: r.neuroticism,
  });
  await createInBatches(ctx, 'big five', plan.creates, (batch) =>
    tx.bigFiveResult.createMany({
      data: batch.map(({ data: r }) => ({ studentId: r.student_no, assessedOn: r.assessed_on, instrument: r.instrument, ...traits(r) })),
    }),
  );
  await updateEach(ctx, 'big five', plan.updates, ({ row, existing: e }) => tx.bigFiveResult.update({ where: { id: e.id }, data: traits(row.data) }));
  return result(plan.tally, existing.length + plan.creates.length, rows.length);
}
