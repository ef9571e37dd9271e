// A deletion request (APPI art. 35): everything about the student is removed, and the bot then
// knows nothing of them: their name resolves to nobody, and a question about them is answered as
// about a name the school never had. Admins only; the student number must be typed again as
// confirmation.
import type { StaffMember } from '../../domain/staff.ts';
import { completeErasure } from '../../store/records-rights/erase.ts';
import type { ServiceContext } from '../context.ts';
import { authoriseRecordsRights, RECORDS_RIGHTS_INTENTS } from './authorise.ts';
import { eraseStudent, type StudentFootprint } from './erase-student.ts';
import { RecordsRightsError, show } from './errors.ts';

export interface StudentDeletion {
  studentId: string;
  /** Rows removed per table (and audit rows anonymised). */
  deleted: StudentFootprint;
  /** False when the SQLite file could not yet be compacted (a reader held it); the rows are deleted either way. */
  erasedFromFile: boolean;
}

export async function deleteStudent(ctx: ServiceContext, actor: StaffMember, studentId: string, confirmation: string): Promise<StudentDeletion> {
  const intent = RECORDS_RIGHTS_INTENTS.deletion;
  await authoriseRecordsRights(ctx, actor, { action: 'write', intent, studentId });
  if (confirmation !== studentId) {
    throw new RecordsRightsError('confirmation_mismatch', `the confirmation ${show(confirmation)} is not the student number ${show(studentId)}: nothing was deleted`, { studentId, confirmation });
  }
  const deleted = await eraseStudent(ctx, studentId, { actorId: actor.id, intent });
  if (!deleted) throw new RecordsRightsError('unknown_student', `no student with student_no ${show(studentId)}`, { studentId });
  return { studentId, deleted, erasedFromFile: await completeErasure(ctx.db, ctx.provider) };
}
