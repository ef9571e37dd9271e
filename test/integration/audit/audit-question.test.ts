// Admins asking the bot who looked at whose records (issue 7, point 5), on the sample school:
// the real engine, the real services and the audit rows the other questions write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessGuard } from '../../../src/access/guard.ts';
import { parseShellLine } from '../../../src/adapters/shell/parse.ts';
import { createEngine, type Engine } from '../../../src/engine/handle-turn.ts';
import { serviceContext } from '../../../src/services/context.ts';
import { createAuditLog } from '../../../src/store/audit-repository.ts';
import { importSchool } from '../../../src/store/import/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { SAMPLE_SCHOOL_DIR } from '../../helpers/sample-school.ts';

let database: TestDatabase;
let engine: Engine;
/** The clock: each question happens at a time the test sets (Friday 2026-11-20, JST). */
let clock = new Date('2026-11-20T09:00:00+09:00');
let sequence = 0;

const at = (local: string) => new Date(`${local}:00+09:00`);
const ask = async (staffId: string, text: string, when?: string) => {
  if (when) clock = at(when);
  return engine.handleTurn(parseShellLine(text, staffId, ++sequence, clock));
};
const auditRows = (actorId: string, kind: string) => database.db.auditEvent.findMany({ where: { actorId, kind }, orderBy: { id: 'asc' } });

beforeAll(async () => {
  database = await createTestDatabase();
  await importSchool(database.db, SAMPLE_SCHOOL_DIR, { now: () => at('2026-11-01T08:00') });
  engine = createEngine(serviceContext(database, () => clock));
  // Earlier accesses to 鈴木結衣 (S002): the counselor in October, the nurse last week.
  await createAuditLog(database, () => at('2026-10-15T14:05')).recordMany(
    ['profile', 'observation'].map((kind) => ({ actorId: 'C01', studentId: 'S002', action: 'read' as const, kind: kind as 'profile', intent: 'ask_about_student', result: 'allowed' as const })),
  );
  await createAuditLog(database, () => at('2026-11-12T12:30')).record({ actorId: 'N01', studentId: 'S002', action: 'read', kind: 'attendance', intent: 'ask_about_student', result: 'allowed' });
  // This morning 山田先生 (T01) asked about her twice.
  await ask('T01', '鈴木結衣さんの様子は？', '2026-11-20T08:10');
  await ask('T01', 'What could we try for Yui?', '2026-11-20T10:15');
});
afterAll(async () => database.destroy());

