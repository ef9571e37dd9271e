// `npm run cli -- db <migrate|copy|backup|restore>`: database operations (docs/OPERATIONS.md).
// Exit status: 0 done, 1 refused or failed (nothing half-done is left behind), 2 bad usage.
import { parseArgs } from 'node:util';
import type { CliCommand, CliContext } from '../cli.ts';
import { BackupError, backupDatabase, restoreDatabase } from '../../src/store/backup.ts';
import { CopyFailedError, CopyRefusedError, copyDatabase, DEFAULT_PAGE_ROWS, formatCopyReport, MAX_PAGE_ROWS, redactUrl } from '../../src/store/copy-database.ts';
import { providerOf } from '../../src/store/database.ts';
import { MigrationError, migrate } from '../../src/store/migrate.ts';

const USAGE = `usage: npm run cli -- db <command>
  db migrate                          apply pending migrations to DATABASE_URL
  db copy --to <database-url> [--json] [--page-size N]
                                      copy every record from DATABASE_URL into an empty database
                                      (e.g. SQLite -> PostgreSQL); the target is migrated first;
                                      --page-size: rows read and written at a time (100-5000, default 1000)
  db backup <file> [--force]          back up DATABASE_URL (SQLite: online backup, safe while the
                                      bot runs; PostgreSQL: pg_dump --format=custom)
  db restore <file> [--force]         replace DATABASE_URL with a backup, then migrate it
                                      (stop the bot first; --force replaces a database that holds records)
`;

type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };

function parse(args: string[], options: Record<string, { type: 'string' | 'boolean' }>, stderr: NodeJS.WritableStream): Parsed | undefined {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true }) as Parsed;
  } catch (error) {
    stderr.write(`${(error as Error).message}\n${USAGE}`);
    return undefined;
  }
}

function usageError(stderr: NodeJS.WritableStream, message: string): number {
  stderr.write(`${message}\n${USAGE}`);
  return 2;
}

const subcommands: Record<string, (args: string[], context: CliContext) => Promise<number>> = {
  async migrate(args, { config, stdout, stderr }) {
    if (args.length) return usageError(stderr, `db migrate takes no arguments, got: ${args.join(' ')}`);
    const applied = await migrate(config.databaseUrl);
    stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
    return 0;
  },

  async copy(args, { config, stdout, stderr }) {
    const parsed = parse(args, { to: { type: 'string' }, json: { type: 'boolean' }, 'page-size': { type: 'string' } }, stderr);
    if (!parsed) return 2;
    const { values, positionals } = parsed;
    if (values.help) return stdout.write(USAGE), 0;
    if (positionals.length) return usageError(stderr, `unexpected argument: ${positionals[0]}`);
    const to = values.to as string | undefined;
    if (!to) return usageError(stderr, 'db copy needs --to <database-url> (file:<path> or postgresql://...)');
    try {
      providerOf(to);
    } catch {
      return usageError(stderr, `--to must be file:<path> or postgresql://..., got "${redactUrl(to)}"`);
    }
    let pageSize: number | undefined;
    if (values['page-size'] !== undefined) {
      const raw = values['page-size'] as string;
      pageSize = /^\d+$/.test(raw) ? Number(raw) : NaN;
      if (!(pageSize >= 100 && pageSize <= MAX_PAGE_ROWS)) return usageError(stderr, `--page-size must be a whole number from 100 to ${MAX_PAGE_ROWS} (default ${DEFAULT_PAGE_ROWS}), got "${raw}"`);
    }
    const json = values.json === true;
    let nextProgress = 100_000;
    try {
      const report = await copyDatabase(config.databaseUrl, to, {
        pageSize,
        onProgress: (event) => {
          if (json) return;
          if (event.kind === 'table') {
            stderr.write(`  ${event.table.table}: ${event.table.targetRows} rows (${event.table.ms} ms)\n`);
            nextProgress = 100_000;
          } else if (event.rowsSoFar >= nextProgress) {
            stderr.write(`  ${event.table}: ${event.rowsSoFar} of ${event.sourceRows}...\n`);
            nextProgress += 100_000;
          }
        },
      });
      stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatCopyReport(report));
      return 0;
    } catch (error) {
      if (error instanceof CopyRefusedError) return fail(stderr, json, 'refused', `db copy refused, nothing was written: ${error.message}`);
      if (error instanceof CopyFailedError) return fail(stderr, json, 'failed', `db copy failed: ${error.message}`);
      throw error;
    }
  },

  async backup(args, { config, stdout, stderr }) {
    const parsed = parse(args, { force: { type: 'boolean' } }, stderr);
    if (!parsed) return 2;
    if (parsed.values.help) return stdout.write(USAGE), 0;
    const [file, ...rest] = parsed.positionals;
    if (!file || rest.length) return usageError(stderr, 'db backup needs exactly one file name');
    try {
      const result = await backupDatabase(config.databaseUrl, file, { force: parsed.values.force === true, env: process.env });
      stdout.write(`backed up ${redactUrl(config.databaseUrl)} (${result.provider}) to ${result.file}: ${formatBytes(result.bytes)} in ${result.ms} ms\n`);
      return 0;
    } catch (error) {
      if (error instanceof BackupError) return fail(stderr, false, 'failed', `db backup: ${error.message}`);
      throw error;
    }
  },

  async restore(args, { config, stdout, stderr }) {
    const parsed = parse(args, { force: { type: 'boolean' } }, stderr);
    if (!parsed) return 2;
    if (parsed.values.help) return stdout.write(USAGE), 0;
    const [file, ...rest] = parsed.positionals;
    if (!file || rest.length) return usageError(stderr, 'db restore needs exactly one file name');
    try {
      const result = await restoreDatabase(config.databaseUrl, file, { force: parsed.values.force === true, env: process.env });
      stdout.write(
        `restored ${result.file} into ${redactUrl(config.databaseUrl)} (${result.provider}) in ${result.ms} ms` +
          (result.migrated.length ? `; brought up to date with: ${result.migrated.join(', ')}` : '; it was up to date') +
          '\n',
      );
      return 0;
    } catch (error) {
      if (error instanceof BackupError) return fail(stderr, false, 'failed', `db restore: ${error.message}`);
      if (error instanceof MigrationError) return fail(stderr, false, 'failed', `db restore: the backup was restored but could not be migrated: ${error.message}`);
      throw error;
    }
  },
};

function fail(stderr: NodeJS.WritableStream, json: boolean, status: 'refused' | 'failed', message: string): number {
  stderr.write(json ? `${JSON.stringify({ status, error: message })}\n` : `${message}\n`);
  return 1;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export const run: CliCommand = async (args, context) => {
  const [name, ...rest] = args;
  if (name === 'help' || name === '--help' || name === '-h') {
    context.stdout.write(USAGE);
    return 0;
  }
  const subcommand = name ? subcommands[name] : undefined;
  if (!subcommand) {
    context.stderr.write(name ? `unknown db command: ${name}\n${USAGE}` : USAGE);
    return 2;
  }
  return subcommand(rest, context);
};
