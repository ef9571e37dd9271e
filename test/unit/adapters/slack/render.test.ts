import { describe, expect, it } from 'vitest';
import { decodeButtonValue, decodeEditFormMetadata, MAX_BUTTON_VALUE, MAX_PRIVATE_METADATA } from '../../../../src/adapters/slack/button-value.ts';
import { escapeMrkdwn, POINTER_TEXT, renderEditForm, renderHomeView, renderMessage, renderPointer, splitText, withoutButtons } from '../../../../src/adapters/slack/render.ts';
import type { Reply } from '../../../../src/chat/types.ts';

const KEY = 'slack:C0STAFF:1700000000.000100';
const reply = (text: string, extra: Partial<Reply> = {}): Reply => ({ text, language: 'ja', sensitivity: 'staff', ...extra });
type AnyBlock = { type: string; text?: { text: string }; elements?: { action_id: string; value: string; text: { text: string }; style?: string }[] };

describe('escaping', () => {
  it('turns Slack’s control characters into text, so stored notes cannot ping or link', () => {
    const message = renderMessage(reply('<!channel> <@U0HEAD> <https://evil.example|here> & more'), KEY);
    const section = message.blocks[0] as AnyBlock;
    expect(section.text!.text).toBe('&lt;!channel&gt; &lt;@U0HEAD&gt; &lt;https://evil.example|here&gt; &amp; more');
    expect(message.text).toBe(section.text!.text);
    expect(JSON.stringify(message)).not.toMatch(/<[!@#]|<https?:/);
  });

  it('escapes & first, so an entity typed as text stays visible as typed', () => {
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
  });
});

describe('long text', () => {
  it('splits into sections under 3000 characters, at line breaks, losing nothing', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `${i}: 欠席の連絡がありました。`);
    const message = renderMessage(reply(lines.join('\n')), KEY);
    const sections = message.blocks.filter((b) => b.type === 'section') as AnyBlock[];
    expect(sections.length).toBeGreaterThan(1);
    for (const s of sections) expect(s.text!.text.length).toBeLessThan(3000);
    expect(sections.map((s) => s.text!.text).join('\n')).toBe(lines.join('\n'));
    expect(message.text.length).toBeLessThan(3000);
  });

  it('never cuts an escaped entity or a surrogate pair when a line has no break', () => {
    const pieces = splitText(escapeMrkdwn('<'.repeat(1000)), 2900);
    for (const piece of pieces) expect(piece).toMatch(/^(&lt;)+$/);
    const emoji = splitText('😀'.repeat(2000), 2900);
    expect(emoji.join('')).toBe('😀'.repeat(2000));
  });

  it('stays within Slack’s 50 blocks for a 200,000-character answer', () => {
    const message = renderMessage(reply('あ'.repeat(200_000)), KEY);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
  });
});

