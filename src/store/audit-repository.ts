import type { AuditEntry, AuditLog } from '../access/audit.ts';
import type { Db } from './database.ts';

/** Writes audit events to the AuditEvent table. */
export function createAuditLog(db: Db, now: () => Date): AuditLog {
  return {
    async record(entry: AuditEntry) {
      await db.auditEvent.create({
        data: {
          at: now(),
          actorId: entry.actorId,
          studentId: entry.studentId ?? null,
          action: entry.action,
          kind: entry.kind,
          intent: entry.intent,
          result: entry.result,
          reason: entry.reason ?? '',
        },
      });
    },
  };
}
