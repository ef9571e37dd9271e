// attendance.csv: one student on one school day. A school re-exports the whole year every time,
// so most rows are unchanged; only the date range of the file is loaded to compare against.
import { z } from 'zod';
import { ATTENDANCE_STATUSES } from '../../../domain/school.ts';
import { identifier, integer, isoDate, oneOf, optionalText } from '../fields.ts';
import { classify, createInBatches, result, updateEach, type SyncContext, type TableResult } from '../sync.ts';
import type { Row } from '../table.ts';

export const attendanceSchema = z.object({
  date: isoDate,
  student_no: identifier('student_no'),
  status: oneOf('status', ATTENDANCE_STATUSES),
  periods_attended: integer('periods_attended', 0, 6),
  note: optionalText,
});
export type AttendanceRow = z.output<typeof attendanceSchema>;
export const attendanceKey = ['date', 'student_no'] as const;

export async function syncAttendance(ctx: SyncContext, rows: Row<AttendanceRow>[]): Promise<TableResult> {
  const { tx } = ctx;
  let from = '9999-12-31';
  let to = '0000-01-01';
  for (const { data } of rows) {
    if (data.date < from) from = data.date;
    if (data.date > to) to = data.date;
  }
  const existing = await tx.attendance.findMany({
    where: { date: { gte: from, lte: to } },
    select: { studentId: true, date: true, status: true, periodsAttended: true, note: true },
  });
  const byKey = new Map(existing.map((e) => [`${e.studentId}|${e.date}`, e]));
  const plan = classify(
    rows,
    byKey,
    (r) => `${r.student_no}|${r.date}`,
    (r, e) => r.status !== e.status || r.periods_attended !== e.periodsAttended || r.note !== e.note,
  );
  await createInBatches(ctx, 'attendance', plan.creates, (batch) =>
    tx.attendance.createMany({
      data: batch.map(({ data: r }) => ({ studentId: r.student_no, date: r.date, status: r.status, periodsAttended: r.periods_attended, note: r.note })),
    }),
  );
  await updateEach(ctx, 'attendance', plan.updates, ({ row: { data: r } }) =>
    tx.attendance.update({
      where: { studentId_date: { studentId: r.student_no, date: r.date } },
      data: { status: r.status, periodsAttended: r.periods_attended, note: r.note },
    }),
  );
  return result(plan.tally, await tx.attendance.count(), rows.length);
}
