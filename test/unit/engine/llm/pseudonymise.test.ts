import { describe, expect, it } from 'vitest';
import { createPseudonymiser, type NameDirectory } from '../../../../src/engine/llm/pseudonymise.ts';

// The sample school's 2-1 and 2-2 (both 田中 and both 佐藤), and some of its staff.
const directory: NameDirectory = {
  students: [
    { id: 'S001', familyName: '佐藤', givenName: '陽翔', familyNameKana: 'さとう', givenNameKana: 'はると' },
    { id: 'S002', familyName: '鈴木', givenName: '結衣', familyNameKana: 'すずき', givenNameKana: 'ゆい' },
    { id: 'S003', familyName: '高橋', givenName: '蓮', familyNameKana: 'たかはし', givenNameKana: 'れん' },
    { id: 'S004', familyName: '田中', givenName: '美咲', familyNameKana: 'たなか', givenNameKana: 'みさき' },
    { id: 'S006', familyName: '渡辺', givenName: 'さくら', familyNameKana: 'わたなべ', givenNameKana: 'さくら' },
    { id: 'S007', familyName: '山本', givenName: '悠真', familyNameKana: 'やまもと', givenNameKana: 'ゆうま' },
    { id: 'S011', familyName: '田中', givenName: '悠人', familyNameKana: 'たなか', givenNameKana: 'ゆうと' },
    { id: 'S012', familyName: '佐藤', givenName: '愛莉', familyNameKana: 'さとう', givenNameKana: 'あいり' },
  ],
  staff: [
    { id: 'T01', familyName: '山田', givenName: '健一' },
    { id: 'T02', familyName: '森', givenName: '由美' },
    { id: 'T03', familyName: '井上', givenName: '誠' },
    { id: 'C01', familyName: '石井', givenName: '直子', familyNameKana: 'いしい', givenNameKana: 'なおこ' },
  ],
};

/** Only 田中 美咲 of the two 田中 (what T01, homeroom of 2-1, may see). */
const homeroom: NameDirectory = { students: directory.students.filter((s) => s.id !== 'S011' && s.id !== 'S012'), staff: directory.staff };

const ja = () => createPseudonymiser(directory, { style: 'ja' });
const en = () => createPseudonymiser(directory, { style: 'en' });

describe('pseudonymising Japanese', () => {
  it('replaces a full name in kanji, with or without a space, keeping the honorific', () => {
    const p = ja();
    expect(p.pseudonymise('鈴木結衣さんの様子は？')).toBe('〔生徒1〕さんの様子は？');
    expect(p.pseudonymise('鈴木 結衣さん、鈴木　結衣')).toBe('〔生徒1〕さん、〔生徒1〕');
  });

  it('matches the longest name first: 田中美咲 is one student, 田中 alone is shared by two', () => {
    const p = ja();
    expect(p.pseudonymise('田中美咲さんと田中さん')).toBe('〔生徒1〕さんと〔氏名1〕さん');
    expect(p.restore('〔生徒1〕さんと〔氏名1〕さん', 'ja')).toBe('田中 美咲さんと田中さん');
  });

  it('a family name only one visible student has is that student', () => {
    const p = createPseudonymiser(homeroom, { style: 'ja' });
    expect(p.pseudonymise('田中さんは？')).toBe('〔生徒1・姓〕さんは？');
    expect(p.restore('〔生徒1・姓〕さん', 'ja')).toBe('田中さん');
    expect(p.restore('〔生徒1・姓〕-san', 'en')).toBe('Tanaka-san');
  });

  it('replaces hiragana, katakana and half-width katakana readings, and a family name joined to a given name in another script', () => {
    const p = ja();
    expect(p.pseudonymise('すずきゆいさん、スズキ ユイ、ｽｽﾞｷｻﾝ')).toBe('〔生徒1〕さん、〔生徒1〕、〔生徒1・姓〕サン');
    expect(p.pseudonymise('田中みさき、たなか みさき')).toBe('〔生徒2〕、〔生徒2〕');
  });

  it('replaces a one-character or short kana name only where it stands as a name', () => {
    const p = ja();
    expect(p.pseudonymise('蓮は今日来た。高橋蓮くん。蓮根を食べた')).toBe('〔生徒1・名〕は今日来た。〔生徒1〕くん。蓮根を食べた');
    expect(p.pseudonymise('れんらくした。ゆいさんが来た')).toBe('れんらくした。〔生徒2・名〕さんが来た');
    expect(p.pseudonymise('森先生と森林公園へ。誠実な井上誠先生')).toBe('〔職員1・姓〕先生と森林公園へ。誠実な〔職員2〕先生');
  });

  it('replaces student numbers and staff ids, also inside text and in full-width letters', () => {
    const p = ja();
    expect(p.pseudonymise('S002の記録（T01）、Ｓ００４とs004、S0021は別物')).toBe('〔生徒1〕の記録（〔職員1〕）、〔生徒2〕と〔生徒2〕、S0021は別物');
  });

  it('a given name spelt like its reading (渡辺さくら) is one name', () => {
    const p = ja();
    expect(p.pseudonymise('さくらさん、渡辺さくら')).toBe('〔生徒1・名〕さん、〔生徒1〕');
    expect(p.restore('〔生徒1・名〕さん', 'ja')).toBe('さくらさん');
  });

  it('numbers placeholders by first appearance in the turn, stably across calls', () => {
    const p = ja();
    expect(p.pseudonymise('山本さん')).toBe('〔生徒1・姓〕さん');
    expect(p.pseudonymise('鈴木さんと山本悠真さん')).toBe('〔生徒2・姓〕さんと〔生徒1〕さん');
  });
});

