// Services reach records only through the guard: it asks the policy and writes the audit event
// in one step, so no read or write can skip either.
import type { AuditEntry, AuditLog } from './audit.ts';
import { decide, mayReadAudit, type AccessAction, type AccessDecision, type RecordKind, type StaffMember, type StudentRef } from './policy.ts';

export class AccessDeniedError extends Error {
  override name = 'AccessDeniedError';
  constructor(readonly reason: string) {
    super(`access denied: ${reason}`);
  }
}

export interface AccessRequest {
  staff: StaffMember;
  action: AccessAction;
  student: StudentRef;
  kind: RecordKind;
  intent: string;
}

function toEntry(request: AccessRequest, decision: AccessDecision): AuditEntry {
  return {
    actorId: request.staff.id,
    studentId: request.student.id,
    action: request.action,
    kind: request.kind,
    intent: request.intent,
    result: decision.allowed ? 'allowed' : 'denied',
    reason: decision.allowed ? undefined : decision.reason,
  };
}

export class AccessGuard {
  constructor(private readonly audit: AuditLog) {}

  /** Decides and audits. Use when a denial is an ordinary outcome (e.g. leaving a section out). */
  async check(request: AccessRequest): Promise<AccessDecision> {
    const decision = decide(request.staff, request.action, request.student, request.kind);
    await this.audit.record(toEntry(request, decision));
    return decision;
  }

  /** Decides many requests and audits them in one write (a list over a class or the school). */
  async checkMany(requests: readonly AccessRequest[]): Promise<AccessDecision[]> {
    const decisions = requests.map((r) => decide(r.staff, r.action, r.student, r.kind));
    await this.audit.recordMany(requests.map((r, i) => toEntry(r, decisions[i]!)));
    return decisions;
  }

  /** Decides and audits; throws AccessDeniedError when denied. */
  async require(request: AccessRequest): Promise<void> {
    const decision = await this.check(request);
    if (!decision.allowed) throw new AccessDeniedError(decision.reason);
  }

  /**
   * Reading the audit trail itself (policy: mayReadAudit). Decides, runs `read` only when allowed,
   * and audits the attempt as a read of kind 'audit' either way. An allowed read is audited after
   * it ran (so an answer never lists its own access) and before its result is handed back (so a
   * failed audit write means no answer).
   */
  async readAuditTrail<T>(request: AuditTrailRequest, read: () => Promise<T>): Promise<{ allowed: true; value: T } | { allowed: false; reason: 'kind_not_permitted' }> {
    const entry = { actorId: request.staff.id, ...(request.studentId ? { studentId: request.studentId } : {}), action: 'read' as const, kind: 'audit' as const, intent: request.intent };
    if (!mayReadAudit(request.staff)) {
      await this.audit.record({ ...entry, result: 'denied', reason: 'kind_not_permitted' });
      return { allowed: false, reason: 'kind_not_permitted' };
    }
    const value = await read();
    await this.audit.record({ ...entry, result: 'allowed' });
    return { allowed: true, value };
  }
}

export interface AuditTrailRequest {
  staff: StaffMember;
  /** The student whose trail is read, when there is one. */
  studentId?: string;
  intent: string;
}
