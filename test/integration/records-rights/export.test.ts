// Disclosure (APPI art. 33): everything held about one student, and nothing about anyone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessDeniedError } from '../../../src/access/guard.ts';
import { parseShellLine } from '../../../src/adapters/shell/parse.ts';
import { createEngine } from '../../../src/engine/handle-turn.ts';
import { correctStudentRecords, exportStudent, RecordsRightsError, renderStudentExport, type StudentExport } from '../../../src/services/records-rights/index.ts';
import { SAMPLE_NOW } from '../../helpers/sample-school.ts';
import { openSampleSchool, type SampleSchool } from './helpers.ts';

let school: SampleSchool;
let exported: StudentExport;
let sequence = 0;

const OTHER_STUDENTS = ['S001', 'S003', 'S004', 'S005', 'S006', 'S007', 'S008', 'S009', 'S010', 'S011', 'S012'];
const OTHER_NAMES = ['佐藤', '陽翔', '高橋', '田中', '美咲', '伊藤', '颯太', '渡辺', 'さくら', '山本', '悠真', '中村', '小林', '加藤', '芽依', '悠人', '愛莉', 'Airi', 'Ren', 'Sakura'];

beforeAll(async () => {
  school = await openSampleSchool();
  const { db } = school.database;
  const admin = await school.staff('A01');
  // Every kind of record: a support action, a corrected note (a revision), corrected attendance,
  // accesses in the audit log, conversation memory (the engine's, and crafted ones).
  const plan = await db.supportPlan.findFirstOrThrow({ where: { studentId: 'S002' } });
  await db.supportAction.create({ data: { id: 'action-s002-1', planId: plan.id, actedOn: '2026-11-16', actorId: 'T01', description: '月曜朝のチェックイン', outcome: '登校できた' } });
  await db.supportAction.create({ data: { id: 'action-s003-1', planId: (await db.supportPlan.findFirstOrThrow({ where: { studentId: 'S003' } })).id, actedOn: '2026-11-16', actorId: 'T01', description: '家庭訪問（S003）' } });
  const note = await db.observation.findFirstOrThrow({ where: { studentId: 'S002', observedAt: new Date('2026-06-22T16:10:00+09:00') } });
  await correctStudentRecords(school.ctx, admin, 'S002', [
    { kind: 'observation', observationId: note.id, changes: { text: '本人と面談。月曜日の1限の小テストが不安だと話していた。' } },
    { kind: 'attendance', date: '2026-11-16', changes: { note: '母親から連絡あり' } },
  ], '記入誤りの訂正');
  const engine = createEngine(school.ctx);
  await engine.handleTurn(parseShellLine('鈴木結衣さんの様子は？', 'T01', ++sequence, SAMPLE_NOW));
  const state = (s: unknown) => JSON.stringify(s);
  const expiresAt = new Date(SAMPLE_NOW.getTime() + 60_000);
  await db.conversationMemory.createMany({
    data: [
      { key: 'slack:C1:1#C01', staffId: 'C01', state: state({ choice: { candidates: ['S002', 'S012'], intent: { type: 'ask_about_student', text: 'さん' } } }), expiresAt },
      { key: 'slack:C2:1#T02', staffId: 'T02', state: state({ focusStudentId: 'S008' }), expiresAt },
    ],
  });
  exported = await exportStudent(school.ctx, admin, 'S002');
});
afterAll(async () => school.database.destroy());

