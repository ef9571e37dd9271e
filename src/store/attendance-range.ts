// The span of the school year that has attendance recorded.
import type { Db } from './database.ts';

/** The first and last dates the school has recorded attendance for in [from, to]. */
export async function recordedAttendanceRange(db: Db, from: string, to: string): Promise<{ first?: string; last?: string }> {
  // Two index seeks: MIN/MAX with a range filter would scan the whole year's rows of the index.
  const where = { date: { gte: from, lte: to } };
  const [first, last] = await Promise.all([
    db.attendance.findFirst({ where, orderBy: { date: 'asc' }, select: { date: true } }),
    db.attendance.findFirst({ where, orderBy: { date: 'desc' }, select: { date: true } }),
  ]);
  return { first: first?.date, last: last?.date };
}
