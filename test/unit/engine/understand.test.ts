import { describe, expect, it } from 'vitest';
import { Intent } from '../../../src/engine/intent.ts';
import { detectLanguage } from '../../../src/engine/language.ts';
import { understandOffline } from '../../../src/engine/offline/understand.ts';

// Friday 2026-11-20, after school, in Tokyo.
const now = new Date('2026-11-20T17:00:00+09:00');
const idle = { now, awaitingChoice: false, awaitingConfirmation: false };
const understand = (text: string, context: Partial<typeof idle> = {}) => {
  const intent = understandOffline(text, { ...idle, ...context });
  // Every intent the offline engine produces is valid under the contract both engines share.
  expect(Intent.safeParse(intent).success, JSON.stringify(intent)).toBe(true);
  return intent;
};

describe('language of a message', () => {
  it.each([
    ['鈴木結衣さんの様子は？', 'ja'],
    ['How is Yui?', 'en'],
    ['How is 鈴木?', 'en'],
    ['鈴木結衣', 'ja'],
    ['2', undefined],
  ])('%s -> %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});

describe('offline understanding: conversation', () => {
  it.each(['help', 'Help me', 'ヘルプ', '使い方', '使い方を教えて', '何ができますか？', '?', 'What can you do?', 'How do I use this?', 'どうやって使うの？', '何を聞けばいい？'])(
    '%s is help',
    (text) => {
      expect(understand(text).type).toBe('help');
    },
  );
  it.each(['ありがとう！', 'お疲れ様です', 'おはようございます', '了解です、ありがとうございます', 'Thanks a lot!', 'hello', 'ok thanks', 'Good morning Yorisoi', 'どうもありがとうございました！'])(
    '%s is smalltalk',
    (text) => {
      expect(understand(text)).toMatchObject({ type: 'smalltalk' });
    },
  );
  it('a greeting with a question is the question', () => {
    expect(understand('こんにちは、鈴木さんの様子を教えて').type).toBe('ask_about_student');
    expect(understand('Hi, how is Yui?').type).toBe('ask_about_student');
  });
  it.each(['今週気になる生徒は？', 'Which students are at risk of reaching 30 days absent?', 'who needs attention?', '要注意の生徒を教えて', '不登校になりそうな子はいる？', 'Who is close to 30 days absent?'])(
    '%s asks who needs attention',
    (text) => {
      expect(understand(text).type).toBe('list_attention');
    },
  );
  it('a named student is not a group: 「鈴木さんは要注意？」 asks about her', () => {
    expect(understand('鈴木さんは要注意？').type).toBe('ask_about_student');
  });
  it('the weekly digest, of this week or of the week a message names (a Monday)', () => {
    expect(understand('今週のまとめを見せて')).toEqual({ type: 'digest_preview' });
    expect(understand('Show me my weekly digest')).toEqual({ type: 'digest_preview' });
    expect(understand('先週のまとめを見せて')).toEqual({ type: 'digest_preview', weekOf: '2026-11-09' });
    expect(understand("last week's summary")).toEqual({ type: 'digest_preview', weekOf: '2026-11-09' });
    expect(understand('digest for the week of 11/4')).toEqual({ type: 'digest_preview', weekOf: '2026-11-02' });
  });
  it('empty text, or no words at all, is not understood', () => {
    expect(understand('   ').type).toBe('unknown');
    expect(understand('...').type).toBe('unknown');
    expect(understand('2').type).toBe('unknown');
  });
});

describe('offline understanding: replies to what the conversation waits for', () => {
  it('a number or a student id answers an ask-back only while one is pending', () => {
    expect(understand('2', { awaitingChoice: true })).toEqual({ type: 'choose_student', choice: '2' });
    expect(understand('２', { awaitingChoice: true })).toEqual({ type: 'choose_student', choice: '2' });
    expect(understand('2番', { awaitingChoice: true })).toEqual({ type: 'choose_student', choice: '2' });
    expect(understand('S011', { awaitingChoice: true })).toEqual({ type: 'choose_student', choice: 'S011' });
    expect(understand('the second one', { awaitingChoice: true })).toEqual({ type: 'choose_student', choice: '2' });
    expect(understand('S011').type).toBe('ask_about_student');
  });
  it('while an ask-back is pending, a new question is still a question', () => {
    expect(understand('鈴木さんの様子は？', { awaitingChoice: true }).type).toBe('ask_about_student');
  });
  it('Save, Edit with the new text, Cancel answer a draft only while one is shown', () => {
    const pending = { awaitingConfirmation: true };
    expect(understand('保存', pending)).toEqual({ type: 'confirm_draft', decision: 'save' });
    expect(understand('はい', pending)).toEqual({ type: 'confirm_draft', decision: 'save' });
    expect(understand('OK', pending)).toEqual({ type: 'confirm_draft', decision: 'save' });
    expect(understand('yes', pending)).toEqual({ type: 'confirm_draft', decision: 'save' });
    expect(understand('キャンセル', pending)).toEqual({ type: 'confirm_draft', decision: 'cancel' });
    expect(understand('取消', pending)).toEqual({ type: 'confirm_draft', decision: 'cancel' });
    expect(understand('やめ', pending)).toEqual({ type: 'confirm_draft', decision: 'cancel' });
    expect(understand('no', pending)).toEqual({ type: 'confirm_draft', decision: 'cancel' });
    expect(understand('修正：鈴木さん、今朝は2限から登校。', pending)).toEqual({ type: 'confirm_draft', decision: 'edit', edit: '鈴木さん、今朝は2限から登校。' });
    expect(understand('edit: Yui came in at period 2', pending)).toEqual({ type: 'confirm_draft', decision: 'edit', edit: 'Yui came in at period 2' });
    expect(understand('編集', pending)).toEqual({ type: 'confirm_draft', decision: 'edit' });
    expect(understand('はい').type).toBe('smalltalk');
    expect(understand('修正').type).not.toBe('confirm_draft');
  });
  it('turns the asker’s own digest on or off, and still previews it when asked', () => {
    expect(understand('週報 オフ')).toEqual({ type: 'digest_subscription', enabled: false });
    expect(understand('週報を止めて')).toEqual({ type: 'digest_subscription', enabled: false });
    expect(understand('digest off')).toEqual({ type: 'digest_subscription', enabled: false });
    expect(understand('週報 オン')).toEqual({ type: 'digest_subscription', enabled: true });
    expect(understand('digest on')).toEqual({ type: 'digest_subscription', enabled: true });
    expect(understand('turn on my weekly digest')).toEqual({ type: 'digest_subscription', enabled: true });
    expect(understand('今週のまとめを見せて').type).toBe('digest_preview');
    expect(understand('weekly digest').type).toBe('digest_preview');
  });
  it('a typed undo takes back the last saved note, in either language', () => {
    expect(understand('元に戻す')).toEqual({ type: 'undo_observation' });
    expect(understand('undo')).toEqual({ type: 'undo_observation' });
    expect(understand('Undo that.')).toEqual({ type: 'undo_observation' });
    expect(understand('取り消し', { awaitingConfirmation: true })).toEqual({ type: 'confirm_draft', decision: 'cancel' });
  });
  it('Save or Cancel with no draft shown is about a draft (the engine answers that none is waiting)', () => {
    expect(understand('保存')).toEqual({ type: 'confirm_draft', decision: 'save' });
    expect(understand('取消')).toEqual({ type: 'confirm_draft', decision: 'cancel' });
    expect(understand('cancel')).toEqual({ type: 'confirm_draft', decision: 'cancel' });
  });
  it('while a draft is shown, a message that is no reply is understood as itself', () => {
    expect(understand('高橋くんの様子は？', { awaitingConfirmation: true }).type).toBe('ask_about_student');
  });
});

describe('offline understanding: about a student', () => {
  it.each([
    '鈴木さんの最近の様子を教えて',
    '伊藤くんの遅刻、どれくらい？',
    '山本悠真の出席状況は？',
    'こばやしくんの様子',
    '渡辺さくらは最近どう？',
    'Aoi Nakamura - how is she doing?',
    'Was Ren absent today?',
    'Is Mei okay these days',
    '加藤さん、最近元気ないけど何かあった？',
  ])('%s asks about a student', (text) => {
    expect(understand(text).type).toBe('ask_about_student');
  });
  it('a question keeps the name in its text and narrows to the period it names', () => {
    expect(understand('鈴木さんの様子は？')).toEqual({ type: 'ask_about_student', text: '鈴木さんの様子は?' });
    expect(understand('彼女の先月の欠席は？')).toMatchObject({ period: { from: '2026-10-01', to: '2026-10-31' } });
    expect(understand('How has Ren been doing this month?')).toMatchObject({ period: { from: '2026-11-01', to: '2026-11-20' } });
    expect(understand('and last week?')).toMatchObject({ type: 'ask_about_student', period: { from: '2026-11-09', to: '2026-11-15' } });
  });
  it.each([
    '高橋くんにどんな支援ができる？',
    'What support would you suggest for Yui Suzuki?',
    '中村さんへの次の一手は？',
    'what could we try for Ren?',
    '鈴木さんにどう対応すればいい？',
    'How can we help Aoi?',
    '湊くんの早退を減らすには？',
    '中村葵さんへの声かけのコツを教えて',
  ])('%s asks for support ideas', (text) => {
    expect(understand(text).type).toBe('suggest_support');
  });
  it.each([
    '記録：鈴木さん、今朝は1限から登校。表情は明るかった。',
    '今日は山本くんが友達と楽しそうに話していた',
    '田中美咲さんが2限に保健室に来た。頭痛とのこと。',
    'Airi came to the nurse\'s office at lunch feeling dizzy.',
    'Ren was absent again today',
    '鈴木さん、今日は休みでした',
    '「なんで学校に行かなきゃいけないの？」と鈴木さんが言っていた',
    'When I handed back the quiz, Yui quickly hid the paper.',
    '田中さんが保健室登校を始めた',
    'Yui started coming to school in the mornings',
  ])('%s is an observation to log', (text) => {
    expect(understand(text).type).toBe('log_observation');
  });
  it('safeguarding words make a note to log, whatever its form, unless it plainly asks', () => {
    expect(understand('加藤さん 死にたい').type).toBe('log_observation');
    expect(understand('加藤さんの腕にあざ').type).toBe('log_observation');
    expect(understand('加藤さんの記録で「消えたい」が出てくるものを探して').type).toBe('search_history');
  });
  it.each([
    '鈴木さんの月曜朝のチェックインを今日から始めました',
    'Started weekly home visits for Ren Takahashi today.',
    '伊藤くんのモーニングコールは効果がなかったのでやめました',
    'We are continuing the weekly counseling sessions with Mei; she seems calmer.',
    'The daily check-in with Mei is continuing and going well.',
  ])('%s records a support action', (text) => {
    expect(understand(text).type).toBe('record_support_action');
  });
  it.each([
    '高橋くんの10月の家庭訪問の記録を見せて',
    'Show me the notes on Misaki Tanaka from October.',
    '加藤芽依の過去の記録で「ノート」が出てくるものを探して',
    'What did the nurse write about Misaki in October?',
    'Pull up everything the counselor wrote about Yui',
  ])('%s searches the case history', (text) => {
    expect(understand(text).type).toBe('search_history');
  });
});
