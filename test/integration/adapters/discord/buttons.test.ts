// Buttons on replies (Save / Edit / Cancel, Undo, choosing a student) and the edit form, through
// a real discord.js Client: the click reaches the engine as the right UserAction, and the clicked
// message loses its buttons so a draft cannot be saved twice.
import { afterEach, describe, expect, it } from 'vitest';
import type { Action, UserAction } from '../../../../src/chat/types.ts';
import { APPLICATION_ID, DM_CHANNEL_ID, GUILD_CHANNEL_ID, OTHER_TEACHER, TEACHER, botMessage, buttonClick, editFormSubmit, slashCommand } from './gateway.ts';
import { reply, startAdapter, type Harness } from './harness.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const DRAFT_ACTIONS: Action[] = [
  { type: 'draft', decision: 'save', label: '保存' },
  { type: 'draft', decision: 'edit', label: '修正', text: '2時間目に保健室へ。表情は落ち着いていた。' },
  { type: 'draft', decision: 'cancel', label: '取消' },
];

/** Runs `/yorisoi log` answered with `actions`; returns the buttons as the user would see them. */
async function showButtons(actions: Action[]) {
  harness = await startAdapter((message) => (message.action ? reply(`done: ${JSON.stringify(message.action)}`) : reply('この内容で記録しますか？', { actions })));
  harness.feed.interaction(slashCommand('log', { text: '佐藤さん、2時間目に保健室へ' }));
  await harness.adapter.idle();
  const [edit] = harness.api.find('PATCH', /@original$/);
  const components = edit!.body.components as Array<{ components: Array<{ label: string; custom_id: string }> }>;
  const button = (label: string) => components.flatMap((row) => row.components).find((b) => b.label === label)!;
  // The message as Discord would attach it to a click: ephemeral, carrying these buttons.
  const message = botMessage(components, { ephemeral: true });
  return { components, button, message };
}

function lastTurnAction(): UserAction | undefined {
  return harness!.turns.at(-1)!.action;
}

