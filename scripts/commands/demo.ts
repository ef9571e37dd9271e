// `npm run cli -- demo [--students N] [--seed N]`: builds the synthetic demo school into the
// configured database, which must be empty (the demo never mixes with a real school's records).
// Progress goes to stderr and the summary to stdout.
import { parseArgs } from 'node:util';
import type { CliCommand } from '../cli.ts';
import { openDatabase } from '../../src/store/database.ts';
import { buildDemoSchool, DEMO_DEFAULT_SEED, DEMO_DEFAULT_STUDENTS, DEMO_MAX_STUDENTS, formatDemoSummary, isDatabaseEmpty } from '../../src/store/demo/index.ts';

const USAGE = `usage: npm run cli -- demo [--students N] [--seed N]
  --students N   how many students (1-${DEMO_MAX_STUDENTS}, default ${DEMO_DEFAULT_STUDENTS}); classes of about 30, grades 1-3
  --seed N       the random seed (0-4294967295, default ${DEMO_DEFAULT_SEED}); the same seed and YORISOI_NOW give the same school
`;

/** A whole number within bounds, or an error message naming the option. */
function wholeNumber(name: string, raw: string | undefined, min: number, max: number, fallback: number): number | string {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim())) return `--${name} must be a whole number, got "${raw}"`;
  const n = Number(raw);
  if (n < min || n > max) return `--${name} must be from ${min} to ${max}, got ${raw}`;
  return n;
}

/** The URL with any password hidden, for messages. */
function safeUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

export const run: CliCommand = async (args, { config, stdout, stderr }) => {
  let values: { students?: string; seed?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args, options: { students: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    stdout.write(USAGE);
    return 0;
  }
  const students = wholeNumber('students', values.students, 1, DEMO_MAX_STUDENTS, DEMO_DEFAULT_STUDENTS);
  const seed = wholeNumber('seed', values.seed, 0, 0xffffffff, DEMO_DEFAULT_SEED);
  for (const problem of [students, seed]) {
    if (typeof problem === 'string') {
      stderr.write(`${problem}\n${USAGE}`);
      return 2;
    }
  }

  const { db, close } = await openDatabase(config.databaseUrl);
  try {
    if (!(await isDatabaseEmpty(db))) {
      stderr.write(
        `The database at DATABASE_URL (${safeUrl(config.databaseUrl)}) already holds a school, so the demo was not built: ` +
          'it is only built into an empty database, never mixed with real records.\n' +
          'Point DATABASE_URL at a new database, e.g. DATABASE_URL=file:./data/demo.db npm run cli -- demo\n',
      );
      return 1;
    }
    const started = performance.now();
    const summary = await buildDemoSchool(db, {
      now: config.now(),
      students: students as number,
      seed: seed as number,
      onProgress: (message) => stderr.write(`${message}\n`),
    });
    stdout.write(formatDemoSummary(summary, performance.now() - started));
    return 0;
  } finally {
    await close();
  }
};
