// Reply -> Discord message JSON: pieces under the limit, buttons on the last piece, the edit form.
import { ButtonStyle, ComponentType, TextInputStyle } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { EDIT_TEXT_MAX, editTextOf, failureReply, renderButtons, renderEditForm, renderReply } from '../../../../src/adapters/discord/render.ts';
import type { Action, Reply } from '../../../../src/chat/types.ts';
import type { ConversationRef } from '../../../../src/chat/conversation-ref.ts';

const conversation: ConversationRef = { platform: 'discord', parts: ['222', 'cmd', '777'] };
const key = 'discord:222:cmd:777';
const draft: Action[] = [
  { type: 'draft', decision: 'save', label: '保存' },
  { type: 'draft', decision: 'edit', label: '修正', text: '保健室へ' },
  { type: 'draft', decision: 'cancel', label: '取消' },
];
const reply = (text: string, actions?: Action[]): Reply => ({ text, language: 'ja', sensitivity: 'restricted', ...(actions ? { actions } : {}) });

describe('renderReply', () => {
  it('renders a draft as text with Save / Edit / Cancel buttons', () => {
    expect(renderReply(reply('この内容で記録しますか？', draft), conversation)).toEqual({
      parts: [
        {
          content: 'この内容で記録しますか？',
          components: [
            {
              type: ComponentType.ActionRow,
              components: [
                { type: ComponentType.Button, style: ButtonStyle.Primary, label: '保存', custom_id: `y1|ds||${key}` },
                { type: ComponentType.Button, style: ButtonStyle.Secondary, label: '修正', custom_id: `y1|de||${key}` },
                { type: ComponentType.Button, style: ButtonStyle.Danger, label: '取消', custom_id: `y1|dc||${key}` },
              ],
            },
          ],
        },
      ],
      omittedActions: 0,
    });
  });

  it('puts the buttons under the last piece of a long text', () => {
    const { parts } = renderReply(reply('あ'.repeat(4500), [{ type: 'undo', label: '元に戻す', recordId: '9' }]), conversation);
    expect(parts.map((p) => [p.content.length, p.components.length])).toEqual([
      [2000, 0],
      [2000, 0],
      [500, 1],
    ]);
  });

  it('renders no components for a reply without actions', () => {
    expect(renderReply(reply('こんにちは'), conversation).parts).toEqual([{ content: 'こんにちは', components: [] }]);
  });

  it('puts the reply’s files under the last piece only, and none where there are none', () => {
    const chart = { filename: 'chart.png', contentType: 'image/png' as const, data: new Uint8Array([1, 2, 3]), altText: '出席' };
    const { parts } = renderReply({ ...reply('あ'.repeat(4500)), attachments: [chart] }, conversation);
    expect(parts.map((p) => p.files)).toEqual([undefined, undefined, [chart]]);
    expect(renderReply({ ...reply('x'), attachments: [] }, conversation).parts[0]).not.toHaveProperty('files');
  });
});

describe('renderButtons', () => {
  it('puts five to a row, at most 25, with labels cut to 80 characters, and counts what it left out', () => {
    const choices: Action[] = Array.from({ length: 27 }, (_, i) => ({ type: 'choose_student', label: `生徒${i}`.padEnd(90, '＊'), studentId: `S${i}` }));
    const { rows, omitted } = renderButtons([...choices, { type: 'undo', label: 'x', recordId: 'r'.repeat(80) }], conversation);
    expect(rows.map((r) => r.components.length)).toEqual([5, 5, 5, 5, 5]);
    expect(omitted).toBe(3);
    for (const button of rows.flatMap((r) => r.components)) expect(button.label!.length).toBeLessThanOrEqual(80);
  });
});

describe('the edit form', () => {
  it('is one paragraph box prefilled with the note, titled in the reply language', () => {
    expect(renderEditForm('y1|df||x', '保健室へ', 'ja')).toEqual({
      custom_id: 'y1|df||x',
      title: '記録を修正',
      components: [{ type: ComponentType.ActionRow, components: [{ type: ComponentType.TextInput, custom_id: 'text', style: TextInputStyle.Paragraph, label: '記録の内容', required: true, max_length: EDIT_TEXT_MAX, value: '保健室へ' }] }],
    });
    expect(renderEditForm('id', undefined, 'en').title).toBe('Edit the note');
    const textBox = (form: ReturnType<typeof renderEditForm>) => (form.components[0] as { components: Array<{ value?: string }> }).components[0]!;
    expect(textBox(renderEditForm('id', undefined, 'en'))).not.toHaveProperty('value');
    expect(textBox(renderEditForm('id', 'x'.repeat(5000), 'ja')).value).toHaveLength(EDIT_TEXT_MAX);
  });

  it("takes its prefill from the reply's Edit action", () => {
    expect(editTextOf(reply('?', draft))).toBe('保健室へ');
    expect(editTextOf(reply('?'))).toBeUndefined();
  });
});

describe('failureReply', () => {
  it('apologises in either language, with nothing about any student', () => {
    expect(failureReply('ja')).toMatchObject({ language: 'ja', sensitivity: 'public' });
    expect(failureReply('en').text).toMatch(/^Sorry/);
  });
});
