// RecordCorrection rows: the history of a corrected profile or attendance value.
import type { Tx } from './transaction.ts';

export interface CorrectionRow {
  studentId: string;
  kind: 'profile' | 'attendance';
  recordKey: string;
  field: string;
  before: string | null;
  after: string | null;
  reason: string;
  correctedBy: string;
  correctedAt: Date;
}

export async function recordCorrections(tx: Tx, rows: readonly CorrectionRow[]): Promise<void> {
  if (rows.length > 0) await tx.recordCorrection.createMany({ data: [...rows] });
}
