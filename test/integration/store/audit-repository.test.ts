import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../../src/store/audit-repository.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';

describe('audit rows written in bulk', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.destroy());

  it('stores every entry, past the bound-parameter limit, readable by time and student like single rows', async () => {
    const at = new Date('2026-11-20T08:00:00.123Z');
    const log = createAuditLog(database, () => at);
    const entries = Array.from({ length: 1_000 }, (_, i) => ({ actorId: 'C1', studentId: `S${i}`, action: 'read' as const, kind: 'attendance' as const, intent: 'weekly_digest', result: i % 7 ? ('allowed' as const) : ('denied' as const), ...(i % 7 ? {} : { reason: 'not_in_scope' }) }));
    await log.recordMany(entries);
    await log.record({ actorId: 'C1', studentId: 'S1', action: 'read', kind: 'observation', intent: 'ask_about_student', result: 'allowed' });
    const inWindow = await database.db.auditEvent.findMany({ where: { at: { gte: new Date('2026-11-20T08:00:00.000Z'), lte: new Date('2026-11-20T08:00:01.000Z') } } });
    expect(inWindow).toHaveLength(1_001);
    const one = await database.db.auditEvent.findFirstOrThrow({ where: { studentId: 'S7', kind: 'attendance' } });
    expect(one).toMatchObject({ at, actorId: 'C1', action: 'read', intent: 'weekly_digest', result: 'denied', reason: 'not_in_scope' });
    expect(await database.db.auditEvent.count({ where: { studentId: 'S1' } })).toBe(2);
  });

  it('reads of several kinds in one decision share a row listing the kinds; a denial or another student keeps its own row', async () => {
    const log = createAuditLog(database, () => new Date('2026-11-21T08:00:00Z'));
    const read = (studentId: string, kind: 'attendance' | 'observation' | 'support_plan', result: 'allowed' | 'denied' = 'allowed') => ({ actorId: 'T9', studentId, action: 'read' as const, kind, intent: 'weekly_digest', result, ...(result === 'denied' ? { reason: 'kind_not_permitted' } : {}) });
    await log.recordMany([read('S1', 'attendance'), read('S1', 'observation'), read('S1', 'support_plan'), read('S1', 'attendance'), read('S2', 'attendance'), read('S2', 'observation', 'denied')]);
    const rows = await database.db.auditEvent.findMany({ where: { actorId: 'T9' }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.studentId, r.kind, r.result])).toEqual([
      ['S1', 'attendance,observation,support_plan', 'allowed'],
      ['S2', 'attendance', 'allowed'],
      ['S2', 'observation', 'denied'],
    ]);
  });
});
