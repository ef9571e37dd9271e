// Correction (APPI art. 34) keeps the earlier version; deletion (art. 35) removes the student from
// every table, the search index and the bot's memory, in one transaction, and leaves the audit
// history under a tombstone that does not lead back to the student.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessDeniedError } from '../../../src/access/guard.ts';
import { parseShellLine } from '../../../src/adapters/shell/parse.ts';
import { createEngine, type Engine } from '../../../src/engine/handle-turn.ts';
import { serviceContext } from '../../../src/services/context.ts';
import { resolveStudent } from '../../../src/services/resolve-student.ts';
import { correctStudentRecords, deleteStudent, RecordsRightsError, type Correction } from '../../../src/services/records-rights/index.ts';
import { searchObservations } from '../../../src/store/observation-search-repository.ts';
import { listStudents } from '../../../src/store/student-repository.ts';
import { testPostgresUrl } from '../../helpers/database.ts';
import { SAMPLE_NOW } from '../../helpers/sample-school.ts';
import { countRows, dumpDatabase, failingInside, openSampleSchool, rowsContaining, type SampleSchool } from './helpers.ts';

let school: SampleSchool;
let engine: Engine;
let sequence = 0;

const ask = (staffId: string, text: string) => engine.handleTurn(parseShellLine(text, staffId, ++sequence, SAMPLE_NOW));
const errorOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

beforeAll(async () => {
  school = await openSampleSchool();
  engine = createEngine(school.ctx);
});
afterAll(async () => school.database.destroy());

