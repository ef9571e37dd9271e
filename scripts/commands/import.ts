// `npm run cli -- import <dir>`: imports a school's CSV export into the configured database.
// Progress goes to stderr and the summary to stdout, so the summary can be redirected to a file.
import { resolve } from 'node:path';
import type { CliCommand } from '../cli.ts';
import { openDatabase } from '../../src/store/database.ts';
import { formatSummary, ImportError, importSchool } from '../../src/store/import/index.ts';

const USAGE = 'usage: npm run cli -- import <dir>   (a directory of CSV files: staff.csv, students.csv, attendance.csv, ...)\n';

export const run: CliCommand = async (args, { config, stdout, stderr }) => {
  const [dir, ...rest] = args;
  if (!dir || rest.length > 0 || dir.startsWith('-')) {
    stderr.write(USAGE);
    return 2;
  }
  const { db, close } = await openDatabase(config.databaseUrl);
  try {
    const summary = await importSchool(db, resolve(dir), { onProgress: (message) => stderr.write(`${message}\n`), now: config.now });
    stdout.write(formatSummary(summary));
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      stderr.write(`import failed, nothing was changed: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await close();
  }
};
