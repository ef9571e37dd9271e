// Discord events as plain objects -> the engine's IncomingMessage.
import { describe, expect, it } from 'vitest';
import { clickerOwns, commandText, parseComponent, parseDirectMessage, parseSlashCommand, prefersJapanese, type ComponentEvent, type SlashCommandEvent } from '../../../../src/adapters/discord/parse.ts';

const at = new Date('2026-11-20T08:00:00Z');
const teacher = { id: '700000000000000001', username: 'sato_t', globalName: '佐藤先生' };
const command = (subcommand: string, fields: Partial<SlashCommandEvent> = {}): SlashCommandEvent => ({
  interactionId: '111',
  commandName: 'yorisoi',
  subcommand,
  channelId: '222',
  user: teacher,
  locale: 'ja',
  receivedAt: at,
  ...fields,
});
const key = `discord:222:cmd:${teacher.id}`;
const click = (customId: string, fields: Partial<ComponentEvent> = {}): ComponentEvent => ({ interactionId: '333', customId, user: teacher, receivedAt: at, ...fields });

describe('parseSlashCommand', () => {
  it('makes /yorisoi ask a private message in a per-user command conversation', () => {
    expect(parseSlashCommand(command('ask', { text: '  佐藤さんの様子は？ ' }))).toEqual({
      id: 'discord-111',
      conversation: { platform: 'discord', parts: ['222', 'cmd', teacher.id] },
      author: { platformUserId: teacher.id, displayName: '佐藤先生' },
      text: '佐藤さんの様子は？',
      isDirect: true,
      mentionsBot: true,
      receivedAt: at,
    });
  });

  it('phrases each subcommand for the engine, in the language of the text', () => {
    const text = (subcommand: string, fields: Partial<SlashCommandEvent>) => parseSlashCommand(command(subcommand, fields))?.text;
    expect(text('log', { text: '佐藤さん、保健室へ' })).toBe('記録：佐藤さん、保健室へ');
    expect(text('log', { text: 'Sato went to the nurse', locale: 'ja' })).toBe('Log: Sato went to the nurse');
    expect(text('suggest', { text: '佐藤さん' })).toBe('佐藤さん にどんな支援ができる？');
    expect(text('suggest', { text: 'Sato', locale: 'ja' })).toBe('What support could help Sato?');
    expect(text('digest', {})).toBe('今週のまとめ');
    expect(text('digest', { locale: 'en-US' })).toBe("this week's digest");
    expect(text('digest', { week: '先週' })).toBe('先週のまとめ');
    expect(text('digest', { week: '11/9' })).toBe('11/9の週のまとめ');
    expect(text('digest', { week: 'last week', locale: 'ja' })).toBe('weekly digest: last week');
    expect(text('ask', { text: 'How is Sato?' })).toBe('How is Sato?');
  });

  it('uses the username when the user set no display name', () => {
    expect(parseSlashCommand(command('ask', { text: 'x', user: { ...teacher, globalName: null } }))?.author.displayName).toBe('sato_t');
  });

  it('returns nothing for another command, an unknown subcommand or missing text', () => {
    expect(parseSlashCommand(command('ask', { text: 'x', commandName: 'other' }))).toBeUndefined();
    expect(parseSlashCommand(command('delete', { text: 'x' }))).toBeUndefined();
    expect(parseSlashCommand(command('ask', { text: '   ' }))).toBeUndefined();
    expect(parseSlashCommand(command('log', {}))).toBeUndefined();
  });
});

describe('prefersJapanese and commandText', () => {
  it('judges by the text, and by the client language when the text has no letters', () => {
    expect(prefersJapanese('佐藤', 'en-US')).toBe(true);
    expect(prefersJapanese('Sato', 'ja')).toBe(false);
    expect(prefersJapanese('S001', 'ja')).toBe(false);
    expect(prefersJapanese('11/9', 'ja')).toBe(true);
    expect(prefersJapanese('11/9', 'en-GB')).toBe(false);
    expect(commandText('digest', '11/9', 'en-GB')).toBe('weekly digest: 11/9');
  });
});

