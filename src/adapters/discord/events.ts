// discord.js structures -> parse.ts's plain events. The only place that reads discord.js event
// objects for their data, so parse.ts stays testable with plain objects.
import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type Message, type ModalSubmitInteraction, type User } from 'discord.js';
import type { Place } from './audience.ts';
import type { ComponentEvent, DirectMessageEvent, DiscordUser, SlashCommandEvent } from './parse.ts';
import { EDIT_FIELD_ID } from './render.ts';

function userOf(user: User): DiscordUser {
  return { id: user.id, username: user.username, globalName: user.globalName, bot: user.bot };
}

export function slashCommandEvent(interaction: ChatInputCommandInteraction, receivedAt: Date): SlashCommandEvent {
  return {
    interactionId: interaction.id,
    commandName: interaction.commandName,
    subcommand: interaction.options.getSubcommand(false),
    text: interaction.options.getString('text'),
    week: interaction.options.getString('week'),
    channelId: interaction.channelId,
    user: userOf(interaction.user),
    locale: interaction.locale,
    receivedAt,
  };
}

export function buttonEvent(interaction: ButtonInteraction, receivedAt: Date): ComponentEvent {
  // Undefined when the clicked message arrives without its components (not seen, but cheap to allow).
  const component = interaction.component as typeof interaction.component | undefined;
  return {
    interactionId: interaction.id,
    customId: interaction.customId,
    user: userOf(interaction.user),
    label: component && 'label' in component ? component.label : null,
    receivedAt,
  };
}

export function editFormEvent(interaction: ModalSubmitInteraction, receivedAt: Date): ComponentEvent {
  let formText: string | undefined;
  try {
    formText = interaction.fields.getTextInputValue(EDIT_FIELD_ID);
  } catch {
    formText = undefined; // a form this adapter did not build; parseComponent ignores it
  }
  return { interactionId: interaction.id, customId: interaction.customId, user: userOf(interaction.user), formText, receivedAt };
}

export function directMessageEvent(message: Message, receivedAt: Date): DirectMessageEvent {
  return {
    messageId: message.id,
    channelId: message.channelId,
    isDirectChannel: !message.inGuild() && message.channel.isDMBased(),
    author: userOf(message.author),
    content: message.content,
    receivedAt,
  };
}

/** Where a click or form happened: the clicked message's own visibility decides the answer's. */
export function placeOf(interaction: ButtonInteraction | ModalSubmitInteraction): Place {
  return { inGuild: interaction.inGuild(), ephemeral: interaction.message?.flags.has(MessageFlags.Ephemeral) ?? false };
}
