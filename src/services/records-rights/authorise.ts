// Only admins exercise records rights (access/policy.ts, mayExerciseRecordsRights). A refusal is
// audited and answered like any other denial; an allowed request is audited by the operation
// itself, in the same transaction as what it changes.
import { AccessDeniedError } from '../../access/guard.ts';
import { mayExerciseRecordsRights, type AccessAction, type RecordKind } from '../../access/policy.ts';
import type { StaffMember } from '../../domain/staff.ts';
import { createAuditLog } from '../../store/audit-repository.ts';
import type { ServiceContext } from '../context.ts';

/** The `intent` of every audit row a records-rights operation writes. */
export const RECORDS_RIGHTS_INTENTS = {
  export: 'records_export',
  correction: 'records_correction',
  deletion: 'records_deletion',
  retentionReport: 'retention_report',
  retentionRun: 'retention_run',
} as const;

/** The denial reason in the audit and in AccessDeniedError. */
export const NOT_RECORDS_ADMIN = 'not_records_admin';

/** Who the scheduled retention run acts as in the audit: the school's configured policy, not a person. */
export const RETENTION_SYSTEM_ACTOR = 'system:retention';

export interface RecordsRightsRequest {
  action: AccessAction;
  intent: string;
  /** The student asked about, as given (unverified: it is checked only once the asker may ask). */
  studentId?: string;
  kind?: RecordKind;
}

/** Throws AccessDeniedError (reason `not_records_admin`) after auditing the refusal, unless `actor` is an admin. */
export async function authoriseRecordsRights(ctx: ServiceContext, actor: StaffMember, request: RecordsRightsRequest): Promise<void> {
  if (mayExerciseRecordsRights(actor)) return;
  await createAuditLog(ctx, ctx.now).record({
    actorId: actor.id,
    ...(request.studentId === undefined ? {} : { studentId: request.studentId }),
    action: request.action,
    kind: request.kind ?? 'profile',
    intent: request.intent,
    result: 'denied',
    reason: NOT_RECORDS_ADMIN,
  });
  throw new AccessDeniedError(NOT_RECORDS_ADMIN);
}

/** Whether `error` is the refusal of a records-rights request to someone who is not an admin. */
export function isRecordsRightsRefusal(error: unknown): boolean {
  return error instanceof AccessDeniedError && error.reason === NOT_RECORDS_ADMIN;
}
