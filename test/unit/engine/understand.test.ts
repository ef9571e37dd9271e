import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/engine/language.ts';
import { understandOffline } from '../../../src/engine/offline/understand.ts';

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

describe('offline understanding', () => {
  it.each(['help', 'Help me', 'ヘルプ', '使い方', '使い方を教えて', '何ができますか？', '?', 'What can you do?'])('%s is help', (text) => {
    expect(understandOffline(text, { awaitingChoice: false }).type).toBe('help');
  });
  it.each([
    '高橋くんにどんな支援ができる？',
    'What support would you suggest for Yui Suzuki?',
    '中村さんへの次の一手は？',
    'what could we try for Ren?',
    '鈴木さんにどう対応すればいい？',
    'How can we help Aoi?',
  ])('%s asks for support ideas', (text) => {
    expect(understandOffline(text, { awaitingChoice: false }).type).toBe('suggest_support');
  });
  it.each(['今週気になる生徒は？', 'Which students are at risk of reaching 30 days absent?', 'who needs attention?', '要注意の生徒を教えて'])(
    '%s asks who needs attention',
    (text) => {
      expect(understandOffline(text, { awaitingChoice: false }).type).toBe('list_attention');
    },
  );
  it('anything else may name a student', () => {
    expect(understandOffline('鈴木さんの様子は？', { awaitingChoice: false })).toEqual({ type: 'ask_about_student', text: '鈴木さんの様子は?' });
  });
  it('a number answers an ask-back only while one is pending', () => {
    expect(understandOffline('2', { awaitingChoice: true })).toEqual({ type: 'choose_student', choice: '2' });
    expect(understandOffline('２', { awaitingChoice: true })).toEqual({ type: 'choose_student', choice: '2' });
    expect(understandOffline('S011', { awaitingChoice: true })).toEqual({ type: 'choose_student', choice: 'S011' });
    expect(understandOffline('2', { awaitingChoice: false }).type).toBe('ask_about_student');
  });
  it('empty text is not understood', () => {
    expect(understandOffline('   ', { awaitingChoice: false }).type).toBe('unknown');
  });
});