describe('who looked at a student’s records (admin)', () => {
  it('「今月、鈴木さんの記録を見たのは誰？」 names the teacher, with the count and the time, restricted', async () => {
    const reply = await ask('A01', '今月、鈴木さんの記録を見たのは誰？', '2026-11-20T16:00');
    expect(reply.language).toBe('ja');
    expect(reply.sensitivity).toBe('restricted');
    expect(reply.text).toContain('鈴木 結衣（S002・2-1）の記録へのアクセス — 2026-11-01〜2026-11-20');
    expect(reply.text).toContain('■ アクセスした人（2人、計3回）');
    expect(reply.text).toContain('・山田 健一（T01・担任）: 2回（最終 2026-11-20 10:15）');
    expect(reply.text).toContain('・青木 恵（N01・養護教諭）: 1回（最終 2026-11-12 12:30）');
    // Each access, newest first, with what was read through which question.
    expect(reply.text).toContain('・2026-11-20 10:15 山田 健一（T01） — 支援の提案: 基本情報・出欠・観察記録・環境調査・検査結果・支援計画');
    expect(reply.text).toContain('・2026-11-20 08:10 山田 健一（T01） — 様子の確認');
    expect(reply.text.indexOf('10:15 山田')).toBeLessThan(reply.text.indexOf('08:10 山田'));
    // October is outside this month.
    expect(reply.text).not.toContain('石井');
    // No facts: the LLM engine never rephrases (or sees) an audit answer.
    expect(reply.facts).toBeUndefined();
  });

  it('audits the question itself as a read of kind audit, and never lists its own access', async () => {
    const rows = await auditRows('A01', 'audit');
    expect(rows.at(-1)).toMatchObject({ actorId: 'A01', studentId: 'S002', action: 'read', kind: 'audit', intent: 'audit_query', result: 'allowed', reason: '' });
    const again = await ask('A01', '今月、鈴木さんの記録を見たのは誰？', '2026-11-20T16:05');
    // The earlier audit question is now part of her trail; this one is not.
    expect(again.text).toContain('・松本 浩（A01・管理職）: 1回（最終 2026-11-20 16:00）');
    expect(again.text).toContain('・2026-11-20 16:00 松本 浩（A01） — アクセス記録の確認: アクセス記録');
    expect(again.text).not.toContain('16:05');
  });

  it('answers in English when asked in English', async () => {
    const reply = await ask('A01', "who looked at Yui's records this month?");
    expect(reply.language).toBe('en');
    expect(reply.sensitivity).toBe('restricted');
    expect(reply.text).toContain('Who accessed the records of Yui Suzuki (鈴木 結衣), S002, class 2-1 — 2026-11-01 to 2026-11-20');
    expect(reply.text).toContain('- 山田 健一 (T01, homeroom teacher): 2 times (last 2026-11-20 10:15)');
    expect(reply.text).toContain('2026-11-20 08:10 山田 健一 (T01) — overview: profile, attendance');
    // A follow-up about the student in focus.
    const followUp = await ask('A01', 'and who looked at her records last week?');
    expect(followUp.text).toContain('Who accessed the records of Yui Suzuki (鈴木 結衣), S002, class 2-1 — 2026-11-09 to 2026-11-15');
    expect(followUp.text).toContain('青木 恵 (N01, nurse): 1 time (last 2026-11-12 12:30)');
  });

  it('asks whose trail when the question names nobody', async () => {
    const reply = await ask('A01', '監査ログを見せて');
    expect(reply.text).toContain('誰についてのアクセス記録を確認しますか？');
  });

  it('filters by the period asked: 先月, 先週, 今週, 今年度, since a date', async () => {
    const lastMonth = await ask('A01', '先月、鈴木さんの記録を見たのは誰？');
    expect(lastMonth.text).toContain('2026-10-01〜2026-10-31');
    expect(lastMonth.text).toContain('・石井 直子（C01・SC）: 1回（最終 2026-10-15 14:05）');
    expect(lastMonth.text).not.toMatch(/山田|青木|松本/);

    const lastWeek = await ask('A01', '先週、鈴木さんの記録を見たのは誰？');
    expect(lastWeek.text).toContain('2026-11-09〜2026-11-15');
    expect(lastWeek.text).toContain('青木 恵');
    expect(lastWeek.text).not.toMatch(/山田|石井/);

    const thisWeek = await ask('A01', 'Who looked at Yui’s records this week?');
    expect(thisWeek.text).toContain('2026-11-16 to 2026-11-20');
    expect(thisWeek.text).toContain('山田 健一');
    expect(thisWeek.text).not.toMatch(/青木|石井/);

    const year = await ask('A01', '今年度、鈴木結衣さんの記録を見たのは誰？');
    expect(year.text).toContain('2026-04-01〜2026-11-20');
    expect(year.text).toMatch(/山田[\s\S]*青木|青木[\s\S]*山田/);
    expect(year.text).toContain('石井 直子');

    const since = await ask('A01', "Who has accessed Yui's records since 2026-11-13?");
    expect(since.text).toContain('2026-11-13 to 2026-11-20');
    expect(since.text).toContain('山田 健一');
    expect(since.text).not.toMatch(/青木|石井/);

    const nothing = await ask('A01', '先月、高橋さんの記録を見たのは誰？');
    expect(nothing.text).toContain('この期間のアクセスは記録されていません。');
  });

  it('what one staff member looked at: 「山田先生が見た記録」, "what did Yamada look at"', async () => {
    const ja = await ask('A01', '山田先生が今週見た記録は？');
    expect(ja.sensitivity).toBe('restricted');
    expect(ja.text).toContain('山田 健一（T01・担任）がアクセスした記録 — 2026-11-16〜2026-11-20');
    expect(ja.text).toContain('・鈴木 結衣（S002・2-1）: 2回（最終 2026-11-20 10:15）');
    const en = await ask('A01', 'What did Yamada look at this week?');
    expect(en.text).toContain('Records accessed by 山田 健一 (T01, homeroom teacher) — 2026-11-16 to 2026-11-20');
    expect(en.text).toContain('Yui Suzuki (鈴木 結衣), S002, class 2-1: 2 times (last 2026-11-20 10:15)');
    const nobody = await ask('A01', '木村先生が見た記録');
    expect(nobody.text).toContain('「木村先生」に当たる職員が見つかりませんでした');
  });

  it('asks back when the name fits two students, then answers for the one chosen', async () => {
    await ask('T02', '田中悠人くんの様子は？', '2026-11-20T11:00');
    const which = await ask('A01', '田中さんの記録を見たのは誰？', '2026-11-20T16:10');
    expect(which.text).toContain('どの生徒のことですか？');
    expect(which.actions?.map((a) => a.type === 'choose_student' && a.studentId)).toEqual(['S004', 'S011']);
    const chosen = await ask('A01', '2');
    expect(chosen.text).toContain('田中 悠人（S011・2-2）の記録へのアクセス — 記録のある全期間');
    expect(chosen.text).toContain('・森 由美（T02・担任）: 1回（最終 2026-11-20 11:00）');
  });
});

