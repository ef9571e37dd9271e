// Buttons on replies: Save / Edit / Cancel on a draft, Undo, and choosing a student. A click
// becomes a turn with an action, in the conversation its button came from; used buttons are
// taken away so a draft cannot be saved twice; the answer goes where the button was.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import type { Action, IncomingMessage, Reply } from '../../../../src/chat/types.ts';
import { createFakeHandler, dmEvent, eventEnvelope, HOOKS, interaction, mentionEvent, recordResponseUrl, recordSlackApi, reply, slashCommand, startHarness, TEAM, type ApiCall, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
  nock.cleanAll();
});

const DRAFT_ACTIONS: Action[] = [
  { type: 'draft', decision: 'save', label: '保存' },
  { type: 'draft', decision: 'edit', label: '編集', text: '保健室で休養 30分' },
  { type: 'draft', decision: 'cancel', label: '取り消し' },
];

/** The engine stand-in: a draft for a new note, then answers that say what was done. */
function engine(m: IncomingMessage): Reply {
  const action = m.action;
  if (!action) return reply('記録の下書き: 佐藤さん 保健室で休養 30分', { sensitivity: 'restricted', actions: DRAFT_ACTIONS });
  if (action.kind === 'draft' && action.decision === 'save') return reply('保存しました。', { sensitivity: 'restricted', actions: [{ type: 'undo', label: '元に戻す', recordId: 'OBS-42' }] });
  if (action.kind === 'draft' && action.decision === 'edit') return reply(`記録の下書き: ${action.edit}`, { sensitivity: 'restricted', actions: DRAFT_ACTIONS });
  if (action.kind === 'undo') return reply('元に戻しました。', { sensitivity: 'restricted' });
  if (action.kind === 'choose_student') return reply(`選択: ${action.studentId}`, { sensitivity: 'restricted' });
  return reply('取り消しました。');
}

