// Writing from plain language: drafts shown back, saved only on "save", urgent notes alerting the
// counselor and leaders at once, support plans started, updated and ended, follow-ups.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serviceContext } from '../../../src/services/context.ts';
import { importSchool } from '../../../src/store/import/index.ts';
import { createEngine, type OfflineEngine } from '../../../src/engine/handle-turn.ts';
import { parseShellLine } from '../../../src/adapters/shell/parse.ts';
import type { Reply } from '../../../src/chat/types.ts';
import type { StaffMember } from '../../../src/domain/staff.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { SAMPLE_NOW, SAMPLE_SCHOOL_DIR } from '../../helpers/sample-school.ts';

let database: TestDatabase;
let engine: OfflineEngine;
let alerts: { to: string[]; reply: Reply }[];
let sequence = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  await importSchool(database.db, SAMPLE_SCHOOL_DIR, {});
  const now = () => SAMPLE_NOW;
  engine = createEngine(
    serviceContext(database, now),
    { notify: async (recipients: StaffMember[], reply: Reply) => void alerts.push({ to: recipients.map((r) => r.id), reply }) },
  );
});
beforeEach(() => {
  alerts = [];
});
afterAll(async () => database.destroy());

const say = (staffId: string, text: string) => engine.handleTurn(parseShellLine(text, staffId, ++sequence, SAMPLE_NOW));
const chatNotes = (studentId: string) => database.db.observation.findMany({ where: { studentId, source: 'chat' }, orderBy: { createdAt: 'asc' } });

describe('logging an observation', () => {
  it('shows the structured draft, writes nothing until "save", then saves with author and source chat', async () => {
    const draft = await say('T01', '記録：鈴木さん、今朝は1限から登校。表情は明るかった。');
    expect(draft.text).toContain('記録の下書き');
    expect(draft.text).toContain('鈴木 結衣');
    expect(draft.actions?.map((a) => (a.type === 'draft' ? a.decision : ''))).toEqual(['save', 'edit', 'cancel']);
    expect(await chatNotes('S002')).toHaveLength(0);

    const saved = await say('T01', '保存');
    expect(saved.text).toContain('保存しました');
    const rows = await chatNotes('S002');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ authorId: 'T01', source: 'chat', visibility: 'team', concern: 'none' });
    expect(rows[0]!.text).toContain('1限から登校');
  });

  it('cancel writes nothing', async () => {
    await say('T02', 'Log: Minato left early again after 3rd period, his mother picked him up.');
    const cancelled = await say('T02', 'cancel');
    expect(cancelled.text).toContain('Nothing was saved');
    expect(await chatNotes('S009')).toHaveLength(0);
  });

  it('save or cancel with no draft waiting says so and shows no record', async () => {
    await say('T01', '鈴木さんの様子は？');
    const saved = await say('T01', '保存');
    expect(saved.text).toBe('保存を待っている下書きはありません。');
    const cancelled = await say('T01', 'cancel');
    expect(cancelled.text).toBe('There is no draft waiting to be saved.');
  });

  it('edit rewrites the draft before saving', async () => {
    await say('T02', '記録：山本くん、今日は友達と楽しそうに話していた');
    const edited = await say('T02', '修正: 昼休みに友達と楽しそうに話していた');
    expect(edited.text).toContain('昼休みに友達と楽しそうに話していた');
    await say('T02', '保存');
    const rows = await chatNotes('S007');
    expect(rows.at(-1)!.text).toBe('昼休みに友達と楽しそうに話していた');
  });

  it("a counselor's note is confidential by default", async () => {
    await say('C01', '記録：中村葵さんと面談。別室で落ち着いて過ごせている。');
    await say('C01', '保存');
    expect((await chatNotes('S008')).at(-1)).toMatchObject({ visibility: 'confidential', authorId: 'C01' });
  });

  it('an urgent note alerts the counselor and leaders at once, before saving, and tells the author what happens next', async () => {
    const draft = await say('T02', '加藤さんがノートに「死にたい」と書いていた');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.to).toEqual(['A01', 'C01']);
    expect(alerts[0]!.reply.text).toContain('要対応');
    expect(draft.text).toContain('安全に関わる内容です');
    expect(draft.text).toContain('SCと管理職にすでに知らせました');
    const saved = await say('T02', '保存');
    expect(saved.text).toContain('要対応の記録として保存しました');
    expect((await chatNotes('S010')).at(-1)).toMatchObject({ concern: 'urgent' });
    expect((await chatNotes('S010')).at(-1)!.categories).toContain('safeguarding');
    expect(alerts).toHaveLength(1); // not alerted twice for one note
  });

  it('an urgent note cancelled by mistake has still alerted', async () => {
    await say('T01', 'Yui said she wants to disappear. Log it.');
    await say('T01', 'cancel');
    expect(alerts.map((a) => a.to)).toEqual([['A01', 'C01']]);
  });

  it('a teacher cannot log about a student outside their scope', async () => {
    const reply = await say('T04', '記録：鈴木さん、今朝は元気だった');
    expect(reply.text).toContain('お答えできません');
    expect(await database.db.observation.count({ where: { studentId: 'S002', authorId: 'T04' } })).toBe(0);
  });
});

describe('support actions', () => {
  it('starts a plan after confirmation, with a review date by tier cadence', async () => {
    const draft = await say('C01', 'Started weekly home visits for Ren Takahashi today.');
    expect(draft.text).toContain('Draft support record');
    const before = await database.db.supportPlan.count({ where: { studentId: 'S003' } });
    await say('C01', 'save');
    expect(await database.db.supportPlan.count({ where: { studentId: 'S003' } })).toBeGreaterThanOrEqual(before);
  });

  it('records progress on the matching active plan', async () => {
    await say('T01', '鈴木さんの月曜朝のチェックインを続けています。今週は月曜も登校できた');
    const saved = await say('T01', '保存');
    expect(saved.text).toMatch(/支援計画/);
    const actions = await database.db.supportAction.findMany({ where: { plan: { studentId: 'S002' } } });
    expect(actions.length).toBeGreaterThan(0);
  });
});

describe('follow-ups', () => {
  it('「彼女の先月の欠席は？」 resolves to the student in focus', async () => {
    await say('T01', '田中美咲さんの様子は？');
    const reply = await say('T01', '彼女の先月の欠席は？');
    expect(reply.text).toContain('田中 美咲');
    expect(reply.text).toContain('2026-10-01');
  });
});

describe('other intents', () => {
  it('a weekly summary that never says "all clear" by default', async () => {
    const reply = await say('T01', '今週のまとめを見せて');
    expect(reply.text).toContain('週のまとめ');
    expect(reply.text).toContain('■ 要対応・安全に関わる記録');
    expect(reply.text).not.toMatch(/問題ありません|all clear/);
  });

  it('smalltalk is answered kindly', async () => {
    expect((await say('T01', 'ありがとう！')).text).toContain('どういたしまして');
  });
});
