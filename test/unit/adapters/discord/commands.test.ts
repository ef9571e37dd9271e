// The slash command JSON: the subcommands and options the parser expects, Japanese
// localisations, and Discord's own limits (which otherwise fail only at registration).
import { ApplicationCommandOptionType, InteractionContextType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commandDefinitions, yorisoiCommand } from '../../../../src/adapters/discord/commands.ts';

// Discord's rule for command and option names (lower case where the script has case).
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

type Option = { type: number; name: string; name_localizations?: Record<string, string>; description: string; description_localizations?: Record<string, string>; required?: boolean; options?: Option[] };

describe('Discord command definitions', () => {
  const subcommands = (yorisoiCommand.options ?? []) as Option[];

  it('register one /yorisoi command with ask, log, suggest and digest', () => {
    expect(commandDefinitions).toEqual([yorisoiCommand]);
    expect(yorisoiCommand.name).toBe('yorisoi');
    expect(subcommands.map((s) => [s.type, s.name])).toEqual([
      [ApplicationCommandOptionType.Subcommand, 'ask'],
      [ApplicationCommandOptionType.Subcommand, 'log'],
      [ApplicationCommandOptionType.Subcommand, 'suggest'],
      [ApplicationCommandOptionType.Subcommand, 'digest'],
    ]);
    expect(yorisoiCommand.contexts).toEqual([InteractionContextType.Guild, InteractionContextType.BotDM]);
  });

  it('give ask, log and suggest a required text option, and digest an optional week', () => {
    for (const sub of subcommands) {
      const options = sub.options ?? [];
      if (sub.name === 'digest') {
        expect(options.map((o) => [o.type, o.name, o.required])).toEqual([[ApplicationCommandOptionType.String, 'week', false]]);
      } else {
        expect(options.map((o) => [o.type, o.name, o.required])).toEqual([[ApplicationCommandOptionType.String, 'text', true]]);
      }
    }
  });

  it('localise every subcommand and option into Japanese', () => {
    expect(yorisoiCommand.description_localizations?.ja).toMatch(/[\p{Script=Han}\p{Script=Hiragana}]/u);
    const all = subcommands.flatMap((s) => [s, ...(s.options ?? [])]);
    for (const entry of all) {
      expect(entry.name_localizations?.ja, entry.name).toMatch(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u);
      expect(entry.description_localizations?.ja, entry.name).toMatch(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u);
    }
  });

  it('keep within Discord limits: names match its pattern, descriptions 1-100 characters', () => {
    const all: Option[] = [yorisoiCommand as unknown as Option, ...subcommands.flatMap((s) => [s, ...(s.options ?? [])])];
    for (const entry of all) {
      for (const name of [entry.name, ...Object.values(entry.name_localizations ?? {})]) {
        expect(name).toMatch(NAME);
        expect(name).toBe(name.toLowerCase());
      }
      for (const description of [entry.description, ...Object.values(entry.description_localizations ?? {})]) {
        expect(description.length).toBeGreaterThan(0);
        expect(description.length).toBeLessThanOrEqual(100);
      }
    }
  });
});
