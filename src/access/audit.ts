// Every read or write of a student's records, allowed or denied, leaves an audit event
// (SECURITY.md: every access is audited). An entry never carries note text or names.
import type { AccessAction, RecordKind } from './policy.ts';

export interface AuditEntry {
  /** Staff id, or `platform:<id>` for someone the school has not registered. */
  actorId: string;
  studentId?: string;
  action: AccessAction | 'search';
  /** The kind of record; 'audit' for a read of the audit trail itself. */
  kind: RecordKind | 'audit';
  /** The intent that caused the access, e.g. ask_about_student. */
  intent: string;
  result: 'allowed' | 'denied';
  reason?: string;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /** Many entries in one write, for a list over a whole class or school. */
  recordMany(entries: readonly AuditEntry[]): Promise<void>;
}