describe('SECURITY checklist 15: correction and deletion requests -> earlier version kept for correction; deletion removes the student\'s records everywhere, and the bot then knows nothing of them', () => {
  describe('correction', () => {
    const correct = async (corrections: Correction[], reason = '記入誤り', studentId = 'S004', as = 'A01') =>
      correctStudentRecords(school.ctx, await school.staff(as), studentId, corrections, reason);

    it('corrects the profile and keeps each earlier value; grade and homeroom follow the class', async () => {
      await listStudents(school.database.db, 'all');
      const result = await correct([{ kind: 'profile', changes: { familyName: '田仲', classId: '2-2' } }], '転記ミス（旧姓のまま）');
      expect(result.applied).toEqual([{ kind: 'profile', recordKey: 'S004', fields: ['familyName', 'classId', 'homeroomId'] }]);
      const student = await school.database.db.student.findUniqueOrThrow({ where: { id: 'S004' } });
      expect(student).toMatchObject({ familyName: '田仲', classId: '2-2', grade: 2, homeroomId: 'T02' });
      const history = await school.database.db.recordCorrection.findMany({ where: { studentId: 'S004' }, orderBy: { id: 'asc' } });
      expect(history.map(({ kind, recordKey, field, before, after, reason, correctedBy, correctedAt }) => ({ kind, recordKey, field, before, after, reason, correctedBy, correctedAt }))).toEqual([
        { kind: 'profile', recordKey: 'S004', field: 'familyName', before: '田中', after: '田仲', reason: '転記ミス（旧姓のまま）', correctedBy: 'A01', correctedAt: SAMPLE_NOW },
        { kind: 'profile', recordKey: 'S004', field: 'classId', before: '2-1', after: '2-2', reason: '転記ミス（旧姓のまま）', correctedBy: 'A01', correctedAt: SAMPLE_NOW },
        { kind: 'profile', recordKey: 'S004', field: 'homeroomId', before: 'T01', after: 'T02', reason: '転記ミス（旧姓のまま）', correctedBy: 'A01', correctedAt: SAMPLE_NOW },
      ]);
      // The bot sees the corrected class at once (the roster kept between turns follows).
      expect((await listStudents(school.database.db, ['2-2'])).map((s) => s.id)).toContain('S004');
      const [audit] = await school.database.db.auditEvent.findMany({ where: { intent: 'records_correction', studentId: 'S004' } });
      // Field names only: no values, no reason text, no student number in the audit's text.
      expect(audit).toMatchObject({ actorId: 'A01', action: 'write', kind: 'profile', result: 'allowed', reason: 'profile: familyName,classId,homeroomId' });
    });

    it('corrects an attendance day (an absence attends no period) and keeps the earlier values', async () => {
      const result = await correct([{ kind: 'attendance', date: '2026-11-16', changes: { status: 'absent', note: '体調不良で欠席（保健室登校は誤り）' } }]);
      expect(result.applied[0]).toEqual({ kind: 'attendance', recordKey: '2026-11-16', fields: ['status', 'note'] });
      const day = await school.database.db.attendance.findUniqueOrThrow({ where: { studentId_date: { studentId: 'S004', date: '2026-11-16' } } });
      expect(day).toMatchObject({ status: 'absent', periodsAttended: 0 });
      const history = await school.database.db.recordCorrection.findMany({ where: { studentId: 'S004', kind: 'attendance' }, orderBy: { id: 'asc' } });
      expect(history.map((h) => [h.recordKey, h.field, h.before, h.after])).toEqual([
        ['2026-11-16', 'status', 'nurse_office', 'absent'],
        ['2026-11-16', 'note', '', '体調不良で欠席（保健室登校は誤り）'],
      ]);
    });

    it('corrects an observation twice: each earlier version stays in ObservationRevision and the version goes up', async () => {
      const { db } = school.database;
      const note = await db.observation.findFirstOrThrow({ where: { studentId: 'S004', text: { startsWith: '今週は4日保健室登校' } } });
      const first = await correct([{ kind: 'observation', observationId: note.id, changes: { text: '今週は3日保健室登校。養護教諭とは落ち着いて話せている。' } }], '日数の誤り');
      expect(first.applied[0]).toMatchObject({ kind: 'observation', fields: ['text'], version: 2, urgent: false });
      const second = await correct([{ kind: 'observation', observationId: note.id, changes: { visibility: 'confidential', categories: 'health,emotional' } }], '本人の希望で機密に');
      expect(second.applied[0]).toMatchObject({ fields: ['categories', 'visibility'], version: 3 });
      const now = await db.observation.findUniqueOrThrow({ where: { id: note.id }, include: { revisions: { orderBy: { version: 'asc' } } } });
      expect(now).toMatchObject({ version: 3, text: '今週は3日保健室登校。養護教諭とは落ち着いて話せている。', visibility: 'confidential', categories: 'health,emotional' });
      expect(now.revisions.map((r) => ({ version: r.version, text: r.text, visibility: r.visibility, replacedById: r.replacedById, reason: r.reason }))).toEqual([
        { version: 1, text: '今週は4日保健室登校。養護教諭とは落ち着いて話せている。', visibility: 'team', replacedById: 'A01', reason: '日数の誤り' },
        { version: 2, text: '今週は3日保健室登校。養護教諭とは落ち着いて話せている。', visibility: 'team', replacedById: 'A01', reason: '本人の希望で機密に' },
      ]);
      // The search index follows the corrected text.
      expect(await searchObservations(db, school.ctx.provider, { terms: ['4日保健室登校'], limit: 5 })).toEqual([]);
      expect((await searchObservations(db, school.ctx.provider, { terms: ['3日保健室登校'], limit: 5 })).map((r) => r.id)).toEqual([note.id]);
    });

    it('a corrected text with safeguarding words is urgent, whatever categories are given', async () => {
      const note = await school.database.db.observation.findFirstOrThrow({ where: { studentId: 'S004', text: { startsWith: '保健室で期末テスト' } } });
      const result = await correct([{ kind: 'observation', observationId: note.id, changes: { text: '保健室で期末テストの勉強。「死にたい」と書いていた。', categories: 'academic' } }]);
      expect(result.applied[0]).toMatchObject({ urgent: true });
      expect(await school.database.db.observation.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({ concern: 'urgent', categories: 'academic,safeguarding' });
    });

    it('sets and clears the day the student left', async () => {
      await correct([{ kind: 'profile', changes: { leftOn: '2027-03-19' } }], '卒業予定日');
      expect((await school.database.db.student.findUniqueOrThrow({ where: { id: 'S004' } })).leftOn).toBe('2027-03-19');
      await correct([{ kind: 'profile', changes: { leftOn: 'none' } }], '卒業予定の取り消し');
      expect((await school.database.db.student.findUniqueOrThrow({ where: { id: 'S004' } })).leftOn).toBeNull();
    });

    it('a bad correction names what was wrong and writes nothing, even when other parts of the request were fine', async () => {
      const { db } = school.database;
      const otherStudentsNote = (await db.observation.findFirstOrThrow({ where: { studentId: 'S002' } })).id;
      const s004Note = (await db.observation.findFirstOrThrow({ where: { studentId: 'S004' } })).id;
      const fine: Correction = { kind: 'profile', changes: { givenName: 'みさき' } };
      const cases: [Correction[], string, string, string?][] = [
        [[fine, { kind: 'attendance', date: '2026-11-22', changes: { status: 'absent' } }], 'unknown_record', 'S004 has no attendance record on "2026-11-22"'],
        [[fine, { kind: 'profile', changes: { nickname: 'みー' } }], 'unknown_field', 'unknown profile field "nickname" (expected one of familyName, givenName, familyNameKana, givenNameKana, classId, enrolledOn, leftOn)'],
        [[{ kind: 'attendance', date: '2026-11-16', changes: { status: 'gone' } }], 'invalid_value', 'invalid status "gone" (expected one of present, absent, late, early_leave, nurse_office, separate_room, online)'],
        [[{ kind: 'attendance', date: '2026-11-16', changes: { periodsAttended: '9' } }], 'invalid_value', 'invalid periodsAttended "9" (expected a whole number from 0 to 6)'],
        [[{ kind: 'attendance', date: '2026-11-16', changes: { colour: 'red' } }], 'unknown_field', 'unknown attendance field "colour" (expected one of status, periodsAttended, note)'],
        [[{ kind: 'profile', changes: { leftOn: '2027-02-30' } }], 'invalid_value', 'invalid leftOn "2027-02-30" (expected a real date as YYYY-MM-DD)'],
        [[{ kind: 'profile', changes: { leftOn: '2024-03-31' } }], 'invalid_value', 'invalid leftOn "2024-03-31" (expected a date on or after the enrolment date 2025-04-07)'],
        [[{ kind: 'profile', changes: { classId: '9-9' } }], 'invalid_value', 'invalid classId "9-9" (expected an existing class: 2-1, 2-2, 3-1)'],
        [[{ kind: 'profile', changes: { familyName: '  ' } }], 'invalid_value', 'invalid familyName "  " (expected a non-empty value)'],
        [[fine, { kind: 'observation', observationId: otherStudentsNote, changes: { text: '書き換え' } }], 'unknown_record', `S004 has no observation "${otherStudentsNote}"`],
        [[{ kind: 'observation', observationId: s004Note, changes: { categories: 'health,happy' } }], 'invalid_value', 'invalid categories "happy" (expected one of attendance, health, emotional, peer, academic, family, positive, safeguarding)'],
        [[{ kind: 'observation', observationId: s004Note, changes: { visibility: 'public' } }], 'invalid_value', 'invalid visibility "public" (expected one of team, confidential)'],
        [[{ kind: 'profile', changes: { familyName: '田仲' } }], 'no_change', "nothing to correct: S004's profile already has these values"],
        [[fine], 'reason_required', 'a correction needs a reason (why the record was wrong)', '  '],
        [[], 'no_change', 'nothing to correct: name a field to change'],
      ];
      const before = await dumpDatabase(db);
      for (const [corrections, code, message, reason] of cases) {
        const error = await errorOf(correct(corrections, reason ?? '理由'));
        expect(error, message).toBeInstanceOf(RecordsRightsError);
        expect(error).toMatchObject({ code, message });
      }
      const unknown = await errorOf(correct([fine], '理由', 'S999'));
      expect(unknown).toMatchObject({ code: 'unknown_student', message: 'no student with student_no "S999"' });
      // A fault in the middle of writing (after the student row was updated) rolls everything back.
      const faulty = serviceContext({ db: failingInside(db, 'recordCorrection', 'createMany'), provider: school.ctx.provider }, () => SAMPLE_NOW);
      await expect(correctStudentRecords(faulty, await school.staff('A01'), 'S004', [fine], '理由')).rejects.toThrow('simulated write failure');
      expect(await dumpDatabase(db)).toEqual(before);
    });

    it('is refused to everyone but an admin, the student\'s own homeroom teacher included, and the refusal is audited', async () => {
      const before = await school.database.db.student.findUniqueOrThrow({ where: { id: 'S001' } });
      for (const id of ['T01', 'C01']) {
        await expect(correct([{ kind: 'profile', changes: { givenName: 'はると' } }], '理由', 'S001', id)).rejects.toThrow(AccessDeniedError);
        expect(await school.database.db.auditEvent.findMany({ where: { actorId: id, intent: 'records_correction' } })).toEqual([
          expect.objectContaining({ studentId: 'S001', action: 'write', kind: 'profile', result: 'denied', reason: 'not_records_admin' }),
        ]);
      }
      expect(await school.database.db.student.findUniqueOrThrow({ where: { id: 'S001' } })).toEqual(before);
    });
  });

  describe('deletion', () => {
    const NEEDLES = ['S002', '鈴木', '結衣', 'すずき', 'ゆい', 'Yui', 'tight chest', '月曜欠席'];
    let recordIds: string[];
    let unknownName: string;

    beforeAll(async () => {
      const { db } = school.database;
      const admin = await school.staff('A01');
      // Records of every kind, and the bot's memory of her: T01's conversation has her in focus;
      // a counselor's ask-back offered her; a draft about S005 names her; T02's memory is about S008.
      const plan = await db.supportPlan.findFirstOrThrow({ where: { studentId: 'S002' } });
      await db.supportAction.create({ data: { id: 'action-s002', planId: plan.id, actedOn: '2026-11-16', actorId: 'T01', description: '月曜朝のチェックイン' } });
      const note = await db.observation.findFirstOrThrow({ where: { studentId: 'S002', text: { startsWith: '今週も月曜欠席' } } });
      await correctStudentRecords(school.ctx, admin, 'S002', [
        { kind: 'observation', observationId: note.id, changes: { visibility: 'confidential' } },
        { kind: 'attendance', date: '2026-11-16', changes: { note: '母親から連絡' } },
      ], '訂正');
      expect((await ask('T01', '鈴木結衣さんの様子は？')).text).toContain('鈴木 結衣');
      const state = (s: unknown) => JSON.stringify(s);
      const expiresAt = new Date(SAMPLE_NOW.getTime() + 60_000);
      await db.conversationMemory.createMany({
        data: [
          { key: 'slack:C1:1#C01', staffId: 'C01', state: state({ choice: { candidates: ['S012', 'S002'], intent: { type: 'ask_about_student', text: 'さん' } } }), expiresAt },
          { key: 'slack:C3:1#T01', staffId: 'T01', state: state({ draft: { kind: 'support_action', studentId: 'S005', action: 'start', description: '結衣さんと一緒に登校する', actedOn: '2026-11-20' } }), expiresAt },
          { key: 'slack:C2:1#T02', staffId: 'T02', state: state({ focusStudentId: 'S008' }), expiresAt },
        ],
      });
      recordIds = [
        ...(await db.observation.findMany({ where: { studentId: 'S002' }, select: { id: true } })).map((o) => o.id),
        plan.id,
        'action-s002',
      ];
      unknownName = (await ask('A01', '木村花子さんの様子は？')).text;
    });

    it('is refused to everyone but an admin, and the refusal is audited', async () => {
      await expect(deleteStudent(school.ctx, await school.staff('T01'), 'S002', 'S002')).rejects.toThrow(AccessDeniedError);
      expect(await school.database.db.auditEvent.findMany({ where: { actorId: 'T01', intent: 'records_deletion' } })).toEqual([
        expect.objectContaining({ studentId: 'S002', action: 'write', result: 'denied', reason: 'not_records_admin' }),
      ]);
      expect(await school.database.db.student.count({ where: { id: 'S002' } })).toBe(1);
    });

    it('needs the student number typed again, and names an unknown student', async () => {
      const admin = await school.staff('A01');
      expect(await errorOf(deleteStudent(school.ctx, admin, 'S002', 'S001'))).toMatchObject({ code: 'confirmation_mismatch' });
      expect(await errorOf(deleteStudent(school.ctx, admin, 'S999', 'S999'))).toMatchObject({ code: 'unknown_student', message: 'no student with student_no "S999"' });
      expect(await school.database.db.student.count({ where: { id: 'S002' } })).toBe(1);
    });

    it('a failure at the last step leaves everything as it was: records, memory, audit', async () => {
      const { db } = school.database;
      const before = await dumpDatabase(db);
      const faulty = serviceContext({ db: failingInside(db, 'student', 'deleteMany'), provider: school.ctx.provider }, () => SAMPLE_NOW);
      await expect(deleteStudent(faulty, await school.staff('A01'), 'S002', 'S002')).rejects.toThrow('simulated write failure');
      expect(await dumpDatabase(db)).toEqual(before);
    });

    it('removes her from every table, the search index and the bot\'s memory; keeps the audit under a tombstone', async () => {
      const { database, ctx } = school;
      const { db } = database;
      // The scan finds her before, in the records, the audit and the memory.
      const found = (await rowsContaining(database, ['S002']))['S002']!;
      expect(Object.keys(found)).toEqual(expect.arrayContaining(['Student.id', 'Attendance.studentId', 'Observation.importKey', 'AuditEvent.studentId', 'ConversationMemory.state', 'RecordCorrection.studentId']));
      const audited = await db.auditEvent.count({ where: { studentId: 'S002' } });
      expect((await listStudents(db, 'all')).map((s) => s.id)).toContain('S002');
      const before = await countRows(db);

      const result = await deleteStudent(ctx, await school.staff('A01'), 'S002', 'S002');
      expect(result).toEqual({
        studentId: 'S002',
        deleted: {
          students: 1, attendance: 125, bigFive: 1, competencies: 12, environment: 12, observations: 4, observationRevisions: 1, supportPlans: 1, supportActions: 1,
          recordCorrections: 1, conversationMemory: 3, auditEventsAnonymised: audited,
        },
        erasedFromFile: true,
      });
      // Nothing of anyone else went: every table lost exactly her rows (the audit gained the tombstone row).
      const d = result.deleted;
      expect(await countRows(db)).toEqual({
        ...before,
        Student: before.Student! - 1, Attendance: before.Attendance! - d.attendance, BigFiveResult: before.BigFiveResult! - d.bigFive,
        CompetencyRating: before.CompetencyRating! - d.competencies, EnvironmentFactor: before.EnvironmentFactor! - d.environment,
        Observation: before.Observation! - d.observations, ObservationRevision: before.ObservationRevision! - d.observationRevisions,
        SupportPlan: before.SupportPlan! - d.supportPlans, SupportAction: before.SupportAction! - d.supportActions,
        RecordCorrection: before.RecordCorrection! - d.recordCorrections, ConversationMemory: before.ConversationMemory! - d.conversationMemory,
        AuditEvent: before.AuditEvent! + 1,
      });

      const needles = [...NEEDLES, ...recordIds];
      expect(await rowsContaining(database, needles)).toEqual(Object.fromEntries(needles.map((n) => [n, {}])));
      for (const terms of [['月曜欠席'], ['tight chest'], ['お腹'], ['友人関係は良好']]) {
        expect(await searchObservations(db, ctx.provider, { terms, limit: 10 }), terms[0]).toEqual([]);
      }
      if (ctx.provider === 'sqlite') {
        const [hits] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT COUNT(*) AS n FROM "ObservationSearch" WHERE "ObservationSearch" MATCH '"tight chest" OR "月曜欠席"'`);
        expect(Number(hits!.n)).toBe(0);
      }
      // Only the memory that had nothing to do with her is left.
      expect((await db.conversationMemory.findMany()).map((m) => m.key)).toEqual(['slack:C2:1#T02']);

      const tombstones = await db.auditEvent.findMany({ where: { studentId: { startsWith: 'deleted:' } }, orderBy: { id: 'asc' } });
      expect(tombstones).toHaveLength(audited + 1);
      expect(new Set(tombstones.map((t) => t.studentId)).size).toBe(1);
      expect(tombstones[0]!.studentId).toMatch(/^deleted:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(tombstones.at(-1)).toMatchObject({ actorId: 'A01', action: 'delete', kind: 'student', intent: 'records_deletion', result: 'allowed', reason: '', at: SAMPLE_NOW });
    });

    it('afterwards the bot knows nothing of her: no name resolves to her, and asking about her answers as about a name it never had', async () => {
      const { ctx, database } = school;
      expect((await listStudents(database.db, 'all')).map((s) => s.id)).not.toContain('S002');
      const admin = await school.staff('A01');
      expect(await resolveStudent(ctx, admin, '鈴木結衣さん', 'ask_about_student')).toEqual({ kind: 'none' });
      expect(await resolveStudent(ctx, admin, 'Yui Suzuki', 'ask_about_student')).toEqual({ kind: 'none' });
      expect((await ask('A01', '鈴木結衣さんの様子は？')).text).toBe(unknownName.replace('木村花子', '鈴木結衣'));
      // T01's conversation had her in focus: that memory is gone, so a follow-up names no one.
      const followUp = await ask('T01', '彼女の欠席は？');
      expect(followUp.text).toBe((await ask('T03', '彼女の欠席は？')).text);
      expect(followUp.facts ?? []).toEqual([]);
    });

    it.skipIf(Boolean(testPostgresUrl))('on SQLite, none of her data is left in the database file or its log', () => {
      const path = school.database.url.replace(/^file:/, '');
      const bytes = Buffer.concat([path, `${path}-wal`].filter(existsSync).map((p) => readFileSync(p)));
      for (const needle of NEEDLES) expect(bytes.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
    });

    it('a second deletion finds nobody', async () => {
      expect(await errorOf(deleteStudent(school.ctx, await school.staff('A01'), 'S002', 'S002'))).toMatchObject({ code: 'unknown_student' });
    });
  });
});