describe('Discord buttons', () => {
  it('renders the actions as buttons whose custom_id carries the action and the conversation', async () => {
    const { components } = await showButtons(DRAFT_ACTIONS);
    expect(components).toHaveLength(1);
    const buttons = components[0]!.components;
    expect(buttons.map((b) => b.label)).toEqual(['保存', '修正', '取消']);
    const key = `discord:${GUILD_CHANNEL_ID}:cmd:${TEACHER.id}`;
    expect(buttons.map((b) => b.custom_id)).toEqual([`y1|ds||${key}`, `y1|de||${key}`, `y1|dc||${key}`]);
  });

  it('Save: removes the buttons, sends the draft decision, and answers ephemerally', async () => {
    const { button, message } = await showButtons(DRAFT_ACTIONS);
    const click = buttonClick(button('保存').custom_id, message);
    harness!.feed.interaction(click);
    await harness!.adapter.idle();

    const [update] = harness!.api.find('POST', `/interactions/${click.id}/${click.token}/callback`);
    expect(update!.body).toMatchObject({ type: 7, data: { components: [] } });
    expect(harness!.turns.at(-1)).toMatchObject({
      conversation: { platform: 'discord', parts: [GUILD_CHANNEL_ID, 'cmd', TEACHER.id] },
      author: { platformUserId: TEACHER.id },
      text: '保存',
      action: { kind: 'draft', decision: 'save' },
    });
    const [followUp] = harness!.api.find('POST', `/webhooks/${APPLICATION_ID}/${click.token}`);
    expect(followUp!.body).toMatchObject({ content: 'done: {"kind":"draft","decision":"save"}', allowed_mentions: { parse: [] } });
    expect(followUp!.body.flags & 64).toBe(64);
  });

  it('Cancel sends the cancel decision', async () => {
    const { button, message } = await showButtons(DRAFT_ACTIONS);
    harness!.feed.interaction(buttonClick(button('取消').custom_id, message));
    await harness!.adapter.idle();
    expect(lastTurnAction()).toEqual({ kind: 'draft', decision: 'cancel' });
  });

  it('choosing a student sends its id; Undo sends the record id', async () => {
    const { button, message } = await showButtons([
      { type: 'choose_student', label: '佐藤 結衣（2-1）', studentId: 'S001' },
      { type: 'choose_student', label: '佐藤 陽斗（3-2）', studentId: 'S047' },
      { type: 'undo', label: '元に戻す', recordId: '1234' },
    ]);
    harness!.feed.interaction(buttonClick(button('佐藤 陽斗（3-2）').custom_id, message));
    await harness!.adapter.idle();
    expect(lastTurnAction()).toEqual({ kind: 'choose_student', studentId: 'S047' });

    harness!.feed.interaction(buttonClick(button('元に戻す').custom_id, botMessage(message.components, { ephemeral: true })));
    await harness!.adapter.idle();
    expect(lastTurnAction()).toEqual({ kind: 'undo', recordId: '1234' });
    // Each click took the buttons off its message.
    expect(harness!.api.find('POST', /\/callback$/).filter((c) => c.body.type === 7)).toHaveLength(2);
  });

  it('Edit opens a form prefilled with the note; submitting it sends the rewritten note', async () => {
    const { button, message } = await showButtons(DRAFT_ACTIONS);
    const turnsBefore = harness!.turns.length;
    const click = buttonClick(button('修正').custom_id, message);
    harness!.feed.interaction(click);
    await harness!.adapter.idle();

    const [modal] = harness!.api.find('POST', `/interactions/${click.id}/${click.token}/callback`);
    expect(modal!.body.type).toBe(9);
    const formId = modal!.body.data.custom_id as string;
    expect(formId).toBe(`y1|df||discord:${GUILD_CHANNEL_ID}:cmd:${TEACHER.id}`);
    expect(modal!.body.data.components[0].components[0]).toMatchObject({ type: 4, custom_id: 'text', style: 2, value: '2時間目に保健室へ。表情は落ち着いていた。' });
    expect(harness!.turns).toHaveLength(turnsBefore); // opening the form is not a turn

    const submit = editFormSubmit(formId, '2時間目に保健室へ。表情は硬かった。', message);
    harness!.feed.interaction(submit);
    await harness!.adapter.idle();
    const [update] = harness!.api.find('POST', `/interactions/${submit.id}/${submit.token}/callback`);
    expect(update!.body).toMatchObject({ type: 7, data: { components: [] } });
    expect(lastTurnAction()).toEqual({ kind: 'draft', decision: 'edit', edit: '2時間目に保健室へ。表情は硬かった。' });
    const [followUp] = harness!.api.find('POST', `/webhooks/${APPLICATION_ID}/${submit.token}`);
    expect(followUp!.body.flags & 64).toBe(64);
  });

  it('a double click on Save reaches the engine once', async () => {
    const { button, message } = await showButtons(DRAFT_ACTIONS);
    const turnsBefore = harness!.turns.length;
    harness!.feed.interaction(buttonClick(button('保存').custom_id, message));
    harness!.feed.interaction(buttonClick(button('保存').custom_id, message));
    await harness!.adapter.idle();
    expect(harness!.turns.length - turnsBefore).toBe(1);
    expect(harness!.logs).toContainEqual({ level: 'warn', code: 'discord.component_ignored', fields: { reason: 'already_handling' } });
  });

  it("ignores another user's click on a teacher's command conversation", async () => {
    const { button, message } = await showButtons(DRAFT_ACTIONS);
    const turnsBefore = harness!.turns.length;
    const click = buttonClick(button('保存').custom_id, message, { user: OTHER_TEACHER });
    harness!.feed.interaction(click);
    await harness!.adapter.idle();
    expect(harness!.turns).toHaveLength(turnsBefore);
    const [ack] = harness!.api.find('POST', `/interactions/${click.id}/${click.token}/callback`);
    expect(ack!.body.type).toBe(6); // acknowledged without change, so Discord shows no error
    expect(harness!.logs).toContainEqual({ level: 'warn', code: 'discord.component_ignored', fields: { reason: 'not_owner' } });
  });

  it('a click in a DM is answered in the DM, as a normal (non-ephemeral) message', async () => {
    harness = await startAdapter((message) => reply(message.action ? '保存しました。' : '記録しますか？', { actions: message.action ? [] : DRAFT_ACTIONS }));
    const key = `discord:${DM_CHANNEL_ID}`;
    const message = botMessage([{ type: 1, components: [{ type: 2, style: 1, label: '保存', custom_id: `y1|ds||${key}` }] }], { in: 'dm' });
    const click = buttonClick(`y1|ds||${key}`, message, { in: 'dm' });
    harness.feed.interaction(click);
    await harness.adapter.idle();
    expect(harness.turns[0]).toMatchObject({ conversation: { platform: 'discord', parts: [DM_CHANNEL_ID] }, action: { kind: 'draft', decision: 'save' } });
    const [followUp] = harness.api.find('POST', `/webhooks/${APPLICATION_ID}/${click.token}`);
    expect(followUp!.body.content).toBe('保存しました。');
    expect(followUp!.body.flags & 64).toBe(0);
  });
});
