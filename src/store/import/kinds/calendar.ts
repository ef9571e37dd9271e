// calendar.csv: holidays, breaks and events. Every column is part of the key, so a row is either
// new or already there; a changed label is a different entry.
import { z } from 'zod';
import { CALENDAR_KINDS } from '../../../domain/school.ts';
import { isoDate, oneOf, shortText } from '../fields.ts';
import { classify, createInBatches, result, type SyncContext, type TableResult } from '../sync.ts';
import type { Row } from '../table.ts';

export const calendarSchema = z.object({
  date: isoDate,
  kind: oneOf('kind', CALENDAR_KINDS),
  // Part of the entry's unique key, so indexed (fields.ts, shortText).
  label: shortText(200, { required: false }),
});
export type CalendarRow = z.output<typeof calendarSchema>;
export const calendarKey = ['date', 'kind', 'label'] as const;

const keyOf = (date: string, kind: string, label: string) => JSON.stringify([date, kind, label]);

export async function syncCalendar(ctx: SyncContext, rows: Row<CalendarRow>[]): Promise<TableResult> {
  const { tx } = ctx;
  const existing = await tx.calendarEntry.findMany({ select: { date: true, kind: true, label: true } });
  const byKey = new Map(existing.map((e) => [keyOf(e.date, e.kind, e.label), e]));
  const plan = classify(rows, byKey, (r) => keyOf(r.date, r.kind, r.label), () => false);
  await createInBatches(ctx, 'calendar', plan.creates, (batch) => tx.calendarEntry.createMany({ data: batch.map(({ data }) => data) }));
  return result(plan.tally, existing.length + plan.creates.length, rows.length);
}