describe('anyone else asking', () => {
  it('a teacher is refused politely, with nothing from the audit, and the attempt is audited', async () => {
    const reply = await ask('T01', '今月、鈴木さんの記録を見たのは誰？', '2026-11-20T16:20');
    expect(reply.text).toBe('アクセス記録（誰がどの記録を見たか）は管理職だけが確認できます。必要なときは管理職に依頼してください。');
    expect(reply.text).not.toMatch(/青木|松本|回（最終/);
    expect(await auditRows('T01', 'audit')).toEqual([
      expect.objectContaining({ actorId: 'T01', studentId: 'S002', action: 'read', kind: 'audit', intent: 'audit_query', result: 'denied', reason: 'kind_not_permitted', at: at('2026-11-20T16:20') }),
    ]);
  });

  it('the counselor too (in English), even for a staff member’s trail', async () => {
    const reply = await ask('C01', 'What did Yamada look at this week?', '2026-11-20T16:25');
    expect(reply.language).toBe('en');
    expect(reply.text).toBe('Only administrators can see the access log (who looked at which records). Please ask an administrator.');
    const student = await ask('C01', "who looked at Yui's records?", '2026-11-20T16:26');
    expect(student.text).toBe(reply.text);
    expect((await auditRows('C01', 'audit')).map((r) => [r.studentId, r.result, r.reason])).toEqual([
      [null, 'denied', 'kind_not_permitted'],
      ['S002', 'denied', 'kind_not_permitted'],
    ]);
  });

  it('a refusal shows in the trail the admin reads afterwards', async () => {
    const reply = await ask('A01', '今日、鈴木さんの記録を見たのは誰？', '2026-11-20T16:30');
    expect(reply.text).toContain('・2026-11-20 16:20 山田 健一（T01） — アクセス記録の確認: 拒否: アクセス記録');
    expect(reply.text).toContain('山田 健一（T01・担任）: 3回（最終 2026-11-20 16:20、うち拒否 1回）');
  });

  it('a student the teacher may not see gets the same refusal as one they may (nothing is revealed)', async () => {
    const outOfScope = await ask('T04', '鈴木さんの記録を見たのは誰？');
    const unknown = await ask('T04', '木村花子さんの記録を見たのは誰？');
    expect(outOfScope.text).toBe(unknown.text);
  });
});

describe('fail closed', () => {
  it('an audit read whose audit row cannot be written answers nothing', async () => {
    const broken = createEngine({
      ...serviceContext(database, () => clock),
      guard: new AccessGuard({ record: async () => Promise.reject(new Error('SQLITE_BUSY')), recordMany: async () => Promise.reject(new Error('SQLITE_BUSY')) }),
    });
    const reply = await broken.handleTurn(parseShellLine('今月、鈴木さんの記録を見たのは誰？', 'A01', ++sequence, clock));
    expect(reply.text).toContain('一時的に利用できません');
    expect(reply.text).not.toContain('山田');
  });
});
