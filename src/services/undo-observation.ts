// Undo: the author takes back an observation they have just saved from chat (SECURITY.md: writes
// are confirmed and reversible). Only a note of their own, saved from chat, unchanged since, and
// within the undo window. A safeguarding note is never undone: the alert has gone out and the
// record of it must stay; it can be corrected instead.
import type { StaffMember } from '../domain/staff.ts';
import { findStudent } from '../store/student-repository.ts';
import type { ServiceContext } from './context.ts';

/** How long after saving a note its author can still take it back with Undo. */
export const UNDO_WINDOW_MS = 30 * 60 * 1000;

export type UndoResult =
  | { kind: 'undone'; studentId: string }
  | { kind: 'not_found' }
  | { kind: 'too_late' }
  | { kind: 'urgent' };

export async function undoObservation(ctx: ServiceContext, staff: StaffMember, observationId: string, intent: string): Promise<UndoResult> {
  const note = await ctx.db.observation.findUnique({ where: { id: observationId }, select: { studentId: true, authorId: true, source: true, concern: true, createdAt: true, version: true } });
  // Someone else's note, or an imported one, is "not found" to this author: no hint of what exists.
  if (!note || note.authorId !== staff.id || note.source !== 'chat') return { kind: 'not_found' };
  const student = await findStudent(ctx.db, note.studentId);
  if (!student) return { kind: 'not_found' };
  await ctx.guard.require({ staff, student, action: 'write', kind: 'observation', intent });
  if (note.concern === 'urgent') return { kind: 'urgent' };
  if (note.version !== 1 || ctx.now().getTime() - note.createdAt.getTime() > UNDO_WINDOW_MS) return { kind: 'too_late' };
  // Deleted only if still exactly as saved: a correction made meanwhile wins over the undo.
  const removed = await ctx.db.observation.deleteMany({ where: { id: observationId, version: 1 } });
  return removed.count === 1 ? { kind: 'undone', studentId: note.studentId } : { kind: 'too_late' };
}
