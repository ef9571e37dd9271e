// Records rights asked for in chat (issue 7): admins export (files attached, DM only), get told
// how to correct, and delete with the student number typed back; everyone else is refused and
// the refusal is audited. After a deletion the bot answers about the student as about nobody.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseShellLine } from '../../../src/adapters/shell/parse.ts';
import { renderShellReply } from '../../../src/adapters/shell/render.ts';
import type { IncomingMessage } from '../../../src/chat/types.ts';
import { createEngine, type OfflineEngine } from '../../../src/engine/handle-turn.ts';
import { SAMPLE_NOW } from '../../helpers/sample-school.ts';
import { countRows, openSampleSchool, type SampleSchool } from './helpers.ts';

let school: SampleSchool;
let engine: OfflineEngine;
let sequence = 0;

beforeAll(async () => {
  school = await openSampleSchool();
  engine = createEngine(school.ctx);
});
afterAll(async () => school.database.destroy());

/** Each conversation its own: a deletion's confirmation belongs to the conversation that asked. */
const say = (staffId: string, text: string, conversation = `${staffId}-chat`) => {
  const message: IncomingMessage = { ...parseShellLine(text, staffId, ++sequence, SAMPLE_NOW), conversation: { platform: 'shell', parts: [conversation] } };
  return engine.handleTurn(message);
};
const decode = (data: Uint8Array) => new TextDecoder().decode(data);

describe('records rights in chat', () => {
  it('an admin asks for everything held about a student: a summary, with the document and JSON attached, for the asker only', async () => {
    const reply = await say('A01', '鈴木結衣さんの記録をすべて書き出してください');
    expect(reply.sensitivity).toBe('restricted');
    expect(reply.text).toContain('鈴木 結衣（S002）');
    expect(reply.text).toContain('出欠: 125件');
    expect(reply.attachments?.map((a) => [a.filename, a.contentType])).toEqual([
      ['S002-export.md', 'text/markdown'],
      ['S002-export.json', 'application/json'],
    ]);
    const json = JSON.parse(decode(reply.attachments![1]!.data)) as { student: { studentNo: string }; attendance: unknown[] };
    expect(json.student.studentNo).toBe('S002');
    expect(json.attendance).toHaveLength(125);
    expect(decode(reply.attachments![0]!.data)).toContain('# 保有個人データの開示: 鈴木 結衣（S002）');
    for (const other of ['S001', 'S003', 'S008', '中村', '高橋']) expect(decode(reply.attachments![1]!.data)).not.toContain(other);
    // The terminal names the files rather than printing them.
    expect(renderShellReply(reply)).toContain('[ファイル: S002 の保有個人データ（文書）]');
  });

  it('in English too', async () => {
    const reply = await say('A01', "Export everything we hold about Mei Kato");
    expect(reply.language).toBe('en');
    expect(reply.text).toContain('Everything the school holds about 加藤 芽依 (S010)');
    expect(reply.attachments?.map((a) => a.filename)).toEqual(['S010-export.md', 'S010-export.json']);
  });

  it('anyone but an admin is refused, with nothing of the records, and the refusal is audited', async () => {
    for (const [who, text] of [
      ['T01', '鈴木結衣さんの記録をすべて書き出して'],
      ['C01', '鈴木結衣さんの記録を削除して'],
      ['T01', '鈴木結衣さんの記録を訂正したい'],
    ] as const) {
      const reply = await say(who, text);
      expect(reply.text).toContain('管理職のみ');
      expect(reply.attachments).toBeUndefined();
      expect(reply.text).not.toMatch(/S002|欠席/);
    }
    const denials = await school.database.db.auditEvent.findMany({ where: { reason: 'not_records_admin' } });
    expect(denials.map((d) => [d.actorId, d.studentId, d.result])).toEqual([
      ['T01', 'S002', 'denied'],
      ['C01', 'S002', 'denied'],
      ['T01', 'S002', 'denied'],
    ]);
  });

  it('a correction: the admin is told the exact command, with the earlier version kept', async () => {
    const reply = await say('A01', '伊藤颯太さんの記録を訂正したい');
    expect(reply.text).toContain('npm run cli -- student correct S005 --as A01 --reason');
  });

  it('a deletion needs the student number typed back, in the same conversation, as the very next message', async () => {
    const before = await countRows(school.database.db);
    const question = await say('A01', '佐藤愛莉さんの記録を削除してください', 'delete-1');
    expect(question.text).toContain('「削除 S012」と送ってください');
    // A wrong number, another conversation, or anything in between: nothing is deleted.
    expect((await say('A01', '削除 S011', 'delete-1')).text).toContain('確認を待っている削除はありません');
    expect((await say('A01', '削除 S012', 'elsewhere')).text).toContain('確認を待っている削除はありません');
    await say('A01', 'help', 'delete-1');
    expect((await say('A01', '削除 S012', 'delete-1')).text).toContain('確認を待っている削除はありません');
    expect(await countRows(school.database.db)).toMatchObject({ Student: before.Student });

    await say('A01', '佐藤愛莉さんの記録を削除してください', 'delete-2');
    const done = await say('A01', '削除 S012', 'delete-2');
    expect(done.text).toContain('S012 の記録をすべて削除しました');
    const { db } = school.database;
    expect(await db.student.findUnique({ where: { id: 'S012' } })).toBeNull();
    expect(await db.attendance.count({ where: { studentId: 'S012' } })).toBe(0);
    expect(await db.auditEvent.count({ where: { studentId: 'S012' } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'delete', kind: 'student', actorId: 'A01' } })).toBe(1);
  });

  it('afterwards the bot knows nothing of her: the answer is the one for a name the school never had', async () => {
    const about = await say('C01', '佐藤愛莉さんの様子は？', 'after');
    const nobody = await say('C01', '佐藤架空子さんの様子は？', 'after-2');
    expect(about.text).toBe(nobody.text);
    expect(about.text).not.toContain('S012');
  });
});
