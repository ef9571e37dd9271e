// Slash commands, button clicks and the edit form. Discord wants a response within 3 seconds,
// and the engine (an LLM, a database) may take longer: so every interaction is acknowledged
// first (deferred, or the clicked message updated) and answered afterwards.
import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction, type ModalMessageModalSubmitInteraction, type ModalSubmitInteraction } from 'discord.js';
import { encodeConversationRef } from '../../chat/conversation-ref.ts';
import type { Reply } from '../../chat/types.ts';
import { visibilityFor } from './audience.ts';
import { encodeCustomId } from './custom-id.ts';
import { answerInteraction } from './deliver.ts';
import { buttonEvent, editFormEvent, placeOf, slashCommandEvent } from './events.ts';
import { errorFields } from './log.ts';
import { parseComponent, parseSlashCommand, prefersJapanese, type ParsedComponent } from './parse.ts';
import { renderEditForm, renderReply, failureReply } from './render.ts';
import { takeTurn, type TurnContext } from './turn.ts';

export interface InteractionContext extends TurnContext {
  /** Messages whose button click is being handled, so a double click runs once. */
  busyMessages: Set<string>;
}

function languageOfLocale(locale: string): Reply['language'] {
  return locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export async function onInteraction(context: InteractionContext, interaction: Interaction): Promise<void> {
  if (interaction.isChatInputCommand()) await onSlashCommand(context, interaction);
  else if (interaction.isButton()) await onButton(context, interaction);
  else if (interaction.isModalSubmit()) await onEditForm(context, interaction);
}

async function onSlashCommand(context: InteractionContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const message = parseSlashCommand(slashCommandEvent(interaction, context.now()));
  const language = message ? (prefersJapanese(message.text, interaction.locale) ? 'ja' : 'en') : languageOfLocale(interaction.locale);
  try {
    // Ephemeral from the start: the deferred reply's visibility cannot be changed by its edit.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  } catch (error) {
    context.log('error', 'discord.defer_failed', { ...errorFields(error), interaction: 'command' });
    return;
  }
  if (!message) {
    // A command registered by an older version of the bot, or missing its text.
    context.log('warn', 'discord.command_unknown', { subcommand: interaction.options.getSubcommand(false) ?? '' });
    const { parts } = renderReply(failureReply(language), { platform: 'discord', parts: [interaction.channelId] });
    await answerInteraction(interaction, parts, 'ephemeral', 'edit_original').catch((error) => context.log('error', 'discord.send_failed', errorFields(error)));
    return;
  }
  await takeTurn(context, message, language, (parts) => answerInteraction(interaction, parts, 'ephemeral', 'edit_original'));
}

/** A click, or a form opened from a message's button: both can update that message. */
function isOnMessage(interaction: ButtonInteraction | ModalSubmitInteraction): interaction is ButtonInteraction | ModalMessageModalSubmitInteraction {
  return interaction.isButton() || interaction.isFromMessage();
}

/** Acknowledges a click or form that leads nowhere, so Discord does not show "interaction failed". */
async function ignore(context: InteractionContext, interaction: ButtonInteraction | ModalSubmitInteraction, reason: string): Promise<void> {
  context.log('warn', 'discord.component_ignored', { reason });
  try {
    if (isOnMessage(interaction)) await interaction.deferUpdate();
    else await interaction.reply({ content: failureReply(languageOfLocale(interaction.locale)).text, flags: MessageFlags.Ephemeral });
  } catch (error) {
    context.log('error', 'discord.defer_failed', { ...errorFields(error), interaction: 'component' });
  }
}

/** Removes the clicked message's buttons (which also acknowledges), then answers the turn. */
async function answerComponent(context: InteractionContext, interaction: ButtonInteraction | ModalSubmitInteraction, parsed: Extract<ParsedComponent, { kind: 'turn' }>): Promise<void> {
  const messageId = interaction.message?.id;
  if (messageId && context.busyMessages.has(messageId)) return ignore(context, interaction, 'already_handling');
  if (messageId) context.busyMessages.add(messageId);
  try {
    const visibility = visibilityFor(placeOf(interaction));
    try {
      // One call acknowledges and takes the buttons away, so a draft cannot be saved twice.
      if (isOnMessage(interaction)) await interaction.update({ components: [] });
      else await interaction.deferReply({ flags: visibility === 'ephemeral' ? MessageFlags.Ephemeral : undefined });
    } catch (error) {
      context.log('error', 'discord.defer_failed', { ...errorFields(error), interaction: 'component' });
      return;
    }
    const first = isOnMessage(interaction) ? 'follow_up' : 'edit_original';
    const language = prefersJapanese(parsed.message.text, interaction.locale) ? 'ja' : 'en';
    await takeTurn(context, parsed.message, language, (parts) => answerInteraction(interaction, parts, visibility, first));
  } finally {
    if (messageId) context.busyMessages.delete(messageId);
  }
}

async function onButton(context: InteractionContext, interaction: ButtonInteraction): Promise<void> {
  const parsed = parseComponent(buttonEvent(interaction, context.now()));
  if (parsed.kind === 'ignore') return ignore(context, interaction, parsed.reason);
  if (parsed.kind === 'turn') return answerComponent(context, interaction, parsed);

  // Edit: the form must be the first response to the click, so nothing is deferred before it.
  const formId = encodeCustomId({ kind: 'edit_form' }, parsed.conversation);
  if (!formId) return ignore(context, interaction, 'custom_id_too_long');
  const draft = context.drafts.recall(encodeConversationRef(parsed.conversation));
  try {
    await interaction.showModal(renderEditForm(formId, draft?.text, draft?.language ?? languageOfLocale(interaction.locale)));
  } catch (error) {
    context.log('error', 'discord.defer_failed', { ...errorFields(error), interaction: 'edit_form' });
  }
}

async function onEditForm(context: InteractionContext, interaction: ModalSubmitInteraction): Promise<void> {
  const parsed = parseComponent(editFormEvent(interaction, context.now()));
  if (parsed.kind !== 'turn') return ignore(context, interaction, parsed.kind === 'ignore' ? parsed.reason : 'unexpected_form');
  await answerComponent(context, interaction, parsed);
}
