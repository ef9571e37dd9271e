import type { AuditEntry, AuditLog } from '../access/audit.ts';
import type { Database, Db } from './database.ts';

/**
 * Writes audit events to the AuditEvent table. A whole-school list or the week's digests audit
 * thousands of reads at once: those go in as one INSERT ... SELECT over a JSON array, a single
 * bound parameter however many rows (createMany spends about 0.3 ms a row building queries).
 * Reads of several kinds of one student's records in one decision (a digest reads attendance,
 * notes and plans together) share a row whose kind lists them, comma-separated: the same facts in
 * a third of the rows, since the insert's cost follows the row count (45,000 a week for a
 * 1,000-student school's digests otherwise).
 */
export function createAuditLog({ db, provider }: Pick<Database, 'db' | 'provider'>, now: () => Date): AuditLog {
  const columns = (entry: AuditEntry) => [entry.actorId, entry.studentId ?? null, entry.action, entry.kind, entry.intent, entry.result, entry.reason ?? ''];
  return {
    async record(entry) {
      const [actorId, studentId, action, kind, intent, result, reason] = columns(entry) as [string, string | null, string, string, string, string, string];
      await db.auditEvent.create({ data: { at: now(), actorId, studentId, action, kind, intent, result, reason } });
    },
    async recordMany(entries) {
      if (entries.length === 0) return;
      const at = now();
      const rows = JSON.stringify(mergeKinds(entries).map(columns));
      if (provider === 'sqlite') {
        await db.$executeRaw`INSERT INTO "AuditEvent" ("at", "actorId", "studentId", "action", "kind", "intent", "result", "reason")
          SELECT ${at}, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6 FROM json_each(${rows})`;
      } else {
        await db.$executeRaw`INSERT INTO "AuditEvent" ("at", "actorId", "studentId", "action", "kind", "intent", "result", "reason")
          SELECT ${at}, r ->> 0, r ->> 1, r ->> 2, r ->> 3, r ->> 4, r ->> 5, r ->> 6 FROM json_array_elements(${rows}::json) AS r`;
      }
    },
  };
}

/** One audit row as stored. */
export interface AuditEventRow {
  id: number;
  at: Date;
  actorId: string;
  studentId: string | null;
  action: string;
  kind: string;
  intent: string;
  result: string;
  reason: string;
}

export interface AuditEventQuery {
  /** Events about this student (a student's trail). */
  studentId?: string;
  /** Events by this actor (what one staff member did). */
  actorId?: string;
  /** From this instant, inclusive. */
  from?: Date;
  /** Up to this instant, exclusive. */
  before?: Date;
  limit: number;
}

/**
 * Audit events by student and/or actor within a time range, newest first (the indexes on
 * [studentId, at] and [actorId, at] serve both).
 */
export async function findAuditEvents(db: Db, query: AuditEventQuery): Promise<AuditEventRow[]> {
  const at = { ...(query.from ? { gte: query.from } : {}), ...(query.before ? { lt: query.before } : {}) };
  return db.auditEvent.findMany({
    where: {
      ...(query.studentId !== undefined ? { studentId: query.studentId } : {}),
      ...(query.actorId !== undefined ? { actorId: query.actorId } : {}),
      ...(query.from || query.before ? { at } : {}),
    },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: query.limit,
  });
}

/** Entries alike but for their kind become one entry listing the kinds, in first-seen order. */
function mergeKinds(entries: readonly AuditEntry[]): AuditEntry[] {
  const merged = new Map<string, AuditEntry>();
  for (const entry of entries) {
    const key = `${entry.actorId}\u0000${entry.studentId ?? ''}\u0000${entry.action}\u0000${entry.intent}\u0000${entry.result}\u0000${entry.reason ?? ''}`;
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...entry });
    else if (!seen.kind.split(',').includes(entry.kind)) seen.kind = `${seen.kind},${entry.kind}` as AuditEntry['kind'];
  }
  return [...merged.values()];
}
