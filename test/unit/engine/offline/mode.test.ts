import { describe, expect, it } from 'vitest';
import { asksExplicitly, modeOf } from '../../../../src/engine/offline/mode.ts';

describe('asking or telling', () => {
  it.each([
    '鈴木さんの様子は？',
    '伊藤くんの遅刻、どれくらい？',
    '田中さんについて教えて',
    '鈴木さんの最近の様子を教えてください',
    '渡辺さくらは最近どう',
    '山本悠真の出席状況',
    '鈴木結衣さんの欠席理由を教えてもらえますか',
    '高橋蓮の状況を確認したい',
    'How has Ren been doing this month?',
    'Aoi Nakamura - how is she doing',
    'Is Mei okay these days',
    'Was Ren absent today',
    'Tell me about Yuto Tanaka',
    'Give me an update on Minato',
    'Pull up everything the counselor wrote about Yui',
  ])('%s asks', (text) => {
    expect(modeOf(text)).toBe('question');
  });

  it.each([
    '今日は山本くんが友達と楽しそうに話していた',
    '田中美咲さんが2限に保健室に来た。頭痛とのこと。',
    '鈴木さん、今朝は1限から来ました。表情明るめ',
    '鈴木さん、今日は休みでした',
    '伊藤くんの遅刻が増えている',
    '「なんで学校に行かなきゃいけないの？」と言っていた',
    'どうしたらいいか分からないと話していた',
    '管理職と共有し、関係機関への相談を進める',
    '発熱（37.8℃）のため保護者に連絡し早退。',
    "Airi came to the nurse's office at lunch feeling dizzy.",
    'Ren was absent again today',
    'Was on her own during group work. Says she is fine.',
    'When I handed back the quiz, Yui quickly hid the paper.',
    'Lately Yui often lingers in the classroom after school instead of going home.',
    'Keen in club. Cheerful in class.',
  ])('%s tells', (text) => {
    expect(modeOf(text)).toBe('statement');
  });

  it.each(['こばやしくんの様子', '鈴木さん', 'Yui', "Yui's attendance"])('%s only names', (text) => {
    expect(modeOf(text)).toBe('neutral');
  });

  it('asks in so many words: a question mark, a question word, a request', () => {
    expect(asksExplicitly('加藤さんの記録で「消えたい」が出てくるものを探して')).toBe(true);
    expect(asksExplicitly('Did Mei say she wants to die?')).toBe(true);
    expect(asksExplicitly('美咲さんが昨日リストカットの跡を見せてきた')).toBe(false);
    expect(asksExplicitly('加藤さん 死にたい')).toBe(false);
  });
});
