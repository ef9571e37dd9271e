// Expired conversation memory is deleted, not just ignored: it names students and quotes drafts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationMemory, SWEEP_EVERY_MS } from '../../../src/services/conversation-memory.ts';
import { serviceContext } from '../../../src/services/context.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.destroy());

describe('conversation memory', () => {
  it('is unreadable once expired, and deleted by a later save (at most every ten minutes)', async () => {
    let now = new Date('2026-11-20T08:00:00Z');
    const memory = conversationMemory(serviceContext(database, () => now), 30 * 60 * 1000);
    await memory.save('shell:a', 'T01', { focusStudentId: 'S002' });
    expect(await memory.load('shell:a', 'T01')).toEqual({ focusStudentId: 'S002' });

    now = new Date(now.getTime() + 31 * 60 * 1000);
    expect(await memory.load('shell:a', 'T01')).toBeUndefined();
    await memory.save('shell:b', 'T02', {});
    const keys = async () => (await database.db.conversationMemory.findMany({ select: { key: true }, orderBy: { key: 'asc' } })).map((r) => r.key);
    expect(await keys()).toEqual(['shell:b#T02']);

    // Expired again, but the last sweep was under ten minutes ago: kept until the next one.
    now = new Date(now.getTime() + SWEEP_EVERY_MS - 1000);
    await database.db.conversationMemory.update({ where: { key: 'shell:b#T02' }, data: { expiresAt: new Date(now.getTime() - 1) } });
    await memory.save('shell:c', 'T03', {});
    expect(await keys()).toEqual(['shell:b#T02', 'shell:c#T03']);
    now = new Date(now.getTime() + 2000);
    await memory.save('shell:c', 'T03', {});
    expect(await keys()).toEqual(['shell:c#T03']);
  });
});
