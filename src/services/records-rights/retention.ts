// Retention (APPI art. 22: delete personal data once it is no longer needed). The configured policy
// reaches students who left long enough ago: the whole student record after RETENTION_STUDENT_YEARS,
// the observations alone after RETENTION_OBSERVATION_YEARS. A report lists what a run would delete,
// by student number and counts only; a run deletes exactly that, each student in a transaction of
// its own (so a failure stops at one student and leaves them whole), and audits every step.
import type { StaffMember } from '../../domain/staff.ts';
import { schoolDateOf } from '../../domain/dates.ts';
import { createAuditLog } from '../../store/audit-repository.ts';
import { recordAuditRows } from '../../store/records-rights/audit-rows.ts';
import { completeErasure } from '../../store/records-rights/erase.ts';
import { studentsLeftOnOrBefore } from '../../store/records-rights/retention-queries.ts';
import { countObservationRows, deleteObservationRows } from '../../store/records-rights/student-rows.ts';
import { inWriteTransaction } from '../../store/records-rights/transaction.ts';
import type { ServiceContext } from '../context.ts';
import { authoriseRecordsRights, RECORDS_RIGHTS_INTENTS, RETENTION_SYSTEM_ACTOR } from './authorise.ts';
import { eraseStudent, studentFootprint } from './erase-student.ts';
import { isRetentionOn, retentionCutoff, type RetentionPolicy } from './retention-policy.ts';

export type RetentionAction = 'delete_student' | 'delete_observations';

export interface RetentionItem {
  studentId: string;
  action: RetentionAction;
  /** Rows per table: what a report would delete, or what a run deleted. */
  counts: Record<string, number>;
}

export interface RetentionReport {
  /** The school date the periods were measured to. */
  asOf: string;
  policy: RetentionPolicy;
  /** The leaving dates on or before which each rule applies. */
  cutoffs: { observations?: string; students?: string };
  items: RetentionItem[];
  /** Sums of `counts` over the items, and the number of students per action. */
  totals: Record<string, number>;
}

function totalsOf(items: readonly RetentionItem[]): Record<string, number> {
  const totals: Record<string, number> = { delete_student: 0, delete_observations: 0 };
  for (const item of items) {
    totals[item.action] = (totals[item.action] ?? 0) + 1;
    for (const [kind, n] of Object.entries(item.counts)) totals[kind] = (totals[kind] ?? 0) + n;
  }
  return totals;
}

async function plan(ctx: ServiceContext, policy: RetentionPolicy): Promise<RetentionReport> {
  const asOf = schoolDateOf(ctx.now());
  const cutoffs = {
    ...(policy.studentYears === undefined ? {} : { students: retentionCutoff(asOf, policy.studentYears) }),
    ...(policy.observationYears === undefined ? {} : { observations: retentionCutoff(asOf, policy.observationYears) }),
  };
  const items: RetentionItem[] = [];
  const whole = new Set(cutoffs.students ? await studentsLeftOnOrBefore(ctx.db, cutoffs.students) : []);
  for (const studentId of whole) {
    const counts = await studentFootprint(ctx.db, studentId);
    if (counts) items.push({ studentId, action: 'delete_student', counts: { ...counts } });
  }
  for (const studentId of cutoffs.observations ? await studentsLeftOnOrBefore(ctx.db, cutoffs.observations) : []) {
    if (whole.has(studentId)) continue;
    const counts = await countObservationRows(ctx.db, studentId);
    if (counts.observations > 0) items.push({ studentId, action: 'delete_observations', counts });
  }
  return { asOf, policy, cutoffs, items, totals: totalsOf(items) };
}

/** What a run would delete now, without deleting anything. Admins only. */
export async function retentionReport(ctx: ServiceContext, actor: StaffMember, policy: RetentionPolicy): Promise<RetentionReport> {
  const intent = RECORDS_RIGHTS_INTENTS.retentionReport;
  await authoriseRecordsRights(ctx, actor, { action: 'read', intent });
  const report = await plan(ctx, policy);
  // No student id: the report names students only by number, on the admin's screen.
  await createAuditLog(ctx, ctx.now).record({ actorId: actor.id, action: 'read', kind: 'profile', intent, result: 'allowed', reason: `${report.items.length} students` });
  return report;
}

async function execute(ctx: ServiceContext, actorId: string, policy: RetentionPolicy): Promise<RetentionReport> {
  const intent = RECORDS_RIGHTS_INTENTS.retentionRun;
  const planned = await plan(ctx, policy);
  const done: RetentionItem[] = [];
  for (const item of planned.items) {
    if (item.action === 'delete_student') {
      const deleted = await eraseStudent(ctx, item.studentId, { actorId, intent });
      if (deleted) done.push({ ...item, counts: { ...deleted } });
      continue;
    }
    const counts = await inWriteTransaction(ctx.db, ctx.provider, async (tx) => {
      const removed = await deleteObservationRows(tx, item.studentId);
      if (removed.observations > 0) {
        await recordAuditRows(tx, [{ actorId, studentId: item.studentId, action: 'write', kind: 'observation', intent, result: 'allowed', reason: `${removed.observations} observations past the retention period` }], ctx.now());
      }
      return removed;
    });
    if (counts.observations > 0) done.push({ ...item, counts });
  }
  if (done.length > 0) await completeErasure(ctx.db, ctx.provider);
  return { ...planned, items: done, totals: totalsOf(done) };
}

/** Deletes what the policy says is due now, and returns what was deleted. Admins only. */
export async function runRetention(ctx: ServiceContext, actor: StaffMember, policy: RetentionPolicy): Promise<RetentionReport> {
  await authoriseRecordsRights(ctx, actor, { action: 'write', intent: RECORDS_RIGHTS_INTENTS.retentionRun });
  return execute(ctx, actor.id, policy);
}

/**
 * The daily run (jobs/retention-job.ts): the school's configured policy, audited as
 * `system:retention`. Only the composition root calls this; a conversation never can.
 */
export async function runScheduledRetention(ctx: ServiceContext, policy: RetentionPolicy): Promise<RetentionReport> {
  if (!isRetentionOn(policy)) return { asOf: schoolDateOf(ctx.now()), policy, cutoffs: {}, items: [], totals: totalsOf([]) };
  return execute(ctx, RETENTION_SYSTEM_ACTOR, policy);
}
