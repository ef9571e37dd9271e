// attendance.csv: one student on one school day. A school re-exports the whole year every time,
// so most rows are unchanged; only the date range of the file is loaded to compare against.
import { z } from 'zod';
import { ATTENDANCE_STATUSES } from '../../../domain/school.ts';
import { identifier, integer, isoDate, oneOf, optionalText } from '../fields.ts';
import { classify, createInBatches, result, updateEach, type SyncContext, type TableResult } from '../sync.ts';
import type { Row } from '../table.ts';
import { insertAttendance } from '../../attendance-insert.ts';

export const attendanceSchema = z.object({
  date: isoDate,
  student_no: identifier('student_no'),
  status: oneOf('status', ATTENDANCE_STATUSES),
  periods_attended: integer('periods_attended', 0, 6),
  note: optionalText,
});
export type AttendanceRow = z.output<typeof attendanceSchema>;
export const attendanceKey = ['date', 'student_no'] as const;

interface ExistingDay {
  status: string;
  periodsAttended: number;
  note: string;
}

/**
 * The days already stored in the export's date range, one JSON array per student: re-importing a
 * year is the daily case, and Prisma's cost is per row and cell (a million rows took seconds).
 */
function existingDays({ tx, provider }: SyncContext, from: string, to: string): Promise<{ studentId: string; days: string }[]> {
  return provider === 'sqlite'
    ? tx.$queryRaw`SELECT "studentId", json_group_array(json_array("date", "status", "periodsAttended", "note")) AS "days"
        FROM "Attendance" WHERE "date" >= ${from} AND "date" <= ${to} GROUP BY "studentId"`
    : tx.$queryRaw`SELECT "studentId", json_agg(json_build_array("date", "status", "periodsAttended", "note"))::text AS "days"
        FROM "Attendance" WHERE "date" >= ${from} AND "date" <= ${to} GROUP BY "studentId"`;
}

export async function syncAttendance(ctx: SyncContext, rows: Row<AttendanceRow>[]): Promise<TableResult> {
  const { tx } = ctx;
  let from = '9999-12-31';
  let to = '0000-01-01';
  for (const { data } of rows) {
    if (data.date < from) from = data.date;
    if (data.date > to) to = data.date;
  }
  const byKey = new Map<string, ExistingDay>();
  for (const { studentId, days } of await existingDays(ctx, from, to)) {
    for (const [date, status, periodsAttended, note] of JSON.parse(days) as [string, string, number, string][]) byKey.set(`${studentId}|${date}`, { status, periodsAttended, note });
  }
  const plan = classify(
    rows,
    byKey,
    (r) => `${r.student_no}|${r.date}`,
    (r, e) => r.status !== e.status || r.periods_attended !== e.periodsAttended || r.note !== e.note,
  );
  // In bulk (store/attendance-insert.ts): 100,000 new rows took 13.8 s through createMany, now ~1 s.
  await createInBatches(ctx, 'attendance', plan.creates, (batch) =>
    insertAttendance(tx, ctx.provider, batch.map(({ data: r }) => ({ studentId: r.student_no, date: r.date, status: r.status, periodsAttended: r.periods_attended, note: r.note }))),
  );
  await updateEach(ctx, 'attendance', plan.updates, ({ row: { data: r } }) =>
    tx.attendance.update({
      where: { studentId_date: { studentId: r.student_no, date: r.date } },
      data: { status: r.status, periodsAttended: r.periods_attended, note: r.note },
    }),
  );
  return result(plan.tally, await tx.attendance.count(), rows.length);
}
