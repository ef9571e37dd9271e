// observations*.csv: staff notes in plain language. Imported notes get the same safeguarding
// screen and categories (health, family, ...) as notes written in chat, so digests can count them
// and the nurse sees the health notes; the author's role decides who may read them. A corrected
// text never destroys the earlier one: it moves to ObservationRevision and the version goes up.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defaultVisibility } from '../../../access/policy.ts';
import { mentionsSafeguardingConcern } from '../../../analysis/safeguarding.ts';
import { schoolLocalTimeToInstant } from '../../../domain/dates.ts';
import { formatCategories, OBSERVATION_CATEGORIES, parseCategories, type ObservationCategory } from '../../../domain/school.ts';
import { categorise } from '../../../domain/categories/categorise.ts';
import { identifier, localDateTime, requiredText } from '../fields.ts';
import { classify, createInBatches, result, updateEach, type SyncContext, type TableResult } from '../sync.ts';
import type { Row } from '../table.ts';

export const observationSchema = z.object({
  observed_at: localDateTime,
  student_no: identifier('student_no'),
  author_staff_id: identifier('staff_id'),
  text: requiredText,
});
export type ObservationRow = z.output<typeof observationSchema>;
export const observationKey = ['observed_at', 'student_no', 'author_staff_id'] as const;

export const observationImportKey = (r: ObservationRow) => `${r.observed_at}|${r.student_no}|${r.author_staff_id}`;

interface Current {
  id: string;
  text: string;
  categories: string;
  setting: string | null;
  mood: string | null;
  concern: string;
  visibility: string;
  version: number;
}

/** What the words of a note say it is about (the same vocabulary as notes written in chat). */
function derivedCategories(text: string, urgent: boolean): ObservationCategory[] {
  return categorise(text, urgent);
}

/**
 * Categories and concern follow the text, but only what was derived from the old text is taken
 * back: a category or concern a person set in chat survives a corrected text.
 */
export function afterTextChange(current: Current, text: string): { categories: string; concern: string } {
  const before = mentionsSafeguardingConcern(current.text);
  const now = mentionsSafeguardingConcern(text);
  const derivedBefore = new Set(derivedCategories(current.text, before));
  const kept = parseCategories(current.categories).filter((c) => !derivedBefore.has(c));
  const categories = OBSERVATION_CATEGORIES.filter((c) => kept.includes(c) || derivedCategories(text, now).includes(c));
  const concern = now ? 'urgent' : before ? 'none' : current.concern;
  return { categories: formatCategories(categories), concern };
}

export async function syncObservations(ctx: SyncContext, rows: Row<ObservationRow>[]): Promise<TableResult> {
  const { tx } = ctx;
  const existing = await tx.observation.findMany({
    where: { importKey: { not: null } },
    select: { id: true, importKey: true, text: true, categories: true, setting: true, mood: true, concern: true, visibility: true, version: true },
  });
  const byKey = new Map(existing.map((e) => [e.importKey!, e]));
  const plan = classify(rows, byKey, observationImportKey, (r, e) => r.text !== e.text);

  await createInBatches(ctx, 'observations', plan.creates, (batch) =>
    tx.observation.createMany({
      data: batch.map(({ data: r }) => {
        const urgent = mentionsSafeguardingConcern(r.text);
        return {
          id: randomUUID(),
          studentId: r.student_no,
          authorId: r.author_staff_id,
          observedAt: schoolLocalTimeToInstant(r.observed_at),
          text: r.text,
          categories: formatCategories(derivedCategories(r.text, urgent)),
          concern: urgent ? 'urgent' : 'none',
          visibility: defaultVisibility(ctx.staffRoles.get(r.author_staff_id)!),
          source: 'import',
          importKey: observationImportKey(r),
        };
      }),
    }),
  );

  await createInBatches(ctx, 'observation revisions', plan.updates, (batch) =>
    tx.observationRevision.createMany({
      data: batch.map(({ existing: e }) => ({
        observationId: e.id,
        version: e.version,
        text: e.text,
        categories: e.categories,
        setting: e.setting,
        mood: e.mood,
        concern: e.concern,
        visibility: e.visibility,
        replacedById: null,
      })),
    }),
  );
  await updateEach(ctx, 'observations', plan.updates, ({ row, existing: e }) =>
    tx.observation.update({
      where: { id: e.id },
      data: { text: row.data.text, ...afterTextChange(e, row.data.text), version: e.version + 1 },
    }),
  );
  return { ...result(plan.tally, existing.length + plan.creates.length, rows.length), revisions: plan.updates.length };
}
