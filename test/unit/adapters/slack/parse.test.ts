import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanText, parseButtonClick, parseDirectMessage, parseEditSubmission, parseHomeOpened, parseMention, parseSlashCommand, revokedWorkspace } from '../../../../src/adapters/slack/parse.ts';

const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));
const context = { botUserId: 'U0BOT', now: new Date('2026-11-20T08:00:00Z') };

describe('parseMention', () => {
  it('answers in a new thread under the mention, without the mention, unescaped', () => {
    const turn = parseMention(fixture('app-mention'), context)!;
    expect(turn.message).toMatchObject({
      id: 'slack:C0STAFF:1700000000.000100',
      conversation: { platform: 'slack', parts: ['C0STAFF', '1700000000.000100'] },
      author: { platformUserId: 'U0ASKER' },
      text: '2年1組の佐藤さんの今週の出席は？ <b> & co',
      isDirect: false,
      mentionsBot: true,
      receivedAt: context.now,
    });
    expect(turn.target).toEqual({ kind: 'thread', channel: 'C0STAFF', threadTs: '1700000000.000100', userId: 'U0ASKER' });
    expect(turn.reactTo).toEqual({ channel: 'C0STAFF', ts: '1700000000.000100' });
  });

  it('continues an existing thread and strips the <@U|name> form', () => {
    const turn = parseMention(fixture('app-mention-in-thread'), context)!;
    expect(turn.message.conversation.parts).toEqual(['C0STAFF', '1700000000.000100']);
    expect(turn.message.text).toBe('続きです');
    expect(turn.target).toMatchObject({ threadTs: '1700000000.000100' });
    expect(turn.reactTo).toEqual({ channel: 'C0STAFF', ts: '1700000050.000200' });
  });

  it('ignores mentions by bots', () => {
    expect(parseMention({ ...fixture('app-mention'), bot_id: 'B0OTHER' }, context)).toBeUndefined();
  });
});

describe('parseDirectMessage', () => {
  it('is a direct conversation keyed by the DM channel', () => {
    const turn = parseDirectMessage(fixture('dm-message'), context)!;
    expect(turn.message).toMatchObject({ conversation: { platform: 'slack', parts: ['D0ASKER'] }, text: '佐藤さん 保健室で休養 30分', isDirect: true, mentionsBot: false });
    expect(turn.target).toEqual({ kind: 'dm', channel: 'D0ASKER' });
  });

  it('keeps a DM thread as its own conversation and answers in it', () => {
    const turn = parseDirectMessage({ ...fixture('dm-message'), thread_ts: '1699999999.000001' }, context)!;
    expect(turn.message.conversation.parts).toEqual(['D0ASKER', '1699999999.000001']);
    expect(turn.target).toEqual({ kind: 'dm', channel: 'D0ASKER', threadTs: '1699999999.000001' });
  });

  it('ignores edits, bot posts (our own included) and channel messages', () => {
    expect(parseDirectMessage(fixture('dm-message-changed'), context)).toBeUndefined();
    expect(parseDirectMessage(fixture('dm-from-bot'), context)).toBeUndefined();
    expect(parseDirectMessage({ ...fixture('dm-message'), channel_type: 'channel' }, context)).toBeUndefined();
  });
});

describe('parseSlashCommand', () => {
  it('is private, keyed per channel and user, and empty text means help', () => {
    const turn = parseSlashCommand(fixture('slash-command'), context)!;
    expect(turn.message).toMatchObject({ conversation: { parts: ['C0STAFF', 'cmd', 'U0ASKER'] }, text: 'help', isDirect: true, author: { platformUserId: 'U0ASKER', displayName: 'asker' } });
    expect(turn.target).toEqual({ kind: 'ephemeral', channel: 'C0STAFF', responseUrl: 'https://hooks.slack.com/commands/T0SCHOOL/111/abc', userId: 'U0ASKER' });
  });
});

