// The whole road from a message to an answer, over the sample school's real export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessGuard } from '../../../src/access/guard.ts';
import { serviceContext } from '../../../src/services/context.ts';
import { importSchool } from '../../../src/store/import/index.ts';
import { createEngine, type Engine } from '../../../src/engine/handle-turn.ts';
import { parseShellLine } from '../../../src/adapters/shell/parse.ts';
import type { IncomingMessage } from '../../../src/chat/types.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { SAMPLE_NOW, SAMPLE_SCHOOL_DIR } from '../../helpers/sample-school.ts';

let database: TestDatabase;
let engine: Engine;
let sequence = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  await importSchool(database.db, SAMPLE_SCHOOL_DIR, {});
  const now = () => SAMPLE_NOW;
  engine = createEngine(serviceContext(database, now));
});
afterAll(async () => database.destroy());

const ask = async (staffId: string, text: string) => engine.handleTurn(parseShellLine(text, staffId, ++sequence, SAMPLE_NOW));
const audit = (actorId: string) => database.db.auditEvent.findMany({ where: { actorId }, orderBy: { id: 'asc' } });

describe('asking how a student is', () => {
  it("answers T01 about 鈴木結衣 with her real figures: 125 school days, 10 absent, 12 late", async () => {
    const reply = await ask('T01', '鈴木結衣さんの様子は？');
    expect(reply.language).toBe('ja');
    expect(reply.sensitivity).toBe('restricted');
    expect(reply.text).toContain('鈴木 結衣');
    expect(reply.text).toContain('授業日 125日');
    expect(reply.text).toContain('欠席 10日');
    expect(reply.text).toContain('遅刻 12日');
    expect(reply.text).toContain('欠席率 8.0%');
    // Her latest team observation, and her open plan with its overdue review.
    expect(reply.text).toContain('今週も月曜欠席');
    expect(reply.text).toContain('月曜日も登校できる日を増やす');
    expect(reply.text).toContain('見直し期限切れ');
    expect(reply.facts?.map((f) => f.kind)).toEqual(expect.arrayContaining(['student', 'attendance', 'observation', 'support_plan']));
  });

  it('answers in English when asked in English, with the name in romaji', async () => {
    const reply = await ask('T01', 'How is Yui doing?');
    expect(reply.language).toBe('en');
    expect(reply.text).toContain('Yui Suzuki');
    expect(reply.text).toContain('125 school days');
    expect(reply.text).toContain('absent 10');
    expect(reply.text).toContain('late 12');
  });

  it('hides the counselor’s confidential note from the homeroom teacher, shows it to the counselor', async () => {
    expect((await ask('T01', '鈴木結衣さん')).text).not.toContain('tight chest');
    expect((await ask('C01', '鈴木結衣さん')).text).toContain('tight chest');
  });

  it('the nurse sees attendance and plans but not team notes outside health', async () => {
    const reply = await ask('N01', '鈴木結衣さん');
    expect(reply.text).toContain('欠席 10日');
    expect(reply.text).not.toContain('今週も月曜欠席');
  });

  it('refuses T04 (homeroom of 3-1) without revealing whether she exists, and audits the denial', async () => {
    const reply = await ask('T04', '鈴木結衣さんの様子は？');
    const nobody = await ask('T04', '木村花子さんの様子は？');
    expect(reply.text).toBe(nobody.text);
    expect(reply.text).toContain('お答えできません');
    expect(reply.text).not.toMatch(/鈴木|結衣|2-1|欠席/);
    const rows = await audit('T04');
    expect(rows).toEqual([
      expect.objectContaining({ actorId: 'T04', studentId: 'S002', action: 'read', kind: 'profile', intent: 'ask_about_student', result: 'denied', reason: 'not_in_scope' }),
    ]);
  });

  it('audits every record kind read for an allowed question (one row listing the kinds), with no note text', async () => {
    await ask('T02', '中村葵さん');
    const rows = await audit('T02');
    expect(rows.map((r) => [r.studentId, r.kind, r.result])).toEqual([['S008', 'profile,attendance,observation,environment,assessment,support_plan', 'allowed']]);
    for (const r of rows) expect(JSON.stringify(r)).not.toMatch(/別室|将棋/);
  });
});

