// Correcting one school day's attendance (status, periods attended, note). Each changed value
// leaves a RecordCorrection row keyed by the date.
import { ATTENDANCE_STATUSES } from '../../domain/school.ts';
import { recordCorrections } from '../../store/records-rights/corrections.ts';
import type { Tx } from '../../store/records-rights/transaction.ts';
import { ATTENDANCE_FIELDS, type AppliedCorrection, type CorrectionMeta, type CorrectionValue } from './correction-types.ts';
import { integer, isoDate, knownFields, oneOf, text } from './correction-values.ts';
import { RecordsRightsError, show } from './errors.ts';

/** The import's range (sample-school README): a school day has up to six periods. */
const MAX_PERIODS = 6;

export async function correctAttendance(tx: Tx, date: string, changes: Readonly<Record<string, CorrectionValue>>, meta: CorrectionMeta): Promise<AppliedCorrection> {
  const day = isoDate('attendance date', date);
  const fields = knownFields('attendance', ATTENDANCE_FIELDS, changes);
  const current = await tx.attendance.findUnique({ where: { studentId_date: { studentId: meta.studentId, date: day } } });
  if (!current) throw new RecordsRightsError('unknown_record', `${meta.studentId} has no attendance record on ${show(day)}`, { studentId: meta.studentId, date: day });

  const next = { status: current.status, periodsAttended: current.periodsAttended, note: current.note };
  for (const [field, value] of fields) {
    if (field === 'status') next.status = oneOf(field, value, ATTENDANCE_STATUSES);
    else if (field === 'periodsAttended') next.periodsAttended = integer(field, value, 0, MAX_PERIODS);
    else next.note = text(field, value, { required: false, max: 1000 });
  }
  // An absence attends no period; anything else keeps the periods unless they are given.
  if (next.status === 'absent' && !('periodsAttended' in changes)) next.periodsAttended = 0;

  const changed = (['status', 'periodsAttended', 'note'] as const).filter((f) => next[f] !== current[f]);
  if (changed.length === 0) throw new RecordsRightsError('no_change', `nothing to correct: ${meta.studentId}'s attendance on ${day} already has these values`, { studentId: meta.studentId, date: day });

  await tx.attendance.update({ where: { studentId_date: { studentId: meta.studentId, date: day } }, data: Object.fromEntries(changed.map((f) => [f, next[f]])) });
  await recordCorrections(
    tx,
    changed.map((f) => ({ studentId: meta.studentId, kind: 'attendance', recordKey: day, field: f, before: String(current[f]), after: String(next[f]), reason: meta.reason, correctedBy: meta.actorId, correctedAt: meta.at })),
  );
  return { kind: 'attendance', recordKey: day, fields: changed };
}