type Button = { action_id: string; value: string; text: { text: string } };
function buttonsOf(blocks: unknown): Button[] {
  return (blocks as { type: string; elements?: Button[] }[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements!);
}

/** A block_actions payload for a click on `actionId` in a message the bot posted. */
function clickOn(post: ApiCall, actionId: string, where: { ts: string; user?: string; threadTs?: string }): URLSearchParams {
  const button = buttonsOf(post.body.blocks).find((b) => b.action_id === actionId)!;
  const channel = String(post.body.channel);
  return interaction({
    type: 'block_actions',
    user: { id: where.user ?? 'U0ASKER', username: 'asker', team_id: TEAM },
    api_app_id: 'A0APP',
    token: 'x',
    container: { type: 'message', message_ts: where.ts, channel_id: channel, is_ephemeral: false, ...(where.threadTs ? { thread_ts: where.threadTs } : {}) },
    trigger_id: `trigger-${actionId}`,
    team: { id: TEAM, domain: 'school' },
    channel: { id: channel, name: 'x' },
    message: { type: 'message', ts: where.ts, ...(where.threadTs ? { thread_ts: where.threadTs } : {}), text: post.body.text, blocks: post.body.blocks },
    response_url: `${HOOKS}/actions/T0SCHOOL/1/${actionId}`,
    actions: [{ action_id: actionId, block_id: 'yorisoi_actions_0', text: { type: 'plain_text', text: button.text.text }, value: button.value, type: 'button', action_ts: '1700000999.000001' }],
  });
}

describe('draft buttons in a DM', () => {
  it('Save becomes a save action in the same conversation, and the buttons are taken away', async () => {
    const api = recordSlackApi({ 'chat.postMessage': { ok: true, ts: '1700000100.000100' } });
    h = await startHarness(createFakeHandler(engine));
    await h.send(eventEnvelope(dmEvent('佐藤さん 保健室で休養 30分')));
    await h.adapter.idle();
    const draft = api.of('chat.postMessage')[0]!;
    expect(buttonsOf(draft.body.blocks).map((b) => b.action_id)).toEqual(['yorisoi_draft_save', 'yorisoi_draft_edit', 'yorisoi_draft_cancel']);

    const response = await h.send(clickOn(draft, 'yorisoi_draft_save', { ts: '1700000100.000100' }));
    expect(response.status).toBe(200);
    await h.adapter.idle();

    expect(h.handler.turns[1]).toMatchObject({ action: { kind: 'draft', decision: 'save' }, text: '保存', conversation: { platform: 'slack', parts: ['D0ASKER'] }, author: { platformUserId: 'U0ASKER' }, isDirect: true });
    const update = api.of('chat.update')[0]!;
    expect(update.body).toMatchObject({ channel: 'D0ASKER', ts: '1700000100.000100', unfurl_links: 'false' });
    expect(buttonsOf(update.body.blocks)).toEqual([]);
    expect(JSON.stringify(update.body.blocks)).toContain('✓ 保存');
    const answer = api.of('chat.postMessage')[1]!;
    expect(answer.body).toMatchObject({ channel: 'D0ASKER', text: '保存しました。' });
    expect(buttonsOf(answer.body.blocks).map((b) => b.action_id)).toEqual(['yorisoi_undo']);
  });

  it('acts once on a double click', async () => {
    const api = recordSlackApi();
    h = await startHarness(createFakeHandler(engine));
    await h.send(eventEnvelope(dmEvent('佐藤さん 保健室')));
    await h.adapter.idle();
    const click = clickOn(api.of('chat.postMessage')[0]!, 'yorisoi_draft_save', { ts: '1700000100.000100' });
    await Promise.all([h.send(click), h.send(click)]);
    await h.adapter.idle();
    expect(h.handler.turns.filter((t) => t.action)).toHaveLength(1);
  });

  it('Cancel becomes a cancel action', async () => {
    const api = recordSlackApi();
    h = await startHarness(createFakeHandler(engine));
    await h.send(eventEnvelope(dmEvent('佐藤さん 保健室')));
    await h.adapter.idle();
    await h.send(clickOn(api.of('chat.postMessage')[0]!, 'yorisoi_draft_cancel', { ts: '1700000100.000100' }));
    await h.adapter.idle();
    expect(h.handler.turns[1]!.action).toEqual({ kind: 'draft', decision: 'cancel' });
    expect(api.of('chat.update')).toHaveLength(1);
  });

  it('Edit opens a prefilled form; sending it edits the draft, answered in the DM', async () => {
    const api = recordSlackApi({ 'views.open': { ok: true, view: { id: 'V0EDIT' } } });
    h = await startHarness(createFakeHandler(engine));
    await h.send(eventEnvelope(dmEvent('佐藤さん 保健室で休養 30分')));
    await h.adapter.idle();
    await h.send(clickOn(api.of('chat.postMessage')[0]!, 'yorisoi_draft_edit', { ts: '1700000100.000100' }));
    await h.adapter.idle();

    expect(h.handler.turns).toHaveLength(1); // opening the form is not a turn
    const opened = api.of('views.open')[0]!.body as { trigger_id: string; view: { private_metadata: string; blocks: { element: { initial_value: string; multiline: boolean } }[] } };
    expect(opened.trigger_id).toBe('trigger-yorisoi_draft_edit');
    expect(opened.view.blocks[0]!.element).toMatchObject({ initial_value: '保健室で休養 30分', multiline: true });
    expect(api.of('chat.update')).toHaveLength(0); // the draft keeps its buttons until the edit is sent

    const response = await h.send(
      interaction({
        type: 'view_submission',
        team: { id: TEAM },
        user: { id: 'U0ASKER', username: 'asker', team_id: TEAM },
        api_app_id: 'A0APP',
        view: { id: 'V0EDIT', type: 'modal', callback_id: 'yorisoi_edit', private_metadata: opened.view.private_metadata, state: { values: { yorisoi_edit_block: { yorisoi_edit_text: { type: 'plain_text_input', value: '保健室で休養 45分' } } } } },
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(''); // an empty ack closes the form
    await h.adapter.idle();

    expect(h.handler.turns[1]).toMatchObject({ action: { kind: 'draft', decision: 'edit', edit: '保健室で休養 45分' }, conversation: { parts: ['D0ASKER'] }, text: '編集' });
    expect(buttonsOf(api.of('chat.update')[0]!.body.blocks)).toEqual([]);
    expect(api.of('chat.postMessage')[1]!.body).toMatchObject({ channel: 'D0ASKER', text: '記録の下書き: 保健室で休養 45分' });
  });
});

describe('undo and choices elsewhere', () => {
  it('Undo in a channel thread maps to undo, and its restricted answer goes by DM', async () => {
    const api = recordSlackApi();
    // A staff-level reply with an Undo button, posted in a channel thread.
    h = await startHarness(createFakeHandler((m) => (m.action ? engine(m) : reply('記録しました。', { actions: [{ type: 'undo', label: '元に戻す', recordId: 'OBS-42' }] }))));
    const mention = mentionEvent('記録して');
    await h.send(eventEnvelope(mention));
    await h.adapter.idle();
    const posted = api.of('chat.postMessage')[0]!;
    expect(posted.body.channel).toBe('C0STAFF');

    await h.send(clickOn(posted, 'yorisoi_undo', { ts: '1700000100.000100', threadTs: mention.ts as string }));
    await h.adapter.idle();
    expect(h.handler.turns[1]).toMatchObject({ action: { kind: 'undo', recordId: 'OBS-42' }, conversation: { parts: ['C0STAFF', mention.ts] }, isDirect: false });
    const after = api.of('chat.postMessage').slice(1);
    expect(after.map((p) => [p.body.channel, p.body.text])).toEqual([
      ['D0ASKER', '元に戻しました。'],
      ['C0STAFF', '🔒 生徒の記録を含むため、DMでお返事しました。'],
    ]);
    expect(after[1]!.body.thread_ts).toBe(mention.ts);
  });

  it('choosing a student on an ephemeral answer replaces it and answers privately', async () => {
    const api = recordSlackApi();
    const command = recordResponseUrl('/commands/T0SCHOOL/1/abc');
    const click = recordResponseUrl('/actions/T0SCHOOL/1/choose');
    h = await startHarness(
      createFakeHandler((m) =>
        m.action
          ? engine(m)
          : reply('どの佐藤さんですか？', {
              actions: [
                { type: 'choose_student', label: '佐藤 結衣（2年1組）', studentId: 'S1' },
                { type: 'choose_student', label: '佐藤 陽菜（3年2組）', studentId: 'S2' },
              ],
            }),
      ),
    );
    await h.send(slashCommand('佐藤さんの様子'));
    await h.adapter.idle();
    const buttons = buttonsOf(command.posts[0]!.blocks);
    expect(buttons.map((b) => b.action_id)).toEqual(['yorisoi_choose_0', 'yorisoi_choose_1']);

    await h.send(
      interaction({
        type: 'block_actions',
        user: { id: 'U0ASKER', team_id: TEAM },
        container: { type: 'message', message_ts: '1700000300.000100', channel_id: 'C0STAFF', is_ephemeral: true },
        trigger_id: 't',
        team: { id: TEAM },
        channel: { id: 'C0STAFF', name: 'staff' },
        response_url: `${HOOKS}/actions/T0SCHOOL/1/choose`,
        actions: [{ action_id: 'yorisoi_choose_1', block_id: 'yorisoi_actions_0', text: { type: 'plain_text', text: buttons[1]!.text.text }, value: buttons[1]!.value, type: 'button', action_ts: '1' }],
      }),
    );
    await h.adapter.idle();
    expect(h.handler.turns[1]).toMatchObject({ action: { kind: 'choose_student', studentId: 'S2' }, text: '佐藤 陽菜（3年2組）', conversation: { parts: ['C0STAFF', 'cmd', 'U0ASKER'] } });
    expect(click.posts).toEqual([
      expect.objectContaining({ replace_original: true, text: '✓ 佐藤 陽菜（3年2組）' }),
      expect.objectContaining({ replace_original: false, response_type: 'ephemeral', text: '選択: S2' }),
    ]);
    expect(api.of('chat.postMessage')).toHaveLength(0);
  });

  it('ignores clicks whose value was not made by us', async () => {
    const api = recordSlackApi();
    h = await startHarness(createFakeHandler(engine));
    await h.send(eventEnvelope(mentionEvent('x')));
    await h.adapter.idle();
    const post = { ...api.of('chat.postMessage')[0]!, body: { ...api.of('chat.postMessage')[0]!.body, blocks: [{ type: 'actions', elements: [{ action_id: 'yorisoi_draft_save', value: 'garbage', text: { text: '保存' } }] }] } };
    await h.send(clickOn(post, 'yorisoi_draft_save', { ts: '1' }));
    await h.adapter.idle();
    expect(h.handler.turns).toHaveLength(1);
    expect(h.logs.map((l) => l.code)).toContain('slack_click_ignored');
  });
});
