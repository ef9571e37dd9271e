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
});
