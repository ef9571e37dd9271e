// A correction request (APPI art. 34): the student's profile, an attendance day or an observation
// is corrected and the earlier value kept (RecordCorrection; ObservationRevision for notes).
// Admins only; a reason is required. Every correction of one request is applied in one
// transaction with its audit rows: an unknown student, record or field, or a bad value anywhere,
// writes nothing at all.
import type { RecordKind } from '../../access/policy.ts';
import type { StaffMember } from '../../domain/staff.ts';
import { recordAuditRows } from '../../store/records-rights/audit-rows.ts';
import { inWriteTransaction, type Tx } from '../../store/records-rights/transaction.ts';
import type { ServiceContext } from '../context.ts';
import { authoriseRecordsRights, RECORDS_RIGHTS_INTENTS } from './authorise.ts';
import { correctAttendance } from './correct-attendance.ts';
import { correctObservation } from './correct-observation.ts';
import { correctProfile } from './correct-profile.ts';
import type { AppliedCorrection, Correction, CorrectionMeta, CorrectionResult } from './correction-types.ts';
import { text } from './correction-values.ts';
import { RecordsRightsError, show } from './errors.ts';

const AUDIT_KIND: Record<Correction['kind'], RecordKind> = { profile: 'profile', attendance: 'attendance', observation: 'observation' };

function apply(tx: Tx, correction: Correction, meta: CorrectionMeta): Promise<AppliedCorrection> {
  switch (correction.kind) {
    case 'profile':
      return correctProfile(tx, correction.changes, meta);
    case 'attendance':
      return correctAttendance(tx, correction.date, correction.changes, meta);
    case 'observation':
      return correctObservation(tx, correction.observationId, correction.changes, meta);
  }
}

export async function correctStudentRecords(ctx: ServiceContext, actor: StaffMember, studentId: string, corrections: readonly Correction[], reason: string): Promise<CorrectionResult> {
  const intent = RECORDS_RIGHTS_INTENTS.correction;
  await authoriseRecordsRights(ctx, actor, { action: 'write', intent, studentId, kind: AUDIT_KIND[corrections[0]?.kind ?? 'profile'] });
  if (reason.trim() === '') throw new RecordsRightsError('reason_required', 'a correction needs a reason (why the record was wrong)');
  const why = text('reason', reason, { required: true, max: 1000 });
  if (corrections.length === 0) throw new RecordsRightsError('no_change', 'nothing to correct: name a field to change');

  const applied = await inWriteTransaction(ctx.db, ctx.provider, async (tx) => {
    if (!(await tx.student.findUnique({ where: { id: studentId }, select: { id: true } }))) {
      throw new RecordsRightsError('unknown_student', `no student with student_no ${show(studentId)}`, { studentId });
    }
    const meta: CorrectionMeta = { studentId, actorId: actor.id, at: ctx.now(), reason: why };
    const done: AppliedCorrection[] = [];
    // One after another: a later correction of the same record sees the earlier one.
    for (const correction of corrections) done.push(await apply(tx, correction, meta));
    // Field names and record keys only: never the values or the reason, which can quote the record,
    // nor the student number (a deletion replaces the student id column, not the text).
    await recordAuditRows(
      tx,
      done.map((a) => ({ actorId: actor.id, studentId, action: 'write' as const, kind: AUDIT_KIND[a.kind], intent, result: 'allowed' as const, reason: `${a.kind === 'profile' ? 'profile' : a.recordKey}: ${a.fields.join(',')}` })),
      meta.at,
    );
    return done;
  });
  return { studentId, applied };
}