describe('parseButtonClick', () => {
  it('maps Save in a DM to the draft action of the conversation in the value', () => {
    const click = parseButtonClick(fixture('block-actions-dm-save'), context);
    expect(click?.kind).toBe('turn');
    if (click?.kind !== 'turn') return;
    expect(click.turn.message).toMatchObject({ conversation: { platform: 'slack', parts: ['D0ASKER'] }, author: { platformUserId: 'U0ASKER' }, text: '保存', action: { kind: 'draft', decision: 'save' }, isDirect: true });
    expect(click.turn.target).toEqual({ kind: 'dm', channel: 'D0ASKER' });
    expect(click.host).toMatchObject({ kind: 'message', channel: 'D0ASKER', ts: '1700000100.000100' });
  });

  it('turns Edit into a form to open, prefilled, remembering where to answer', () => {
    const body = fixture('block-actions-dm-save') as { actions: Record<string, unknown>[]; message: { blocks: { elements?: Record<string, unknown>[] }[] } };
    body.actions = [body.message.blocks[1]!.elements![1]!];
    const click = parseButtonClick(body, context);
    expect(click).toMatchObject({ kind: 'edit', triggerId: '333.444.def', prefill: '保健室で休養', metadata: { c: 'slack:D0ASKER', l: '編集', g: 'ja', to: { kind: 'dm', channel: 'D0ASKER' }, host: { kind: 'message', ts: '1700000100.000100' } } });
  });

  it('maps choose on an ephemeral message, answered via its response_url', () => {
    const click = parseButtonClick(fixture('block-actions-ephemeral-choose'), context);
    if (click?.kind !== 'turn') throw new Error('expected a turn');
    expect(click.turn.message.action).toEqual({ kind: 'choose_student', studentId: 'S0002' });
    expect(click.turn.message.conversation.parts).toEqual(['C0STAFF', 'cmd', 'U0ASKER']);
    expect(click.turn.target).toEqual({ kind: 'ephemeral', channel: 'C0STAFF', responseUrl: 'https://hooks.slack.com/actions/T0SCHOOL/888/eph', userId: 'U0ASKER' });
    expect(click.host).toEqual({ kind: 'ephemeral', channel: 'C0STAFF', responseUrl: 'https://hooks.slack.com/actions/T0SCHOOL/888/eph' });
  });

  it('maps Undo in a channel thread; the clicking user is the author and the target', () => {
    const click = parseButtonClick(fixture('block-actions-thread-undo'), context);
    if (click?.kind !== 'turn') throw new Error('expected a turn');
    expect(click.turn.message).toMatchObject({ action: { kind: 'undo', recordId: 'OBS-42' }, author: { platformUserId: 'U0OTHER' }, isDirect: false });
    expect(click.turn.target).toEqual({ kind: 'thread', channel: 'C0STAFF', threadTs: '1700000400.000100', userId: 'U0OTHER' });
  });

  it('answers a click in App Home by DM', () => {
    const click = parseButtonClick(fixture('block-actions-home'), context);
    if (click?.kind !== 'turn') throw new Error('expected a turn');
    expect(click.turn.target).toEqual({ kind: 'user', userId: 'U0ASKER' });
    expect(click.host).toEqual({ kind: 'view' });
  });

  it('ignores other apps’ buttons, broken values and other platforms’ keys', () => {
    const body = fixture('block-actions-dm-save') as { actions: Record<string, unknown>[] };
    const withAction = (action: Record<string, unknown>) => ({ ...body, actions: [{ ...body.actions[0], ...action }] });
    expect(parseButtonClick(withAction({ action_id: 'other_app_button' }), context)).toBeUndefined();
    expect(parseButtonClick(withAction({ value: 'not json' }), context)).toBeUndefined();
    expect(parseButtonClick(withAction({ value: '{"c":"discord:123"}' }), context)).toBeUndefined();
    expect(parseButtonClick(withAction({ action_id: 'yorisoi_undo', value: '{"c":"slack:D0ASKER"}' }), context)).toBeUndefined();
  });
});

describe('parseEditSubmission', () => {
  it('sends the rewritten note as a draft edit, answered where Edit was pressed', () => {
    const submitted = parseEditSubmission(fixture('view-submission-edit'), context)!;
    expect(submitted.turn.message).toMatchObject({ conversation: { parts: ['D0ASKER'] }, text: '編集', action: { kind: 'draft', decision: 'edit', edit: '保健室で休養 45分（午後は教室へ）' } });
    expect(submitted.turn.target).toEqual({ kind: 'dm', channel: 'D0ASKER' });
    expect(submitted.host).toMatchObject({ kind: 'message', channel: 'D0ASKER', ts: '1700000100.000100' });
  });

  it('answers an edit of an ephemeral draft to whoever sent the form (their DM gets any files)', () => {
    const body = fixture('view-submission-edit') as { view: { private_metadata: string } };
    const metadata = JSON.parse(body.view.private_metadata) as Record<string, unknown>;
    // Metadata written before ephemeral targets named their user, or naming someone else.
    for (const to of [{ kind: 'ephemeral', channel: 'C0STAFF', responseUrl: 'https://hooks.slack.com/x' }, { kind: 'ephemeral', channel: 'C0STAFF', responseUrl: 'https://hooks.slack.com/x', userId: 'U0OTHER' }]) {
      body.view.private_metadata = JSON.stringify({ ...metadata, to });
      expect(parseEditSubmission(body, context)!.turn.target).toEqual({ kind: 'ephemeral', channel: 'C0STAFF', responseUrl: 'https://hooks.slack.com/x', userId: 'U0ASKER' });
    }
  });
});

describe('App Home and uninstalling', () => {
  it('reads whose home was opened, only for the Home tab', () => {
    expect(parseHomeOpened(fixture('app-home-opened'))).toEqual({ userId: 'U0ASKER', conversationKey: 'slack:D0ASKER' });
    expect(parseHomeOpened({ ...fixture('app-home-opened'), tab: 'messages' })).toBeUndefined();
  });

  it('finds the workspace whose bot token is gone', () => {
    expect(revokedWorkspace(fixture('app-uninstalled'))).toBe('T0SCHOOL');
    expect(revokedWorkspace(fixture('tokens-revoked-bot'))).toBe('T0SCHOOL');
    expect(revokedWorkspace(fixture('tokens-revoked-user-only'))).toBeUndefined();
  });
});

describe('cleanText', () => {
  it('removes only the bot’s mention; an escaped mention typed as text stays text', () => {
    expect(cleanText('<@U0BOT> hi <@U0OTHER> &lt;@U0BOT&gt;', 'U0BOT')).toBe('hi <@U0OTHER> <@U0BOT>');
  });
});
