// The records-retention policy (RETENTION_OBSERVATION_YEARS, RETENTION_STUDENT_YEARS):
//   npm run cli -- retention report [--as <admin_id>] [--json]   what a run would delete now (nothing is deleted)
//   npm run cli -- retention run [--as <admin_id>] [--json]      delete it
// Students are named by number only. Runs as an admin (default: the school's first admin); the bot
// also runs the policy daily (src/jobs/retention-job.ts).
import { parseArgs } from 'node:util';
import type { CliCommand } from '../cli.ts';
import { openApp } from '../../src/app.ts';
import { AccessDeniedError } from '../../src/access/guard.ts';
import { isRetentionOn, retentionReport, runRetention, type RetentionReport } from '../../src/services/records-rights/index.ts';
import { resolveCliStaff } from './cli-staff.ts';

const USAGE = 'usage: npm run cli -- retention report|run [--as <admin_id>] [--json]\n';

function describe(report: RetentionReport, dryRun: boolean): string {
  const rules = [
    ...(report.policy.studentYears === undefined ? [] : [`whole records ${report.policy.studentYears} years after leaving (left on or before ${report.cutoffs.students})`]),
    ...(report.policy.observationYears === undefined ? [] : [`observations ${report.policy.observationYears} years after leaving (left on or before ${report.cutoffs.observations})`]),
  ];
  const counts = (c: Record<string, number>) => Object.entries(c).filter(([, n]) => n > 0).map(([kind, n]) => `${kind} ${n}`).join(', ');
  const { delete_student: students = 0, delete_observations: noted = 0, ...rows } = report.totals;
  return [
    `Retention as of ${report.asOf}: ${rules.join('; ')}.`,
    ...report.items.map((i) => `  ${i.studentId}  ${i.action.padEnd(19)}  ${counts(i.counts)}`),
    dryRun
      ? `Would delete ${students} students' records and ${noted} students' observations${counts(rows) ? ` (${counts(rows)})` : ''}. Nothing was deleted (dry run).`
      : `Deleted ${students} students' records and ${noted} students' observations${counts(rows) ? ` (${counts(rows)})` : ''}.`,
  ].join('\n') + '\n';
}

export const run: CliCommand = async (args, { config, stdout, stderr }) => {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { as: { type: 'string' }, json: { type: 'boolean', default: false } } });
  } catch (error) {
    stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const action = positionals[0];
  if ((action !== 'report' && action !== 'run') || positionals.length > 1) {
    stderr.write(USAGE);
    return 2;
  }
  if (!isRetentionOn(config.retention)) {
    stderr.write('Retention is off: set RETENTION_STUDENT_YEARS and/or RETENTION_OBSERVATION_YEARS (whole years after a student left). Nothing to do.\n');
    return 0;
  }
  const app = await openApp(config);
  try {
    const staff = await resolveCliStaff(app, values.as, stderr);
    if (!staff) return 2;
    try {
      const report = action === 'report' ? await retentionReport(app.services, staff, config.retention) : await runRetention(app.services, staff, config.retention);
      stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : describe(report, action === 'report'));
      return 0;
    } catch (error) {
      if (error instanceof AccessDeniedError) {
        stderr.write(`${staff.id} may not ${action === 'report' ? 'see' : 'run'} the retention policy: only an admin may (the attempt is audited).\n`);
        return 1;
      }
      throw error;
    }
  } finally {
    await app.close();
  }
};
