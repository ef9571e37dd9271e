import { describe, expect, it } from 'vitest';
import { categorise } from '../../../src/domain/categories/categorise.ts';

describe('what a note is about', () => {
  it.each([
    ['鈴木さん、今朝は1限から登校。表情は明るかった。', ['attendance', 'positive']],
    ['田中美咲さんが2限に保健室に来た。頭痛とのこと。', ['health']],
    ['Minato left early again after 3rd period, his mother picked him up.', ['attendance', 'family']],
    ['今日も2限から登校、眠そうだった', ['attendance', 'health']],
    ['今日は山本くんが友達と楽しそうに話していた', ['peer', 'positive']],
    ["Airi came to the nurse's office at lunch feeling dizzy.", ['health']],
    ['宿題の提出が遅れがち。本人と一緒に学習計画表を作った。', ['academic']],
    ['Often late with homework. We made a study plan together.', ['academic']],
    ['グループ活動で同じ班の生徒とうまくいっていないと話した', ['peer']],
    ['Said things are not going well with the others in her group.', ['peer']],
    ['月曜日の1限の小テストが不安だと話していた', ['emotional', 'academic']],
    ['Crying in the nurse office. Says someone posted mean things about her on social media.', ['health', 'emotional', 'peer']],
    ['母親と面談。父親は単身赴任中。', ['family']],
  ])('%s -> %j', (text, categories) => {
    expect(categorise(text, false)).toEqual(categories);
  });

  it('an urgent note is a safeguarding note, and safeguarding comes only from the screen', () => {
    expect(categorise('加藤さんがノートに「死にたい」と書いていた', true)).toEqual(['safeguarding']);
    expect(categorise('父親に殴られたと言っている', true)).toEqual(['family', 'safeguarding']);
    expect(categorise('いじめの訴えがあった', false)).toEqual(['peer']);
  });

  it('negations do not count as the good news they negate', () => {
    expect(categorise('元気がない', false)).toEqual(['emotional']);
    expect(categorise('She was not happy in class today', false)).not.toContain('positive');
    expect(categorise('She was happy in class today', false)).toContain('positive');
    expect(categorise('発表できなかった', false)).not.toContain('positive');
  });

  it('words that only look like a topic: 昼休み is no absence, 30分休んで is rest, 美術部 is a club', () => {
    expect(categorise('昼休みにサッカー', false)).not.toContain('attendance');
    expect(categorise('30分休んで教室に戻った', false)).not.toContain('attendance');
    expect(categorise('美術部の友達と昼食', false)).not.toContain('academic');
    expect(categorise('親切に教えてくれた', false)).not.toContain('family');
  });

  it('a note about nothing we know of has no category', () => {
    expect(categorise('特に変わった様子はない', false)).toEqual([]);
  });
});
