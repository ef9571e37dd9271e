// `npm run cli -- digest preview --as <staff_id> [--week YYYY-MM-DD] [--json] [--out <dir>]`
// `npm run cli -- digest send [--week YYYY-MM-DD] [--dry-run] [--out <dir>]`
// Preview shows one person's digest; send runs the week for everyone who wants one, claiming each
// in the database like the scheduled job (so it never repeats a digest the bot already sent), and
// prints them. Charts are written as PNG files to --out (default the current folder).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../cli.ts';
import { openApp, type App } from '../../src/app.ts';
import { isIsoDate, mondayOf } from '../../src/domain/dates.ts';
import { digestWeek } from '../../src/services/digest/index.ts';
import { digestBuilder, digestRecipients, type BuiltDigest } from '../../src/digests.ts';
import { createDigestClaims } from '../../src/store/digest-claims.ts';
import { createInstanceId } from '../../src/jobs/instance-id.ts';
import { runDigestWeek } from '../../src/jobs/weekly-digest-job.ts';
import { resolveCliStaff } from './cli-staff.ts';

const USAGE = 'usage: npm run cli -- digest preview --as <staff_id> [--week YYYY-MM-DD] [--json] [--out <dir>]\n       npm run cli -- digest send [--week YYYY-MM-DD] [--dry-run] [--out <dir>]\n';

function weekFrom(value: string | undefined, app: App, stderr: NodeJS.WritableStream): string | undefined {
  if (value === undefined) return digestWeek(app.services);
  if (!isIsoDate(value) || mondayOf(value) !== value) {
    stderr.write(`--week must be a Monday as YYYY-MM-DD (got ${value}${isIsoDate(value) ? `; that week's Monday is ${mondayOf(value)}` : ''}).\n`);
    return undefined;
  }
  return value;
}

/** Prints the digest and writes its chart; the chart's path goes to stderr with the progress. */
function output(built: BuiltDigest, out: string, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): void {
  stdout.write(`${built.reply.text}\n`);
  for (const file of built.reply.attachments ?? []) {
    const path = join(out, `${built.staff.id}-${file.filename}`);
    writeFileSync(path, file.data);
    stderr.write(`chart: ${path}\n`);
  }
}

export const run: CliCommand = async (args, { config, stdout, stderr }) => {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { as: { type: 'string' }, week: { type: 'string' }, json: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false }, out: { type: 'string', default: '.' } } });
  } catch (error) {
    stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const action = positionals[0];
  if (action !== 'preview' && action !== 'send') {
    stderr.write(USAGE);
    return 2;
  }
  const app = await openApp(config);
  try {
    const week = weekFrom(values.week, app, stderr);
    if (!week) return 2;
    const builder = digestBuilder(app, config);

    if (action === 'preview') {
      const staff = await resolveCliStaff(app, values.as, stderr);
      if (!staff) return 2;
      const built = (await builder.build(staff.id, week))!;
      if (values.json) stdout.write(`${JSON.stringify({ ...built.digest, chart: built.digest.chart ? { ...built.digest.chart, rows: built.digest.chart.rows.map((r) => ({ student: r.student.id, statuses: r.statuses })) } : undefined }, null, 2)}\n`);
      else output(built, values.out, stdout, stderr);
      return 0;
    }

    const recipients = await digestRecipients(app);
    if (values['dry-run']) {
      // Nothing claimed or marked: what a run would send now.
      await builder.prepare(recipients, week);
      for (const id of recipients) output((await builder.build(id, week))!, values.out, stdout, stderr);
      stderr.write(`dry run: ${recipients.length} digests for the week of ${week}, nothing marked as sent\n`);
      return 0;
    }
    const result = await runDigestWeek(
      {
        claims: createDigestClaims(app.database.db),
        recipients: async () => recipients,
        prepare: (ids) => builder.prepare(ids, week),
        deliver: async (id) => {
          output((await builder.build(id, week))!, values.out, stdout, stderr);
          return 'sent';
        },
        instanceId: createInstanceId(),
        log: (level, code, fields) => app.log[level](code, fields),
      },
      week,
    );
    stderr.write(`week of ${week}: sent ${result.sent}, already sent ${result.alreadyDone}, failed ${result.failed}\n`);
    return result.failed ? 1 : 0;
  } finally {
    await app.close();
  }
};
