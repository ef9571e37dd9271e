// The students a retention rule reaches: those who left on or before a cutoff date.
import type { Tx } from './transaction.ts';

export async function studentsLeftOnOrBefore(tx: Tx, cutoff: string): Promise<string[]> {
  const rows = await tx.student.findMany({ where: { leftOn: { not: null, lte: cutoff } }, select: { id: true }, orderBy: { id: 'asc' } });
  return rows.map((r) => r.id);
}
