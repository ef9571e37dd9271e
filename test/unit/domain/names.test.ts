import { describe, expect, it } from 'vitest';
import { findMentionedStudents, mentionsSomeoneByName, romajiKey, romanise, type NamedStudent } from '../../../src/domain/names.ts';

// The sample school's students (../shared/sample-school/students.csv), two sharing 田中 and 佐藤.
const students: NamedStudent[] = [
  { id: 'S001', familyName: '佐藤', givenName: '陽翔', familyNameKana: 'さとう', givenNameKana: 'はると' },
  { id: 'S002', familyName: '鈴木', givenName: '結衣', familyNameKana: 'すずき', givenNameKana: 'ゆい' },
  { id: 'S003', familyName: '高橋', givenName: '蓮', familyNameKana: 'たかはし', givenNameKana: 'れん' },
  { id: 'S004', familyName: '田中', givenName: '美咲', familyNameKana: 'たなか', givenNameKana: 'みさき' },
  { id: 'S007', familyName: '山本', givenName: '悠真', familyNameKana: 'やまもと', givenNameKana: 'ゆうま' },
  { id: 'S011', familyName: '田中', givenName: '悠人', familyNameKana: 'たなか', givenNameKana: 'ゆうと' },
  { id: 'S012', familyName: '佐藤', givenName: '愛莉', familyNameKana: 'さとう', givenNameKana: 'あいり' },
];

const ids = (text: string, list = students) => findMentionedStudents(text, list).map((m) => m.studentId).sort();

describe('finding the student a message names', () => {
  it.each([
    ['鈴木結衣さんの様子は？', ['S002']],
    ['鈴木 結衣の出席を教えて', ['S002']],
    ['鈴木さんはどう？', ['S002']],
    ['結衣ちゃん最近どう', ['S002']],
    ['すずきゆいさん', ['S002']],
    ['スズキさんの様子', ['S002']],
    ['ｽｽﾞｷさんの様子', ['S002']],
    ['ＳＵＺＵＫＩ ＹＵＩ', ['S002']],
    ['How is Yui Suzuki doing?', ['S002']],
    ['How is Suzuki Yui?', ['S002']],
    ['how is yui?', ['S002']],
    ['蓮くんは今日来た？', ['S003']],
    ['How has Ren been?', ['S003']],
    ['Yuma Yamamoto', ['S007']],
    ['Yuuma Yamamoto', ['S007']],
    ['Satoh Haruto', ['S001']],
  ])('%s -> %o', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it('a shared family name is ambiguous; the full name is not', () => {
    expect(ids('田中さんの様子は？')).toEqual(['S004', 'S011']);
    expect(ids('田中美咲さんの様子は？')).toEqual(['S004']);
    expect(ids('佐藤さん')).toEqual(['S001', 'S012']);
  });

  it('only among the students given (the asker’s scope)', () => {
    const homeroom21 = students.filter((s) => ['S001', 'S002', 'S003', 'S004'].includes(s.id));
    expect(ids('田中さんの様子は？', homeroom21)).toEqual(['S004']);
    expect(ids('悠人くん', homeroom21)).toEqual([]);
  });

  it('does not see a name inside an ordinary word', () => {
    expect(ids('連絡帳を確認しました')).toEqual([]); // れん inside れんらく is not 蓮
    expect(ids('蓮根')).toEqual([]); // a one-character name needs an honorific
    expect(ids('so what should we do?')).toEqual([]);
  });

  it('survives zero-width characters and very long text', () => {
    expect(ids('鈴\u200B木さん')).toEqual(['S002']);
    expect(ids(`${'あ'.repeat(10_000)}鈴木結衣さん`)).toEqual(['S002']);
  });
});

describe('romaji', () => {
  it('treats long-vowel spellings as one', () => {
    expect(romajiKey('Satou')).toBe(romajiKey('Sato'));
    expect(romajiKey('Satoh')).toBe(romajiKey('Sato'));
    expect(romajiKey('Yūma')).toBe(romajiKey('Yuuma'));
  });
  it('romanises a reading for English replies', () => {
    expect(romanise('すずき')).toBe('Suzuki');
    expect(romanise('さとう')).toBe('Sato');
  });
});

describe('noticing a name that matched nobody', () => {
  it.each(['木村さんの様子は？', 'How is Taro?', 'tell me about Ken'])('%s', (text) => {
    expect(mentionsSomeoneByName(text)).toBe(true);
  });
  it.each(['こんにちは', 'what can you do', 'how are you?', 'How is it going'])('%s is not a name question', (text) => {
    expect(mentionsSomeoneByName(text)).toBe(false);
  });
});
