// Registering the slash command with Discord: a PUT replaces the application's whole command
// list, so running it again is safe and removes commands an older version defined.
import { Routes, type REST, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { commandDefinitions } from './commands.ts';

export interface RegisterTarget {
  applicationId: string;
  /** A server id: its commands update at once. Without it, global commands (may take a while to appear). */
  guildId?: string;
}

/** PUTs the command definitions and returns what Discord stored. */
export async function registerCommands(rest: REST, target: RegisterTarget): Promise<RESTPutAPIApplicationCommandsResult> {
  const route = target.guildId ? Routes.applicationGuildCommands(target.applicationId, target.guildId) : Routes.applicationCommands(target.applicationId);
  return (await rest.put(route, { body: commandDefinitions })) as RESTPutAPIApplicationCommandsResult;
}
