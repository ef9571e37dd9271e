// Services reach records only through the guard: it asks the policy and writes the audit event
// in one step, so no read or write can skip either.
import type { AuditLog } from './audit.ts';
import { decide, type AccessAction, type AccessDecision, type RecordKind, type StaffMember, type StudentRef } from './policy.ts';

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

export class AccessGuard {
  constructor(private readonly audit: AuditLog) {}

  /** Decides and audits. Use when a denial is an ordinary outcome (e.g. leaving a section out). */
  async check(request: AccessRequest): Promise<AccessDecision> {
    const decision = decide(request.staff, request.action, request.student, request.kind);
    await this.audit.record({
      actorId: request.staff.id,
      studentId: request.student.id,
      action: request.action,
      kind: request.kind,
      intent: request.intent,
      result: decision.allowed ? 'allowed' : 'denied',
      reason: decision.allowed ? undefined : decision.reason,
    });
    return decision;
  }

  /** Decides and audits; throws AccessDeniedError when denied. */
  async require(request: AccessRequest): Promise<void> {
    const decision = await this.check(request);
    if (!decision.allowed) throw new AccessDeniedError(decision.reason);
  }
}
