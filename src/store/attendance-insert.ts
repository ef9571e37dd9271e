// Attendance is most of a school's rows (one per student per school day; a district's year is a
// million), so it is written in bulk: one INSERT ... SELECT over a JSON array per batch, a single
// bound parameter, instead of Prisma's createMany, which spends about 0.14 ms a row building its
// query. Used by the import and by `db copy`.
import type { Prisma } from './generated/sqlite/client.ts';
import type { Provider } from './database.ts';

export interface AttendanceInsertRow {
  studentId: string;
  date: string;
  status: string;
  periodsAttended: number;
  note: string;
}

/** Inserts the rows; returns how many were written. */
export function insertAttendance(tx: Pick<Prisma.TransactionClient, '$executeRaw'>, provider: Provider, rows: readonly AttendanceInsertRow[]): Promise<number> {
  const json = JSON.stringify(rows.map((r) => [r.studentId, r.date, r.status, r.periodsAttended, r.note]));
  return provider === 'sqlite'
    ? tx.$executeRaw`INSERT INTO "Attendance" ("studentId", "date", "status", "periodsAttended", "note")
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(${json})`
    : tx.$executeRaw`INSERT INTO "Attendance" ("studentId", "date", "status", "periodsAttended", "note")
        SELECT r ->> 0, r ->> 1, r ->> 2, (r ->> 3)::int, r ->> 4 FROM json_array_elements(${json}::json) AS r`;
}
