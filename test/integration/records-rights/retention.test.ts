// Retention (APPI art. 22): the configured periods after a student left. A report deletes nothing
// and names students by number only; a run deletes exactly what the report listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessDeniedError } from '../../../src/access/guard.ts';
import { parseShellLine } from '../../../src/adapters/shell/parse.ts';
import { createEngine } from '../../../src/engine/handle-turn.ts';
import {
  correctStudentRecords,
  retentionCutoff,
  retentionReport,
  runRetention,
  runScheduledRetention,
  type RetentionPolicy,
} from '../../../src/services/records-rights/index.ts';
import { SAMPLE_NOW } from '../../helpers/sample-school.ts';
import { countRows, dumpDatabase, openSampleSchool, type SampleSchool } from './helpers.ts';

let school: SampleSchool;
const policy: RetentionPolicy = { studentYears: 10, observationYears: 5 };

/** The sample's students are all enrolled in 2025: these ones are made to have left long ago. */
const leftOn = async (studentId: string, date: string) =>
  correctStudentRecords(school.ctx, await school.staff('A01'), studentId, [{ kind: 'profile', changes: { enrolledOn: `${Number(date.slice(0, 4)) - 3}-04-07`, leftOn: date } }], '卒業');

/** What the report's kinds are called as tables. */
const TABLE: Record<string, string> = {
  students: 'Student', attendance: 'Attendance', bigFive: 'BigFiveResult', competencies: 'CompetencyRating', environment: 'EnvironmentFactor', observations: 'Observation',
  observationRevisions: 'ObservationRevision', supportPlans: 'SupportPlan', supportActions: 'SupportAction', recordCorrections: 'RecordCorrection', conversationMemory: 'ConversationMemory',
};

beforeAll(async () => {
  school = await openSampleSchool();
  // Left 16, 7 and 2 years before the sample's today (2026-11-20).
  await leftOn('S010', '2010-03-31');
  await leftOn('S011', '2019-03-31');
  await leftOn('S012', '2024-03-31');
  await createEngine(school.ctx).handleTurn(parseShellLine('加藤芽依さんの様子は？', 'T02', 1, SAMPLE_NOW));
});
afterAll(async () => school.database.destroy());

describe('retention periods', () => {
  it('count whole years back from today; 29 February falls back to the 28th', () => {
    expect(retentionCutoff('2026-11-20', 10)).toBe('2016-11-20');
    expect(retentionCutoff('2028-02-29', 1)).toBe('2027-02-28');
    expect(retentionCutoff('2025-03-31', 5)).toBe('2020-03-31');
  });
});

describe('retention report and run', () => {
  let report: Awaited<ReturnType<typeof retentionReport>>;

  it('the report lists what is due, by student number and counts, and deletes nothing', async () => {
    const { db } = school.database;
    const before = await dumpDatabase(db);
    report = await retentionReport(school.ctx, await school.staff('A01'), policy);
    expect(report).toMatchObject({ asOf: '2026-11-20', policy, cutoffs: { students: '2016-11-20', observations: '2021-11-20' } });
    expect(report.items).toEqual([
      {
        studentId: 'S010',
        action: 'delete_student',
        counts: {
          students: 1, attendance: 125, bigFive: 1, competencies: 12, environment: 12, observations: 1, observationRevisions: 0, supportPlans: 0, supportActions: 0,
          recordCorrections: 2, conversationMemory: 1, auditEventsAnonymised: expect.any(Number),
        },
      },
      { studentId: 'S011', action: 'delete_observations', counts: { observations: 1, observationRevisions: 0 } },
    ]);
    expect(report.totals).toMatchObject({ delete_student: 1, delete_observations: 1, observations: 2, attendance: 125 });
    // Only the report's own audit row was written, and it names no student.
    const after = await dumpDatabase(db);
    expect({ ...after, AuditEvent: [] }).toEqual({ ...before, AuditEvent: [] });
    expect(after.AuditEvent).toHaveLength(before.AuditEvent!.length + 1);
    expect(await db.auditEvent.findFirst({ where: { intent: 'retention_report' } })).toMatchObject({ actorId: 'A01', studentId: null, result: 'allowed', reason: '2 students' });
  });

  it('the run deletes exactly what the report listed', async () => {
    const { db } = school.database;
    const before = await countRows(db);
    const run = await runRetention(school.ctx, await school.staff('A01'), policy);
    expect(run.items).toEqual(report.items);
    expect(run.totals).toEqual(report.totals);
    const after = await countRows(db);
    for (const [kind, table] of Object.entries(TABLE)) expect({ kind, removed: before[table]! - after[table]! }).toEqual({ kind, removed: report.totals[kind] ?? 0 });
    expect(await db.student.findUnique({ where: { id: 'S010' } })).toBeNull();
    expect(await db.observation.count({ where: { studentId: 'S011' } })).toBe(0);
    expect(await db.student.count({ where: { id: 'S011' } })).toBe(1);
    expect(await db.observation.count({ where: { studentId: 'S012' } })).toBe(2);
    // Audited: S010 under a tombstone, S011's observations as a write.
    expect(await db.auditEvent.count({ where: { studentId: 'S010' } })).toBe(0);
    expect(await db.auditEvent.findFirst({ where: { action: 'delete', kind: 'student' } })).toMatchObject({ actorId: 'A01', intent: 'retention_run', studentId: expect.stringMatching(/^deleted:/) });
    expect(await db.auditEvent.findFirst({ where: { studentId: 'S011', intent: 'retention_run' } })).toMatchObject({ action: 'write', kind: 'observation', reason: '1 observations past the retention period' });
  });

  it('a second report finds nothing more to do', async () => {
    expect((await retentionReport(school.ctx, await school.staff('A01'), policy)).items).toEqual([]);
  });

  it('is refused to everyone but an admin, and audited', async () => {
    const t01 = await school.staff('T01');
    await expect(retentionReport(school.ctx, t01, policy)).rejects.toThrow(AccessDeniedError);
    await expect(runRetention(school.ctx, t01, policy)).rejects.toThrow(AccessDeniedError);
    const rows = await school.database.db.auditEvent.findMany({ where: { actorId: 'T01', intent: { in: ['retention_report', 'retention_run'] } } });
    expect(rows.map((r) => [r.intent, r.result, r.reason])).toEqual([
      ['retention_report', 'denied', 'not_records_admin'],
      ['retention_run', 'denied', 'not_records_admin'],
    ]);
  });

  it('the scheduled run acts as system:retention, and does nothing when the policy is off', async () => {
    await leftOn('S012', '2015-03-31');
    expect((await runScheduledRetention(school.ctx, {})).items).toEqual([]);
    expect(await school.database.db.student.count({ where: { id: 'S012' } })).toBe(1);
    const run = await runScheduledRetention(school.ctx, policy);
    expect(run.items.map((i) => [i.studentId, i.action])).toEqual([['S012', 'delete_student']]);
    expect(await school.database.db.auditEvent.findFirst({ where: { action: 'delete', actorId: 'system:retention' } })).toMatchObject({ kind: 'student', intent: 'retention_run' });
  });
});
