import type { AuditEntry, AuditLog } from '../access/audit.ts';
import type { Db } from './database.ts';

/** Writes audit events to the AuditEvent table. */
export function createAuditLog(db: Db, now: () => Date): AuditLog {
  const row = (entry: AuditEntry, at: Date) => ({
    at,
    actorId: entry.actorId,
    studentId: entry.studentId ?? null,
    action: entry.action,
    kind: entry.kind,
    intent: entry.intent,
    result: entry.result,
    reason: entry.reason ?? '',
  });
  return {
    async record(entry) {
      await db.auditEvent.create({ data: row(entry, now()) });
    },
    async recordMany(entries) {
      if (entries.length === 0) return;
      const at = now();
      await db.auditEvent.createMany({ data: entries.map((e) => row(e, at)) });
    },
  };
}
