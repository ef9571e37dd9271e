// Buttons and forms (Save / Edit / Cancel, Undo, choosing a student) reach the engine as actions,
// not text; Undo takes back a note just saved, only the author's own, within its window, never
// a safeguarding note.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serviceContext } from '../../../src/services/context.ts';
import { importSchool } from '../../../src/store/import/index.ts';
import { createEngine, type OfflineEngine } from '../../../src/engine/handle-turn.ts';
import { parseShellLine } from '../../../src/adapters/shell/parse.ts';
import type { Action, Reply, UserAction } from '../../../src/chat/types.ts';
import { UNDO_WINDOW_MS } from '../../../src/services/undo-observation.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { SAMPLE_NOW, SAMPLE_SCHOOL_DIR } from '../../helpers/sample-school.ts';

let database: TestDatabase;
let engine: OfflineEngine;
let clock: Date;
let sequence = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  await importSchool(database.db, SAMPLE_SCHOOL_DIR, {});
  engine = createEngine(serviceContext(database, () => clock));
});
beforeEach(() => {
  clock = SAMPLE_NOW;
});
afterAll(async () => database.destroy());

const say = (staffId: string, text: string) => engine.handleTurn(parseShellLine(text, staffId, ++sequence, clock));
const press = (staffId: string, label: string, action: UserAction) => engine.handleTurn({ ...parseShellLine(label, staffId, ++sequence, clock), action });
const notesOf = (studentId: string) => database.db.observation.findMany({ where: { studentId, source: 'chat' } });
const undoOf = (reply: Reply) => reply.actions?.find((a): a is Extract<Action, { type: 'undo' }> => a.type === 'undo');

describe('buttons', () => {
  it('log, then Save pressed, then saved, then Undo pressed: the note is gone', async () => {
    const draft = await say('T01', '記録：鈴木さん、3限から保健室で過ごした。');
    const edit = draft.actions?.find((a) => a.type === 'draft' && a.decision === 'edit');
    expect(edit).toMatchObject({ text: '鈴木さん、3限から保健室で過ごした。' });

    const saved = await press('T01', '保存', { kind: 'draft', decision: 'save' });
    expect(saved.text).toContain('保存しました');
    const undo = undoOf(saved)!;
    expect(undo.label).toBe('元に戻す');
    expect((await notesOf('S002')).map((n) => n.id)).toContain(undo.recordId);

    const undone = await press('T01', '元に戻す', { kind: 'undo', recordId: undo.recordId });
    expect(undone.text).toBe('保存した記録を取り消しました。');
    expect((await notesOf('S002')).map((n) => n.id)).not.toContain(undo.recordId);
    expect((await press('T01', '元に戻す', { kind: 'undo', recordId: undo.recordId })).text).toContain('取り消せる記録がありません');
  });

  it('the edit form sends the rewritten text, which is what is saved', async () => {
    await say('T02', 'Log: Minato left early after 3rd period.');
    const edited = await press('T02', 'Edit', { kind: 'draft', decision: 'edit', edit: 'Minato left early after 4th period; his mother picked him up.' });
    expect(edited.text).toContain('4th period');
    await press('T02', 'Save', { kind: 'draft', decision: 'save' });
    expect((await notesOf('S009')).map((n) => n.text)).toContain('Minato left early after 4th period; his mother picked him up.');
  });

  it('choosing a student from the buttons answers the question asked', async () => {
    const ask = await say('C01', '田中さんの様子は？');
    const choices = ask.actions?.filter((a) => a.type === 'choose_student') ?? [];
    expect(choices.length).toBeGreaterThan(1);
    const chosen = choices[0]!;
    const reply = await press('C01', chosen.label, { kind: 'choose_student', studentId: chosen.type === 'choose_student' ? chosen.studentId : '' });
    expect(reply.text).toContain(chosen.label.split('（')[0]!.trim());
  });

  it('a student id pressed that was not among the choices is refused', async () => {
    await say('T01', '田中さんの様子は？');
    const reply = await press('T01', 'x', { kind: 'choose_student', studentId: 'S009' });
    expect(reply.text).not.toContain('S009');
    expect(reply.sensitivity).toBe('public');
  });
});

