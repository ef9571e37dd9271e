// Shared by the db copy and backup/restore tests: a sample school with a row in every table, and
// every table's content in a form that compares across providers.
import type { Db } from '../../../src/store/database.ts';
import { COPY_MODELS } from '../../../src/store/copy-database.ts';
import { importSchool } from '../../../src/store/import/index.ts';
import { SAMPLE_SCHOOL_DIR } from '../../helpers/sample-school.ts';

type Row = Record<string, unknown>;

/** The sample school, plus rows in the tables an import leaves empty, so every type is exercised. */
export async function buildSchool(db: Db): Promise<void> {
  await importSchool(db, SAMPLE_SCHOOL_DIR, {});
  const observation = await db.observation.findFirstOrThrow({ where: { studentId: 'S003' }, orderBy: { observedAt: 'asc' } });
  const plan = await db.supportPlan.findFirstOrThrow({ where: { studentId: 'S002' } });
  // Boolean false, nullable columns both null and set, DateTimes with milliseconds.
  await db.staff.update({ where: { id: 'T02' }, data: { digestOptIn: false, email: null } });
  await db.observationRevision.create({
    data: { observationId: observation.id, version: 1, text: observation.text, categories: observation.categories, concern: 'none', visibility: 'team', replacedById: 'T01', replacedAt: new Date('2026-11-19T03:04:05.678Z'), reason: '誤字の訂正' },
  });
  await db.observation.update({ where: { id: observation.id }, data: { version: 2, text: `${observation.text}（訂正済み）` } });
  await db.supportAction.create({ data: { id: 'act-0001', planId: plan.id, actedOn: '2026-11-18', actorId: 'T01', description: '朝の短いチェックイン', outcome: '笑顔で登校' } });
  await db.recordCorrection.create({
    data: { studentId: 'S001', kind: 'attendance', recordKey: '2026-11-18', field: 'status', before: 'absent', after: null, reason: '保健室にいた', correctedBy: 'T01', correctedAt: new Date('2026-11-19T00:00:00.001Z') },
  });
  await db.auditEvent.createMany({
    data: [
      { at: new Date('2026-11-20T08:15:30.123Z'), actorId: 'T01', studentId: 'S003', action: 'read', kind: 'observation', intent: 'ask_student', result: 'allowed' },
      { at: new Date('2026-11-20T08:16:00.000Z'), actorId: 'platform:U999', studentId: null, action: 'read', kind: 'attendance', intent: 'ask_student', result: 'denied', reason: 'not_in_scope' },
    ],
  });
  await db.processedEvent.createMany({
    data: [
      { key: 'slack:Ev001', status: 'done', claimedAt: new Date('2026-11-20T01:00:00.500Z'), completedAt: new Date('2026-11-20T01:00:01.250Z') },
      { key: 'slack:Ev002', status: 'processing', claimedAt: new Date('2026-11-20T01:05:00.000Z'), completedAt: null },
    ],
  });
  await db.chatInstallation.create({ data: { platform: 'slack', workspaceId: 'T0SCHOOL', botToken: 'xoxb-test-token', botUserId: 'U0BOT', botId: null, installedAt: new Date('2026-04-01T00:00:00Z') } });
  await db.digestRun.create({ data: { recipientId: 'T01', weekOf: '2026-11-16', status: 'sent', claimedBy: 'host-a', leaseUntil: new Date('2026-11-16T09:05:00Z'), sentAt: new Date('2026-11-16T09:00:12.345Z') } });
  await db.conversationMemory.create({ data: { key: 'slack:C01:1700000000.000100', staffId: 'T01', state: '{"draft":null,"lastStudent":"S003"}', expiresAt: new Date('2026-11-21T00:00:00Z') } });
}

const delegate = (db: Db, model: string) => (db as unknown as Record<string, { findMany(): Promise<Row[]> }>)[model[0]!.toLowerCase() + model.slice(1)]!;

function compareKeys(key: readonly string[]) {
  return (a: Row, b: Row) => {
    for (const field of key) {
      const x = a[field] as string | number;
      const y = b[field] as string | number;
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  };
}

/** Every table's rows, ordered by key in JavaScript (code points), so providers compare equal. */
export async function tableContents(db: Db): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const m of COPY_MODELS) out[m.name] = (await delegate(db, m.name).findMany()).sort(compareKeys(m.key));
  return out;
}

/** Row counts of every table. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const contents = await tableContents(db);
  return Object.fromEntries(Object.entries(contents).map(([table, rows]) => [table, rows.length]));
}
