// Runs the records-retention policy once a day (RETENTION_*_YEARS; SECURITY.md checklist 15). A
// check every few minutes runs the day's run once the day's time has passed (03:00 Asia/Tokyo by
// default), so a bot started later in the day catches up at once and a restart does not run it
// twice. Two instances may both run: a run deletes only what is still due, and a student already
// deleted by the other is skipped, so the outcome is the same.
import { schoolDateOf, schoolLocalTimeToInstant } from '../domain/dates.ts';
import { isRetentionOn, type RetentionPolicy } from '../services/records-rights/retention-policy.ts';
import type { RetentionReport } from '../services/records-rights/retention.ts';
import { errorFields, type JobLog } from './job-log.ts';
import { startPeriodicCheck, type PeriodicCheck } from './periodic-check.ts';

export const DEFAULT_RETENTION_TIME = { hour: 3, minute: 0 } as const;
export const DEFAULT_RETENTION_CHECK_EVERY_MS = 10 * 60 * 1000;


export interface RetentionScheduleDeps {
  policy: RetentionPolicy;
  /** One run of the policy: `(policy) => runScheduledRetention(app.services, policy)`. */
  run(policy: RetentionPolicy): Promise<RetentionReport>;
  now: () => Date;
  /** Codes and counts only: never student numbers. */
  log: JobLog;
  /** When in the day (Asia/Tokyo) the run is due. */
  at?: { hour: number; minute: number };
  checkEveryMs?: number;
}

/** stop() resolves once a run in progress has finished. */
export type RetentionScheduler = PeriodicCheck;

const pad = (n: number) => String(n).padStart(2, '0');

/** Starts the daily run; undefined (nothing scheduled) when the policy is off. */
export function startRetentionSchedule(deps: RetentionScheduleDeps): RetentionScheduler | undefined {
  if (!isRetentionOn(deps.policy)) return undefined;
  const at = deps.at ?? DEFAULT_RETENTION_TIME;
  let lastRunOn: string | undefined;
  deps.log('info', 'retention.scheduler_started', {
    time: `${pad(at.hour)}:${pad(at.minute)}`,
    ...(deps.policy.observationYears === undefined ? {} : { observationYears: deps.policy.observationYears }),
    ...(deps.policy.studentYears === undefined ? {} : { studentYears: deps.policy.studentYears }),
  });
  return startPeriodicCheck({
    everyMs: deps.checkEveryMs ?? DEFAULT_RETENTION_CHECK_EVERY_MS,
    onError: (error) => deps.log('error', 'retention.run_failed', errorFields(error)),
    async check() {
      const now = deps.now();
      const today = schoolDateOf(now);
      if (lastRunOn === today || now < schoolLocalTimeToInstant(`${today}T${pad(at.hour)}:${pad(at.minute)}`)) return;
      const report = await deps.run(deps.policy);
      lastRunOn = today;
      deps.log('info', 'retention.run', {
        asOf: report.asOf,
        studentsDeleted: report.totals.delete_student ?? 0,
        studentsWithObservationsDeleted: report.totals.delete_observations ?? 0,
        observationsDeleted: report.totals.observations ?? 0,
      });
    },
  });
}