describe('undo', () => {
  it('typed 「元に戻す」 takes back the last note saved in this conversation', async () => {
    await say('T01', '記録：鈴木さん、給食は完食。');
    await say('T01', '保存');
    const before = (await notesOf('S002')).length;
    expect((await say('T01', '元に戻す')).text).toBe('保存した記録を取り消しました。');
    expect(await notesOf('S002')).toHaveLength(before - 1);
  });

  it("nobody can undo someone else's note, and the reply does not say it exists", async () => {
    await say('T01', '記録：鈴木さん、朝の会に参加。');
    const saved = await say('T01', '保存');
    const id = undoOf(saved)!.recordId;
    const reply = await press('C01', '元に戻す', { kind: 'undo', recordId: id });
    expect(reply.text).toContain('取り消せる記録がありません');
    expect((await notesOf('S002')).map((n) => n.id)).toContain(id);
  });

  it('after the undo window the note stays', async () => {
    await say('T01', '記録：鈴木さん、部活に顔を出した。');
    const id = undoOf(await say('T01', '保存'))!.recordId;
    clock = new Date(SAMPLE_NOW.getTime() + UNDO_WINDOW_MS + 1000);
    expect((await press('T01', '元に戻す', { kind: 'undo', recordId: id })).text).toContain('30分以上');
    expect((await notesOf('S002')).map((n) => n.id)).toContain(id);
  });

  it('a safeguarding note offers no Undo and cannot be undone', async () => {
    await say('T02', '加藤さんが「消えたい」と話していた');
    const saved = await say('T02', '保存');
    expect(undoOf(saved)).toBeUndefined();
    const note = (await notesOf('S010')).find((n) => n.concern === 'urgent')!;
    expect((await press('T02', '元に戻す', { kind: 'undo', recordId: note.id })).text).toContain('取り消せません');
    expect((await notesOf('S010')).map((n) => n.id)).toContain(note.id);
  });
});

describe('a shared thread', () => {
  it('two staff members in one thread each keep their own draft', async () => {
    const slackIds = { T01: 'U0AT01YAMADA', C01: 'U0AC01ISHII' };
    const inThread = (staffId: keyof typeof slackIds, text: string) =>
      engine.handleTurn({ ...parseShellLine(text, slackIds[staffId], ++sequence, clock), conversation: { platform: 'slack', parts: ['C0SHARED', '1700000000.000100'] } });
    await inThread('T01', '記録：鈴木さん、昼休みに図書室にいた。');
    await inThread('C01', '記録：高橋蓮さん、面談の予約を入れた。');
    expect((await inThread('T01', '保存')).text).toContain('鈴木');
    expect((await notesOf('S002')).map((n) => n.text)).toContain('鈴木さん、昼休みに図書室にいた。');
    expect((await inThread('C01', '取消')).text).toContain('何も保存していません');
  });
});

describe('the weekly digest, by chat', () => {
  it('「週報 オフ」 and "digest on" set only the asker’s own subscription', async () => {
    expect((await say('T01', '週報 オフ')).text).toContain('止めました');
    expect((await database.db.staff.findUniqueOrThrow({ where: { id: 'T01' } })).digestOptIn).toBe(false);
    expect((await database.db.staff.findUniqueOrThrow({ where: { id: 'T02' } })).digestOptIn).toBe(true);
    expect((await say('T01', 'digest on')).text).toContain('every week');
    expect((await database.db.staff.findUniqueOrThrow({ where: { id: 'T01' } })).digestOptIn).toBe(true);
  });

  it('「今週のまとめ」 shows the digest with its chart', async () => {
    const reply = await say('T01', '今週のまとめを見せて');
    expect(reply.text).toContain('週のまとめ（2026-11-16〜2026-11-22）');
    expect(reply.attachments?.[0]?.contentType).toBe('image/png');
  });
});

describe('the home view', () => {
  it("lists the asker's students needing attention, privately, and refuses someone unregistered", async () => {
    const home = await engine.home('slack', 'U0AT01YAMADA');
    expect(home.sensitivity).toBe('restricted');
    expect(home.text).toContain('鈴木');
    expect(home.text).not.toContain('加藤'); // 2-2, not T01's class
    const stranger = await engine.home('slack', 'U0NOBODY');
    expect(stranger.text).toContain('登録されていない');
  });
});