describe('parseDirectMessage', () => {
  const dm = { messageId: '444', channelId: '555', isDirectChannel: true, author: teacher, content: ' 佐藤さんの様子は？ ', receivedAt: at };

  it('makes a DM a private message in the DM conversation', () => {
    expect(parseDirectMessage(dm)).toEqual({
      id: 'discord-444',
      conversation: { platform: 'discord', parts: ['555'] },
      author: { platformUserId: teacher.id, displayName: '佐藤先生' },
      text: '佐藤さんの様子は？',
      isDirect: true,
      mentionsBot: true,
      receivedAt: at,
    });
  });

  it('ignores server channels, bots and empty messages', () => {
    expect(parseDirectMessage({ ...dm, isDirectChannel: false })).toBeUndefined();
    expect(parseDirectMessage({ ...dm, author: { ...teacher, bot: true } })).toBeUndefined();
    expect(parseDirectMessage({ ...dm, content: ' \n ' })).toBeUndefined();
  });
});

describe('parseComponent', () => {
  it('turns buttons into the matching UserAction, said in the button label', () => {
    const turn = (customId: string, label?: string) => {
      const parsed = parseComponent(click(customId, { label }));
      return parsed.kind === 'turn' ? [parsed.message.action, parsed.message.text] : parsed;
    };
    expect(turn(`y1|ds||${key}`, '保存')).toEqual([{ kind: 'draft', decision: 'save' }, '保存']);
    expect(turn(`y1|dc||${key}`, 'Cancel')).toEqual([{ kind: 'draft', decision: 'cancel' }, 'Cancel']);
    expect(turn(`y1|u|42|${key}`, '元に戻す')).toEqual([{ kind: 'undo', recordId: '42' }, '元に戻す']);
    expect(turn(`y1|c|S001|${key}`, '佐藤 結衣')).toEqual([{ kind: 'choose_student', studentId: 'S001' }, '佐藤 結衣']);
    expect(turn(`y1|ds||${key}`)).toEqual([{ kind: 'draft', decision: 'save' }, 'save']);
  });

  it('continues the conversation in the custom_id, as the clicker', () => {
    const parsed = parseComponent(click(`y1|ds||${key}`, { label: '保存' }));
    expect(parsed).toEqual({
      kind: 'turn',
      message: {
        id: 'discord-333',
        conversation: { platform: 'discord', parts: ['222', 'cmd', teacher.id] },
        author: { platformUserId: teacher.id, displayName: '佐藤先生' },
        text: '保存',
        isDirect: true,
        mentionsBot: true,
        receivedAt: at,
        action: { kind: 'draft', decision: 'save' },
      },
    });
  });

  it('asks for the edit form on Edit, and reads the submitted form as the edit decision', () => {
    expect(parseComponent(click(`y1|de||${key}`))).toEqual({ kind: 'open_edit_form', conversation: { platform: 'discord', parts: ['222', 'cmd', teacher.id] } });
    const submitted = parseComponent(click(`y1|df||${key}`, { formText: ' 表情は硬かった ' }));
    expect(submitted.kind === 'turn' && submitted.message.action).toEqual({ kind: 'draft', decision: 'edit', edit: '表情は硬かった' });
    expect(parseComponent(click(`y1|df||${key}`, { formText: '  ' }))).toEqual({ kind: 'ignore', reason: 'empty_edit' });
  });

  it("ignores unknown custom_ids and another user's command conversation", () => {
    expect(parseComponent(click('something-else'))).toEqual({ kind: 'ignore', reason: 'unknown_custom_id' });
    expect(parseComponent(click(`y1|ds||${key}`, { user: { id: '700000000000000002', username: 'suzuki_t' } }))).toEqual({ kind: 'ignore', reason: 'not_owner' });
  });

  it('lets anyone in a DM act: a DM has one human in it', () => {
    expect(clickerOwns({ platform: 'discord', parts: ['555'] }, 'anyone')).toBe(true);
    expect(clickerOwns({ platform: 'discord', parts: ['222', 'cmd', 'owner'] }, 'owner')).toBe(true);
    expect(clickerOwns({ platform: 'discord', parts: ['222', 'cmd', 'owner'] }, 'someone')).toBe(false);
  });
});
