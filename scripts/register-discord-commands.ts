// `npx tsx scripts/register-discord-commands.ts [--guild <id>]`: registers /yorisoi with Discord.
// With --guild the command appears in that server at once (for trying the bot out); without it,
// globally, in every server the bot is in and in DMs (Discord may take up to an hour).
// Reads DISCORD_TOKEN and DISCORD_APPLICATION_ID through src/config.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { REST } from 'discord.js';
import { registerCommands } from '../src/adapters/discord/register.ts';
import { loadConfigOrExplain } from '../src/config/index.ts';

const USAGE = `usage: npx tsx scripts/register-discord-commands.ts [--guild <server id>]
  --guild <id>   register in one server (instant); without it, register globally
  needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (the bot token and the application id from the developer portal)
`;

export interface ScriptIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** The environment to read; the process's own when omitted. */
  env?: Record<string, string | undefined>;
  /** For tests: REST options such as `{ makeRequest: fetch }` so nock sees the request. */
  rest?: ConstructorParameters<typeof REST>[0];
}

/** Registers the commands and prints them; returns the exit status. */
export async function main(args: string[], io: ScriptIo): Promise<number> {
  let values: { guild?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args, options: { guild: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (values.guild !== undefined && !/^\d{15,22}$/.test(values.guild)) {
    io.stderr.write(`--guild must be a server id (a long number; enable Developer Mode and use "Copy Server ID"), got "${values.guild}"\n`);
    return 2;
  }
  const config = io.env ? loadConfigOrExplain(io.stderr, io.env) : loadConfigOrExplain(io.stderr);
  if (!config) return 2;
  if (!config.discord) {
    io.stderr.write(`DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set.\n${USAGE}`);
    return 2;
  }

  const rest = new REST(io.rest).setToken(config.discord.token);
  const target = { applicationId: config.discord.applicationId, guildId: values.guild };
  let registered;
  try {
    registered = await registerCommands(rest, target);
  } catch (error) {
    // Discord's message names the problem (bad token, unknown application); it holds no personal data.
    io.stderr.write(`registration failed: ${(error as Error).message}\n`);
    return 1;
  }
  const where = target.guildId ? `server ${target.guildId} (available now)` : 'globally (may take up to an hour to appear)';
  io.stdout.write(`Registered ${registered.length} command(s) ${where}:\n`);
  for (const command of registered) {
    const subcommands = (command.options ?? []).map((o) => o.name);
    io.stdout.write(`  /${command.name} ${subcommands.join(' | ')}  (id ${command.id})\n`);
  }
  return 0;
}

// Run only as a script, so tests can import main().
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
}
