// competencies.csv: one rating of one competency by one rater (self, peer or teacher).
import { z } from 'zod';
import { RATERS } from '../../../domain/school.ts';
import { identifier, integer, isoDate, oneOf } from '../fields.ts';
import { classify, createInBatches, result, updateEach, type SyncContext, type TableResult } from '../sync.ts';
import type { Row } from '../table.ts';

export const competencySchema = z.object({
  student_no: identifier('student_no'),
  assessed_on: isoDate,
  competency: identifier('competency'),
  score: integer('score', 1, 5),
  rater: oneOf('rater', RATERS),
});
export type CompetencyRow = z.output<typeof competencySchema>;
export const competencyKey = ['student_no', 'assessed_on', 'competency', 'rater'] as const;

export async function syncCompetencies(ctx: SyncContext, rows: Row<CompetencyRow>[]): Promise<TableResult> {
  const { tx } = ctx;
  const existing = await tx.competencyRating.findMany({ select: { id: true, studentId: true, assessedOn: true, competency: true, rater: true, score: true } });
  const byKey = new Map(existing.map((e) => [JSON.stringify([e.studentId, e.assessedOn, e.competency, e.rater]), e]));
  const plan = classify(
    rows,
    byKey,
    (r) => JSON.stringify([r.student_no, r.assessed_on, r.competency, r.rater]),
    (r, e) => r.score !== e.score,
  );
  await createInBatches(ctx, 'competencies', plan.creates, (batch) =>
    tx.competencyRating.createMany({
      data: batch.map(({ data: r }) => ({ studentId: r.student_no, assessedOn: r.assessed_on, competency: r.competency, rater: r.rater, score: r.score })),
    }),
  );
  await updateEach(ctx, 'competencies', plan.updates, ({ row, existing: e }) =>
    tx.competencyRating.update({ where: { id: e.id }, data: { score: row.data.score } }),
  );
  return result(plan.tally, existing.length + plan.creates.length, rows.length);
}
