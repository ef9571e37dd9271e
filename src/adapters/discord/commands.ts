// The slash command `/yorisoi ask|log|suggest|digest`, as the JSON Discord registers
// (scripts/register-discord-commands.ts PUTs it). One top-level command with subcommands keeps
// the bot to a single entry in the command picker.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type APIApplicationCommandBasicOption,
} from 'discord.js';

export const COMMAND_NAME = 'yorisoi';

export type Subcommand = 'ask' | 'log' | 'suggest' | 'digest';
export const SUBCOMMANDS: readonly Subcommand[] = ['ask', 'log', 'suggest', 'digest'];

/** Long enough for a detailed observation; the same limit as the edit form's text box. */
export const TEXT_MAX_LENGTH = 4000;

function textOption(description: string, descriptionJa: string): APIApplicationCommandBasicOption {
  return {
    type: ApplicationCommandOptionType.String,
    name: 'text',
    name_localizations: { ja: '内容' },
    description,
    description_localizations: { ja: descriptionJa },
    required: true,
    max_length: TEXT_MAX_LENGTH,
  };
}

/**
 * The top-level name stays `yorisoi` in every language, so the README and colleagues can say
 * "/yorisoi" whatever their client's language; subcommands and options are localised. Discord
 * sends the default (English) names in interactions, so parsing never sees the Japanese ones.
 */
export const yorisoiCommand: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: COMMAND_NAME,
  description: 'Yorisoi: ask about students, log observations, get support ideas',
  description_localizations: { ja: '寄り添い：生徒の様子を聞く・記録する・支援を考える' },
  // Usable in servers and in a DM with the bot; installed to a server (not to user accounts).
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'ask',
      name_localizations: { ja: '質問' },
      description: 'Ask about a student or your class (only you see the answer)',
      description_localizations: { ja: '生徒やクラスについて質問する（回答はあなたにだけ表示）' },
      options: [textOption('What you want to know, e.g. how is Sato doing lately?', '知りたいこと（例：佐藤さんの最近の様子は？）')],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'log',
      name_localizations: { ja: '記録' },
      description: 'Log an observation; you confirm it before it is saved',
      description_localizations: { ja: '観察を記録する（保存の前に確認できます）' },
      options: [textOption('What you saw, e.g. Sato came to the nurse\'s office at 2nd period', '見たこと（例：佐藤さん、2時間目に保健室へ）')],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'suggest',
      name_localizations: { ja: '支援案' },
      description: 'Get support ideas for a student, with the records they rest on',
      description_localizations: { ja: '生徒への支援のアイデアを、根拠の記録とともに聞く' },
      options: [textOption('Which student, and the situation if you like', '生徒の名前（状況も書けます）')],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'digest',
      name_localizations: { ja: 'まとめ' },
      description: 'Your weekly summary of the students you look after',
      description_localizations: { ja: '担当の生徒の週のまとめを見る' },
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'week',
          name_localizations: { ja: '週' },
          description: 'Which week, e.g. last week or 11/9 (default: this week)',
          description_localizations: { ja: 'どの週か（例：先週、11/9。省略すると今週）' },
          required: false,
          max_length: 40,
        },
      ],
    },
  ],
};

/** Everything the bot registers, in the shape of PUT /applications/{id}/commands. */
export const commandDefinitions: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [yorisoiCommand];
