import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/store/database.ts';
import { CLAIM_LEASE_MS, createEventLedger } from '../../../src/store/event-ledger.ts';
import { createInstallationStore } from '../../../src/store/installation-store.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';

let database: TestDatabase;
let second: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  // A second client on the same database: another instance of the bot.
  second = await openDatabase(database.url, { migrate: false });
});
afterAll(async () => {
  await second.close();
  await database.destroy();
});

describe('the event ledger (exactly once across deliveries and instances)', () => {
  it('lets the first delivery through and drops the rest, also when they arrive together', async () => {
    const ledgers = [createEventLedger(database.db), createEventLedger(second.db)];
    const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => ledgers[i % 2]!.claim('slack:EvTOGETHER')));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await ledgers[0]!.complete('slack:EvTOGETHER');
    expect(await ledgers[1]!.claim('slack:EvTOGETHER')).toBe(false);
  });

  it('processes a retry when the first attempt failed', async () => {
    const ledger = createEventLedger(database.db);
    expect(await ledger.claim('slack:EvFAILED')).toBe(true);
    expect(await ledger.claim('slack:EvFAILED')).toBe(false);
    await ledger.release('slack:EvFAILED');
    expect(await ledger.claim('slack:EvFAILED')).toBe(true);
  });

  it('lets a retry take over an attempt whose process died, once its lease has run out', async () => {
    let clock = new Date('2026-11-20T08:00:00Z');
    const ledger = createEventLedger(database.db, () => clock);
    expect(await ledger.claim('slack:EvDIED')).toBe(true);
    clock = new Date(clock.getTime() + CLAIM_LEASE_MS - 1000);
    expect(await ledger.claim('slack:EvDIED')).toBe(false);
    clock = new Date(clock.getTime() + 2000);
    const takeovers = await Promise.all([ledger.claim('slack:EvDIED'), createEventLedger(second.db, () => clock).claim('slack:EvDIED')]);
    expect(takeovers.filter(Boolean)).toHaveLength(1);
  });

  it('never re-opens a completed event, however old', async () => {
    let clock = new Date('2026-11-20T08:00:00Z');
    const ledger = createEventLedger(database.db, () => clock);
    await ledger.claim('slack:EvDONE');
    await ledger.complete('slack:EvDONE');
    clock = new Date(clock.getTime() + 24 * 3600 * 1000);
    expect(await ledger.claim('slack:EvDONE')).toBe(false);
  });
});

describe('chat installations', () => {
  it('keeps one row per workspace and removing one leaves the others', async () => {
    const store = createInstallationStore(database.db);
    await store.save({ platform: 'slack', workspaceId: 'T1', botToken: 'xoxb-1', botUserId: 'U1', botId: 'B1' });
    await store.save({ platform: 'slack', workspaceId: 'T1', botToken: 'xoxb-1b', botUserId: 'U1' });
    await store.save({ platform: 'slack', workspaceId: 'T2', botToken: 'xoxb-2', botUserId: 'U2' });
    expect(await store.find('slack', 'T1')).toEqual({ platform: 'slack', workspaceId: 'T1', botToken: 'xoxb-1b', botUserId: 'U1' });
    await store.remove('slack', 'T1');
    expect(await store.find('slack', 'T1')).toBeUndefined();
    expect((await store.find('slack', 'T2'))?.botToken).toBe('xoxb-2');
  });
});