describe('pseudonymising English', () => {
  it('replaces romaji in either order and case, as one placeholder for a full name', () => {
    const p = en();
    expect(p.pseudonymise('How is Yui Suzuki? And SUZUKI yui?')).toBe('How is [STUDENT_1]? And [STUDENT_1]?');
    expect(p.pseudonymise('what could we try for Misaki Tanaka')).toBe('what could we try for [STUDENT_2]');
  });

  it('accepts the long-vowel spellings staff use (Yuuma, Yuma, Yūma, Satou, Satoh)', () => {
    const p = en();
    expect(p.pseudonymise('Yuuma, Yuma and Yūma')).toBe('[STUDENT_1_GIVEN], [STUDENT_1_GIVEN] and [STUDENT_1_GIVEN]');
    expect(p.pseudonymise('Satou and Satoh')).toBe('[NAME_1] and [NAME_1]');
  });

  it('leaves English words alone: Ren in "children", Rena, and short romaji that are English words', () => {
    const p = en();
    expect(p.pseudonymise('The children talked to Rena. Ren came in.')).toBe('The children talked to Rena. [STUDENT_1_GIVEN] came in.');
  });

  it('replaces staff names in notes', () => {
    const p = en();
    expect(p.pseudonymise('Counseling with Ms Ishii (Ishii Naoko)')).toBe('Counseling with Ms [STAFF_1_FAMILY] ([STAFF_1])');
  });
});

describe('restoring', () => {
  it('restores each placeholder in the reply language: kanji for Japanese, romaji for English', () => {
    const p = ja();
    p.pseudonymise('鈴木結衣さん、井上先生、田中さん');
    expect(p.restore('〔生徒1〕さんは〔職員1・姓〕先生と話した。〔氏名1〕さん', 'ja')).toBe('鈴木 結衣さんは井上先生と話した。田中さん');
    expect(p.restore('〔生徒1〕 talked to 〔職員1・姓〕. [NAME_1]', 'en')).toBe('Yui Suzuki talked to 井上. Tanaka');
  });

  it('accepts the other style and brackets a model may swap in', () => {
    const p = en();
    p.pseudonymise('Yui Suzuki');
    expect(p.restore('[STUDENT_1], 〔生徒1〕, 【生徒1】, ［STUDENT_1］', 'en')).toBe('Yui Suzuki, Yui Suzuki, Yui Suzuki, Yui Suzuki');
  });

  it('leaves placeholders this turn never sent and reports them', () => {
    const p = ja();
    p.pseudonymise('鈴木さん');
    expect(p.restore('〔生徒1・姓〕さんと〔生徒7〕さん', 'ja')).toBe('鈴木さんと〔生徒7〕さん');
    expect(p.unknownPlaceholders('〔生徒1・姓〕さんと〔生徒7〕さん、[STAFF_2]')).toEqual(['〔生徒7〕', '[STAFF_2]']);
    // A student number the model was never given is never turned into a name either.
    expect(p.restore('〔生徒1〕', 'ja')).toBe('〔生徒1〕');
  });

  it('round-trips a mixed note', () => {
    const p = ja();
    const note = '2026-09-15 石井: Counseling session: Yui describes a tight chest. 鈴木さん(S002)は田中美咲さんと昼食。';
    const sent = p.pseudonymise(note);
    for (const name of ['石井', 'Yui', '鈴木', 'S002', '田中', '美咲']) expect(sent).not.toContain(name);
    expect(p.restore(sent, 'ja')).toBe('2026-09-15 石井: Counseling session: 結衣 describes a tight chest. 鈴木さん(鈴木 結衣)は田中 美咲さんと昼食。');
  });
});

describe('robustness', () => {
  it('handles zero-width characters, 10,000-character messages and an empty directory', () => {
    const p = ja();
    expect(p.pseudonymise('鈴\u200B木結衣')).toBe('〔生徒1〕');
    const long = '田中美咲さんは元気。'.repeat(1_000);
    const started = performance.now();
    const out = p.pseudonymise(long);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(out).not.toContain('田中');
    expect(createPseudonymiser({ students: [], staff: [] }).pseudonymise('鈴木さん')).toBe('鈴木さん');
  });
});
