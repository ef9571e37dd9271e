import type { CliCommand } from '../cli.ts';
import { migrate } from '../../src/store/migrate.ts';

export const run: CliCommand = async (args, { config, stdout, stderr }) => {
  if (args[0] !== 'migrate') {
    stderr.write('usage: npm run cli -- db migrate\n');
    return 2;
  }
  const applied = await migrate(config.databaseUrl);
  stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
  return 0;
};
