// Removes a student from every table in one transaction (a deletion request or the retention
// policy): their records, the earlier versions of their notes, the corrections, the search index
// entries (triggers, or the column's own index), the conversation memories that mention them; the
// audit keeps its history under a tombstone. A failure anywhere leaves everything as it was.
import { forgetStudentRoster } from '../../store/student-repository.ts';
import { tombstoneAuditEvents, newTombstone } from '../../store/records-rights/audit-rows.ts';
import { allMemoryRows, deleteMemoryRows } from '../../store/records-rights/memory-rows.ts';
import { countStudentRows, deleteStudentRows, type StudentRowCounts } from '../../store/records-rights/student-rows.ts';
import { inWriteTransaction, type Tx } from '../../store/records-rights/transaction.ts';
import { prepareErasure } from '../../store/records-rights/erase.ts';
import type { ServiceContext } from '../context.ts';
import { memoryMentions, type MentionTarget } from './memory-mentions.ts';

/** Rows per table that a deletion removes (or, in a report, would remove). */
export interface StudentFootprint extends StudentRowCounts {
  conversationMemory: number;
  /** Audit rows kept, with the student id replaced by the tombstone. */
  auditEventsAnonymised: number;
}

async function mentionTarget(tx: Tx, studentId: string): Promise<MentionTarget | undefined> {
  const student = await tx.student.findUnique({ where: { id: studentId }, select: { id: true, familyName: true, givenName: true, familyNameKana: true, givenNameKana: true } });
  if (!student) return undefined;
  const observations = await tx.observation.findMany({ where: { studentId }, select: { id: true } });
  const plans = await tx.supportPlan.findMany({ where: { studentId }, select: { id: true, actions: { select: { id: true } } } });
  const recordIds = new Set([...observations.map((o) => o.id), ...plans.flatMap((p) => [p.id, ...p.actions.map((a) => a.id)])]);
  return { ...student, recordIds };
}

async function memoryKeysMentioning(tx: Tx, target: MentionTarget): Promise<string[]> {
  return (await allMemoryRows(tx)).filter((row) => memoryMentions(row.state, target)).map((row) => row.key);
}

/** What deleting the student would remove; undefined when there is no such student. */
export async function studentFootprint(tx: Tx, studentId: string): Promise<StudentFootprint | undefined> {
  const target = await mentionTarget(tx, studentId);
  if (!target) return undefined;
  return {
    ...(await countStudentRows(tx, studentId)),
    conversationMemory: (await memoryKeysMentioning(tx, target)).length,
    auditEventsAnonymised: await tx.auditEvent.count({ where: { studentId } }),
  };
}

/**
 * Deletes the student everywhere; undefined when they were not there (already deleted, e.g. by a
 * second instance's retention run). The caller completes the erasure (store/records-rights/erase.ts)
 * once its deletions are done.
 */
export async function eraseStudent(ctx: ServiceContext, studentId: string, by: { actorId: string; intent: string }): Promise<StudentFootprint | undefined> {
  await prepareErasure(ctx.db, ctx.provider);
  const deleted = await inWriteTransaction(ctx.db, ctx.provider, async (tx) => {
    const target = await mentionTarget(tx, studentId);
    if (!target) return undefined;
    const memoryKeys = await memoryKeysMentioning(tx, target);
    const auditEventsAnonymised = await tombstoneAuditEvents(tx, studentId, newTombstone(), target.recordIds, { actorId: by.actorId, at: ctx.now(), intent: by.intent });
    const conversationMemory = await deleteMemoryRows(tx, memoryKeys);
    const rows = await deleteStudentRows(tx, studentId);
    return { ...rows, conversationMemory, auditEventsAnonymised };
  });
  // The roster's change stamp would notice too; this makes the next turn's read certain.
  forgetStudentRoster(ctx.db);
  return deleted;
}
