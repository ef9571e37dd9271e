import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/store/database.ts';
import { createDigestClaims } from '../../../src/store/digest-claims.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';

const WEEK = '2026-11-16';
const LEASE = 10 * 60 * 1000;

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

async function row(recipientId: string, weekOf = WEEK) {
  return database.db.digestRun.findUnique({ where: { recipientId_weekOf: { recipientId, weekOf } } });
}

describe('digest claims (one digest per recipient per week across instances)', () => {
  it('lets exactly one of many concurrent claims from two instances win', async () => {
    const stores = [createDigestClaims(database.db), createDigestClaims(second.db)];
    const wins = await Promise.all(Array.from({ length: 10 }, (_, i) => stores[i % 2]!.claim('t-together', WEEK, `instance-${i}`, LEASE)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await row('t-together')).toMatchObject({ status: 'claimed', claimedBy: `instance-${wins.indexOf(true)}` });
  });

  it('keeps weeks and recipients apart', async () => {
    const claims = createDigestClaims(database.db);
    expect(await claims.claim('t-apart', WEEK, 'a', LEASE)).toBe(true);
    expect(await claims.claim('t-apart', '2026-11-23', 'a', LEASE)).toBe(true);
    expect(await claims.claim('t-apart-2', WEEK, 'a', LEASE)).toBe(true);
    expect(await claims.claim('t-apart', WEEK, 'a', LEASE)).toBe(false);
  });

  it('lets a later run claim a failed attempt again, but only one of two racing instances', async () => {
    const claims = createDigestClaims(database.db);
    expect(await claims.claim('t-failed', WEEK, 'a', LEASE)).toBe(true);
    await claims.markFailed('t-failed', WEEK, 'a');
    expect(await row('t-failed')).toMatchObject({ status: 'failed' });
    const retries = await Promise.all([claims.claim('t-failed', WEEK, 'b', LEASE), createDigestClaims(second.db).claim('t-failed', WEEK, 'c', LEASE)]);
    expect(retries.filter(Boolean)).toHaveLength(1);
    expect(await row('t-failed')).toMatchObject({ status: 'claimed' });
  });

  it('holds a live claim against others, and gives an expired one to exactly one taker', async () => {
    let clock = new Date('2026-11-20T07:00:00Z');
    const mine = createDigestClaims(database.db, () => clock);
    const theirs = createDigestClaims(second.db, () => clock);
    expect(await mine.claim('t-lease', WEEK, 'dead', 500)).toBe(true);
    clock = new Date(clock.getTime() + 499);
    expect(await theirs.claim('t-lease', WEEK, 'b', 500)).toBe(false);
    clock = new Date(clock.getTime() + 2);
    const takeovers = await Promise.all([mine.claim('t-lease', WEEK, 'b', 500), theirs.claim('t-lease', WEEK, 'c', 500)]);
    expect(takeovers.filter(Boolean)).toHaveLength(1);
    const taker = takeovers[0] ? 'b' : 'c';
    expect(await row('t-lease')).toMatchObject({ status: 'claimed', claimedBy: taker, leaseUntil: new Date(clock.getTime() + 500) });
    // The dead instance, had it come back, may not mark the taker's claim failed.
    await mine.markFailed('t-lease', WEEK, 'dead');
    expect(await row('t-lease')).toMatchObject({ status: 'claimed', claimedBy: taker });
  });

  it('never re-opens a sent digest: not when failed afterwards, not however old', async () => {
    let clock = new Date('2026-11-20T07:00:00Z');
    const claims = createDigestClaims(database.db, () => clock);
    expect(await claims.claim('t-sent', WEEK, 'a', 500)).toBe(true);
    await claims.markSent('t-sent', WEEK, 'a');
    expect(await row('t-sent')).toMatchObject({ status: 'sent', claimedBy: 'a', sentAt: clock });
    await claims.markFailed('t-sent', WEEK, 'a');
    clock = new Date(clock.getTime() + 30 * 24 * 3600 * 1000);
    expect(await Promise.all([claims.claim('t-sent', WEEK, 'b', 500), createDigestClaims(second.db, () => clock).claim('t-sent', WEEK, 'c', 500)])).toEqual([false, false]);
    expect(await row('t-sent')).toMatchObject({ status: 'sent', claimedBy: 'a' });
  });

  it('records a delivery that outlived its lease, so the taker\'s later failure cannot re-open it', async () => {
    let clock = new Date('2026-11-20T07:00:00Z');
    const claims = createDigestClaims(database.db, () => clock);
    await claims.claim('t-slow', WEEK, 'slow', 500);
    clock = new Date(clock.getTime() + 1000);
    expect(await claims.claim('t-slow', WEEK, 'taker', 500)).toBe(true);
    await claims.markSent('t-slow', WEEK, 'slow');
    await claims.markFailed('t-slow', WEEK, 'taker');
    expect(await row('t-slow')).toMatchObject({ status: 'sent', claimedBy: 'slow' });
  });

  it('lists who has been sent a week', async () => {
    const claims = createDigestClaims(database.db);
    for (const id of ['r-b', 'r-a', 'r-c']) await claims.claim(id, '2026-10-05', 'a', LEASE);
    await claims.markSent('r-b', '2026-10-05', 'a');
    await claims.markSent('r-a', '2026-10-05', 'a');
    await claims.markFailed('r-c', '2026-10-05', 'a');
    expect(await claims.sentFor('2026-10-05')).toEqual(['r-a', 'r-b']);
    expect(await claims.sentFor('2026-10-12')).toEqual([]);
  });
});
