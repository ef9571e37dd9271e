// Audit rows written inside a records-rights transaction, so the audit says exactly what was
// changed or deleted, and nothing is changed without it (SECURITY.md: every access is audited).
import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../../access/audit.ts';
import type { Tx } from './transaction.ts';

export async function recordAuditRows(tx: Tx, entries: readonly AuditEntry[], at: Date): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditEvent.createMany({
    data: entries.map((e) => ({ at, actorId: e.actorId, studentId: e.studentId ?? null, action: e.action, kind: e.kind, intent: e.intent, result: e.result, reason: e.reason ?? '' })),
  });
}

/** The audit's stand-in for a deleted student: random, so nothing leads back to the student number. */
export function newTombstone(): string {
  return `deleted:${randomUUID()}`;
}

/**
 * A deleted student's audit history stays (who read what, when), but no longer names them: every
 * row's student id becomes the tombstone, a reason naming one of their records (a corrected note's
 * id) names a deleted record instead, and one more row records the deletion itself. That row
 * carries no personal data: who deleted, when, and why in the form of a code (`intent`).
 */
export async function tombstoneAuditEvents(
  tx: Tx,
  studentId: string,
  tombstone: string,
  recordIds: ReadonlySet<string>,
  deletion: { actorId: string; at: Date; intent: string },
): Promise<number> {
  const reasons = await tx.auditEvent.findMany({ where: { studentId, reason: { not: '' } }, select: { id: true, reason: true } });
  for (const row of reasons) {
    const scrubbed = [...recordIds].reduce((text, id) => text.split(id).join('[deleted record]'), row.reason);
    if (scrubbed !== row.reason) await tx.auditEvent.update({ where: { id: row.id }, data: { reason: scrubbed } });
  }
  const anonymised = await tx.$executeRaw`UPDATE "AuditEvent" SET "studentId" = ${tombstone} WHERE "studentId" = ${studentId}`;
  await tx.auditEvent.create({
    data: { at: deletion.at, actorId: deletion.actorId, studentId: tombstone, action: 'delete', kind: 'student', intent: deletion.intent, result: 'allowed', reason: '' },
  });
  return anonymised;
}
