// `npm run cli -- <command> ...`: the command-line tools for schools and developers.
// Each command lives in scripts/commands/<name>.ts and exports `run(args, context)`.
import { loadConfigOrExplain, type Config } from '../src/config/index.ts';

export interface CliContext {
  config: Config;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** A command returns its exit status. */
export type CliCommand = (args: string[], context: CliContext) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<{ run: CliCommand }> }> = {
  ask: { summary: 'ask --as <staff_id> "<text>" [--json]   run one conversation turn', load: () => import('./commands/ask.ts') },
  analyze: { summary: 'analyze <student_no> [--as <id>] [--json]   what the analysis sees in one student', load: () => import('./commands/analyze.ts') },
  attention: { summary: 'attention [--as <id>] [--json]             students who need attention now', load: () => import('./commands/attention.ts') },
  understand: { summary: 'understand < cases.jsonl                offline understanding of {"as","text"} lines, as JSONL', load: () => import('./commands/understand.ts') },
  import: { summary: 'import <dir>                          import a school export (CSV)', load: () => import('./commands/import.ts') },
  demo: { summary: 'demo [--students N] [--seed N]        build a synthetic demo school', load: () => import('./commands/demo.ts') },
  digest: { summary: 'digest preview --as <id> [--week YYYY-MM-DD] [--json] | digest send [--week ...] [--dry-run]   weekly digests', load: () => import('./commands/digest.ts') },
  audit: { summary: 'audit --student <no> | --staff <id> [--since D] [--until D] [--json] --as <admin_id>   who accessed which records (admins)', load: () => import('./commands/audit.ts') },
  student: { summary: 'student export|correct|delete <student_no> --as <admin_id> ...   records rights (APPI): disclose, correct, delete', load: () => import('./commands/student.ts') },
  retention: { summary: 'retention report|run [--as <admin_id>] [--json]   the records-retention policy (RETENTION_*_YEARS)', load: () => import('./commands/retention.ts') },
  db: { summary: 'db migrate | db copy --to <url> [--json] | db backup <file> [--force] | db restore <file> [--force]   database operations (docs/OPERATIONS.md)', load: () => import('./commands/db.ts') },
};

function usage(): string {
  return ['usage: npm run cli -- <command> [options]', '', ...Object.values(commands).map((c) => `  ${c.summary}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help') {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`unknown command: ${name}\n\n${usage()}\n`);
    return 2;
  }
  const config = loadConfigOrExplain(process.stderr);
  if (!config) return 2;
  const { run } = await command.load();
  return run(args, { config, stdout: process.stdout, stderr: process.stderr });
}

process.exitCode = await main(process.argv.slice(2));