describe('which student?', () => {
  it('田中さん is S004 for T01, whose class has one 田中', async () => {
    const reply = await ask('T01', '田中さんはどう？');
    expect(reply.text).toContain('田中 美咲');
  });

  it('田中さん is ambiguous for the counselor: asks back, then a number picks', async () => {
    const question = await ask('C01', '田中さんはどう？');
    expect(question.text).toContain('どの生徒のことですか');
    expect(question.actions).toEqual([
      { type: 'choose_student', label: '田中 美咲', studentId: 'S004' },
      { type: 'choose_student', label: '田中 悠人', studentId: 'S011' },
    ]);
    const answer = await ask('C01', '2');
    expect(answer.text).toContain('田中 悠人');
    // The choice is used once.
    expect((await ask('C01', '2')).text).not.toContain('田中 悠人');
  });

  it('a number out of the list is asked again', async () => {
    await ask('C01', '佐藤さん');
    expect((await ask('C01', '7')).text).toContain('番号が一覧にありません');
  });

  it('finds students by kana and by family name with an honorific', async () => {
    expect((await ask('T01', 'たかはしくんは？')).text).toContain('高橋 蓮');
    expect((await ask('T01', 'ﾀｶﾊｼ ﾚﾝ')).text).toContain('高橋 蓮');
  });
});

describe('analysis in the chat', () => {
  it('"how is X?" now says the tier, the trend and the patterns in plain words', async () => {
    const reply = await ask('T01', '高橋蓮くんの様子は？');
    expect(reply.text).toContain('■ 見立て');
    expect(reply.text).toContain('Tier 3');
    expect(reply.text).toMatch(/連続/);
    expect(reply.text).toContain('次の見直し');
  });

  it('"what support for X?" answers with ranked suggestions, their reasons, a first step and the review date', async () => {
    const reply = await ask('T01', '高橋くんにどんな支援ができる？');
    expect(reply.sensitivity).toBe('restricted');
    expect(reply.text).toContain('支援の提案');
    expect(reply.text).toContain('根拠');
    expect(reply.text).toContain('今週の一歩');
    expect(reply.text).toContain('次の見直し');
    expect(reply.text).toContain('診断ではありません');
    expect(reply.facts?.some((f) => f.kind === 'observation' || f.kind === 'attendance')).toBe(true);
  });

  it('in English too', async () => {
    const reply = await ask('C01', 'What support would you suggest for Yui Suzuki?');
    expect(reply.language).toBe('en');
    expect(reply.text).toContain('Support ideas for Yui Suzuki');
    expect(reply.text).toContain('First step this week');
  });

  it('asking back keeps the question: choosing a 田中 after "what support" gives suggestions', async () => {
    await ask('C01', '田中さんへの次の一手は？');
    expect((await ask('C01', '1')).text).toContain('支援の提案');
  });

  it('"who needs attention?" lists the asker’s students, most pressing first', async () => {
    const reply = await ask('T01', '今週気になる生徒は？');
    expect(reply.text).toContain('対応が必要な生徒');
    expect(reply.text).toContain('高橋 蓮');
    expect(reply.text).not.toContain('加藤'); // 2-2 is not T01's class
  });

  it('a student out of scope is refused for suggestions exactly as for questions', async () => {
    const reply = await ask('T04', '鈴木結衣さんにどんな支援ができる？');
    expect(reply.text).toContain('お答えできません');
    expect(reply.text).not.toContain('支援の提案');
  });
});

describe('other turns', () => {
  it('help, in both languages', async () => {
    expect((await ask('T01', 'help')).text).toContain('You can ask');
    expect((await ask('T01', '使い方')).text).toContain('聞けること');
  });

  it('an unregistered user is told how to get registered', async () => {
    const message: IncomingMessage = { ...parseShellLine('help', 'X99', 1, SAMPLE_NOW) };
    const reply = await engine.handleTurn(message);
    expect(reply.text).toContain('not registered');
  });

  it('a database failure is a clear "try again", never a crash', async () => {
    const broken = createEngine({
      ...serviceContext(database, () => SAMPLE_NOW),
      guard: new AccessGuard({ record: async () => Promise.reject(new Error('SQLITE_BUSY')), recordMany: async () => Promise.reject(new Error('SQLITE_BUSY')) }),
      now: () => SAMPLE_NOW,
    });
    const reply = await broken.handleTurn(parseShellLine('鈴木結衣さん', 'T01', 1, SAMPLE_NOW));
    expect(reply.text).toContain('一時的に利用できません');
    expect(reply.text).not.toContain('SQLITE_BUSY');
  });
});