describe('student export', () => {
  it('holds every kind of record about the student', () => {
    expect(exported).toMatchObject({ format: 'yorisoi/student-export', version: 1, exportedBy: 'A01', exportedAt: SAMPLE_NOW.toISOString() });
    expect(exported.student).toMatchObject({ studentNo: 'S002', familyName: '鈴木', givenName: '結衣', familyNameKana: 'すずき', classId: '2-1', grade: 2, enrolledOn: '2025-04-07', leftOn: null });
    expect(exported.class).toEqual({ id: '2-1', grade: 2, homeroomTeachers: [{ staffId: 'T01', name: '山田 健一' }] });
    expect(exported.homeroom).toEqual({ staffId: 'T01', name: '山田 健一' });
    expect(exported.attendance).toHaveLength(125);
    expect(exported.attendance.find((a) => a.date === '2026-11-16')).toMatchObject({ note: '母親から連絡あり' });
    expect(exported.bigFive).toHaveLength(1);
    expect(exported.competencies).toHaveLength(12);
    expect(exported.environment).toHaveLength(12);
    expect(exported.observations).toHaveLength(4);
    // The counselor's confidential note is part of what is held.
    expect(exported.observations.map((o) => o.visibility)).toContain('confidential');
    const corrected = exported.observations.find((o) => o.version === 2)!;
    expect(corrected.revisions).toEqual([
      expect.objectContaining({ version: 1, text: '本人と面談。月曜日の1限の小テストが不安だと話していた。友人関係は良好。', replacedBy: { staffId: 'A01', name: '松本 浩' }, reason: '記入誤りの訂正' }),
    ]);
    expect(exported.supportPlans).toHaveLength(1);
    expect(exported.supportPlans[0]!.actions).toEqual([expect.objectContaining({ id: 'action-s002-1', actor: { staffId: 'T01', name: '山田 健一' }, outcome: '登校できた' })]);
    expect(exported.corrections).toEqual([expect.objectContaining({ kind: 'attendance', recordKey: '2026-11-16', field: 'note', before: '', after: '母親から連絡あり', reason: '記入誤りの訂正' })]);
    const intents = exported.auditEvents.map((e) => e.intent);
    expect(intents).toEqual(expect.arrayContaining(['records_correction', 'ask_about_student']));
    expect(exported.conversationMemory.map((m) => m.key).sort()).toEqual(['shell:T01#T01', 'slack:C1:1#C01']);
  });

  it('holds nothing about another student: their ids, names and records are absent', () => {
    const json = JSON.stringify(exported);
    for (const id of OTHER_STUDENTS) expect(json, id).not.toMatch(new RegExp(`${id}(?!\\d)`));
    for (const name of OTHER_NAMES) expect(json, name).not.toContain(name);
    expect(json).not.toContain('action-s003-1');
    // The other candidate of an ask-back is a placeholder.
    expect(exported.conversationMemory.find((m) => m.key === 'slack:C1:1#C01')!.state).toEqual({ choice: { candidates: ['S002', '[other student]'], intent: { type: 'ask_about_student', text: 'さん' } } });
  });

  it('is audited as a read of every kind, after the records it lists', async () => {
    const rows = await school.database.db.auditEvent.findMany({ where: { studentId: 'S002', intent: 'records_export' } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.actorId === 'A01' && r.action === 'read' && r.result === 'allowed')).toBe(true);
    expect(rows.flatMap((r) => r.kind.split(',')).sort()).toEqual(['assessment', 'attendance', 'environment', 'observation', 'profile', 'support_plan']);
    expect(exported.auditEvents.map((e) => e.intent)).not.toContain('records_export');
  });

  it('reads as a Japanese document with section headings, or English for an admin who prefers it', () => {
    const ja = renderStudentExport(exported, 'ja');
    expect(ja.split('\n')[0]).toBe('# 保有個人データの開示: 鈴木 結衣（S002）');
    const headings = ja.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## 基本情報', '## 学級・担任', '## 出欠（125日）', '## ビッグファイブ（性格検査）（1件）', '## コンピテンシー評価（12件）', '## 環境調査（12件）',
      '## 観察記録（4件）', '## 支援計画（1件）', '## 訂正履歴（1件）', expect.stringMatching(/^## アクセス記録（監査ログ）（\d+件）$/), '## 会話の記憶（ボット）（2件）',
    ]);
    expect(ja).toContain('> Counseling session: Yui describes a tight chest');
    expect(ja).toContain('第1版（2026-11-20 17:00、松本 浩（A01）が訂正。理由: 記入誤りの訂正）');
    expect(ja).toContain('| 2026-11-16 | 遅刻 | 4 | 母親から連絡あり |');
    const en = renderStudentExport(exported, 'en');
    expect(en.split('\n')[0]).toBe('# Personal data held: 鈴木 結衣 (S002)');
    expect(en).toContain('## Attendance (125 days)');
    expect(en).toContain('## Observations (4)');
    expect(en).toContain('Version 1 (corrected 2026-11-20 17:00 by 松本 浩 (A01); reason: 記入誤りの訂正)');
  });

  it('is refused to everyone but an admin, the homeroom teacher and the counselor included, and each refusal is audited', async () => {
    for (const id of ['T01', 'C01', 'N01']) {
      await expect(exportStudent(school.ctx, await school.staff(id), 'S002')).rejects.toThrow(AccessDeniedError);
      const [row] = await school.database.db.auditEvent.findMany({ where: { actorId: id, intent: 'records_export' } });
      expect(row).toMatchObject({ studentId: 'S002', action: 'read', result: 'denied', reason: 'not_records_admin' });
    }
  });

  it('names an unknown student', async () => {
    const error = await exportStudent(school.ctx, await school.staff('A01'), 'S999').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordsRightsError);
    expect(error).toMatchObject({ code: 'unknown_student', message: 'no student with student_no "S999"' });
  });
});