describe('buttons', () => {
  const draft = reply('下書き: 佐藤さん 保健室で休養', {
    actions: [
      { type: 'draft', decision: 'save', label: '保存' },
      { type: 'draft', decision: 'edit', label: '編集', text: '保健室で休養' },
      { type: 'draft', decision: 'cancel', label: '取り消し' },
    ],
  });

  it('renders draft buttons after the text, each carrying the conversation', () => {
    const blocks = renderMessage(draft, KEY).blocks as AnyBlock[];
    const actions = blocks.at(-1)!;
    expect(actions.type).toBe('actions');
    expect(actions.elements!.map((e) => [e.action_id, e.text.text])).toEqual([
      ['yorisoi_draft_save', '保存'],
      ['yorisoi_draft_edit', '編集'],
      ['yorisoi_draft_cancel', '取り消し'],
    ]);
    expect(actions.elements![0]!.style).toBe('primary');
    expect(decodeButtonValue(actions.elements![0]!.value)).toEqual({ c: KEY });
    expect(decodeButtonValue(actions.elements![1]!.value)).toEqual({ c: KEY, g: 'ja', t: '保健室で休養' });
  });

  it('gives undo its record and each choice its student, with unique action ids', () => {
    const choose = reply('どの生徒ですか？', {
      actions: [
        { type: 'choose_student', label: '佐藤 結衣（2年1組）', studentId: 'S1' },
        { type: 'choose_student', label: '佐藤 陽菜（3年2組）', studentId: 'S2' },
        { type: 'undo', label: '元に戻す', recordId: 'OBS-9' },
      ],
    });
    const elements = (renderMessage(choose, KEY).blocks.at(-1) as AnyBlock).elements!;
    expect(elements.map((e) => e.action_id)).toEqual(['yorisoi_choose_0', 'yorisoi_choose_1', 'yorisoi_undo']);
    expect(elements.map((e) => decodeButtonValue(e.value))).toEqual([
      { c: KEY, s: 'S1' },
      { c: KEY, s: 'S2' },
      { c: KEY, r: 'OBS-9' },
    ]);
  });

  it('drops an edit prefill too long for a button value instead of cutting the note', () => {
    const long = reply('下書き', { actions: [{ type: 'draft', decision: 'edit', label: '編集', text: 'あ'.repeat(2500) }] });
    const value = (renderMessage(long, KEY).blocks.at(-1) as AnyBlock).elements![0]!.value;
    expect(value.length).toBeLessThanOrEqual(MAX_BUTTON_VALUE);
    expect(decodeButtonValue(value)).toEqual({ c: KEY, g: 'ja' });
  });

  it('takes used buttons away and says what was chosen', () => {
    const blocks = renderMessage(draft, KEY).blocks;
    const after = withoutButtons(blocks, '保存') as AnyBlock[];
    expect(after.some((b) => b.type === 'actions')).toBe(false);
    expect(after.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '✓ 保存' }] });
  });
});

describe('pointer, home and edit form', () => {
  it('points to the DM in the reply’s language, with no other content', () => {
    expect(renderPointer('ja').text).toBe('🔒 生徒の記録を含むため、DMでお返事しました。');
    expect(renderPointer('en').text).toBe(POINTER_TEXT.en);
    expect(renderPointer('en').blocks).toHaveLength(1);
  });

  it('renders a home view with the reply and its buttons', () => {
    const view = renderHomeView(reply('今週気になる生徒 <2名>', { actions: [{ type: 'choose_student', label: '佐藤', studentId: 'S1' }] }), 'slack:D0ASKER');
    expect(view.type).toBe('home');
    expect((view.blocks[0] as AnyBlock).text!.text).toBe('今週気になる生徒 &lt;2名&gt;');
    expect((view.blocks.at(-1) as AnyBlock).type).toBe('actions');
  });

  it('opens a prefilled multiline form whose metadata says where to answer', () => {
    const metadata = { c: KEY, l: 'Edit', g: 'en' as const, to: { kind: 'dm' as const, channel: 'D0ASKER' }, host: { kind: 'message' as const, channel: 'D0ASKER', ts: '1.2', text: 't', blocks: [] } };
    const view = renderEditForm('rested in the nurse’s office', metadata);
    expect(view).toMatchObject({ type: 'modal', callback_id: 'yorisoi_edit', title: { text: 'Edit the note' }, submit: { text: 'Update' } });
    expect(view.blocks[0]).toMatchObject({ type: 'input', element: { type: 'plain_text_input', multiline: true, initial_value: 'rested in the nurse’s office' } });
    expect(decodeEditFormMetadata(view.private_metadata)).toEqual(metadata);
  });

  it('keeps the form metadata within Slack’s limit when the draft message is long', () => {
    const blocks = Array.from({ length: 10 }, () => ({ type: 'section', text: { type: 'mrkdwn', text: 'あ'.repeat(500) } }));
    const metadata = { c: KEY, l: '編集', g: 'ja' as const, to: { kind: 'dm' as const, channel: 'D0ASKER' }, host: { kind: 'message' as const, channel: 'D0ASKER', ts: '1.2', text: 'short', blocks } };
    const encoded = renderEditForm(undefined, metadata).private_metadata!;
    expect(encoded.length).toBeLessThanOrEqual(MAX_PRIVATE_METADATA);
    expect(decodeEditFormMetadata(encoded)?.host).toEqual({ kind: 'message', channel: 'D0ASKER', ts: '1.2', text: 'short' });
  });
});
