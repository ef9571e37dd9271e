// The digest job over the real claim store (SQLite, or PostgreSQL in the pg tier): the same
// scenarios as the unit tests, where the database's rules and clocks are what is being trusted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDigestWeek, startDigestScheduler, type DigestJobDeps } from '../../../src/jobs/weekly-digest-job.ts';
import { createDigestClaims } from '../../../src/store/digest-claims.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';

const friday16 = { weekday: 5, hour: 16, minute: 0 };
const at = (local: string) => new Date(`${local}+09:00`);

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

/** Recipients are prefixed per test, so the tests share one database without seeing each other. */
function job(prefix: string, count: number, now: () => Date, instanceId = 'instance-a') {
  const delivered: string[] = [];
  const failing = new Set<string>();
  const deps: DigestJobDeps = {
    claims: createDigestClaims(database.db, now),
    recipients: async () => Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`),
    async deliver(recipientId, weekOf) {
      if (failing.has(recipientId)) throw new Error('delivery failed');
      delivered.push(`${recipientId}@${weekOf}`);
      return 'sent';
    },
    instanceId,
    log: () => {},
  };
  return { deps, delivered, failing };
}

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('weekly digests over the database', () => {
  it('an empty recipient list sends nothing and writes nothing', async () => {
    const { deps } = job('empty', 0, () => at('2026-11-21T10:00:00'));
    expect(await runDigestWeek(deps, '2026-11-16')).toEqual({ sent: 0, skipped: 0, alreadyDone: 0, failed: 0 });
    expect(await database.db.digestRun.count({ where: { recipientId: { startsWith: 'empty-' } } })).toBe(0);
  });

  it('a failed recipient does not stop the others and is retried on the next run', async () => {
    const { deps, delivered, failing } = job('fail', 3, () => at('2026-11-21T10:00:00'));
    failing.add('fail-2');
    expect(await runDigestWeek(deps, '2026-11-16')).toEqual({ sent: 2, skipped: 0, alreadyDone: 0, failed: 1 });
    failing.clear();
    expect(await runDigestWeek(deps, '2026-11-16')).toEqual({ sent: 1, skipped: 0, alreadyDone: 2, failed: 0 });
    expect(delivered).toEqual(['fail-1@2026-11-16', 'fail-3@2026-11-16', 'fail-2@2026-11-16']);
  });

  it('catches up after downtime: started on Saturday it sends that week once; a second start sends nothing', async () => {
    const now = () => at('2026-11-21T10:00:00');
    const first = job('catchup', 3, now, 'first');
    const scheduler = startDigestScheduler({ ...first.deps, schedule: friday16, now });
    await scheduler.idle();
    await scheduler.stop();
    expect(first.delivered).toEqual(['catchup-1@2026-11-16', 'catchup-2@2026-11-16', 'catchup-3@2026-11-16']);

    const second = job('catchup', 3, now, 'second');
    const again = startDigestScheduler({ ...second.deps, schedule: friday16, now, checkEveryMs: 10 });
    await new Promise((r) => setTimeout(r, 200));
    await again.stop();
    expect(second.delivered).toEqual([]);
  });

  it('started on Friday at 15:59 sends nothing until 16:00 has passed', async () => {
    let clock = at('2026-11-20T15:59:00');
    const { deps, delivered } = job('friday', 2, () => clock);
    // Last week already went out, so only this week's slot is in question.
    await runDigestWeek(deps, '2026-11-09');
    delivered.length = 0;
    const scheduler = startDigestScheduler({ ...deps, schedule: friday16, now: () => clock, checkEveryMs: 10 });
    await scheduler.idle();
    await new Promise((r) => setTimeout(r, 100));
    expect(delivered).toEqual([]);
    clock = at('2026-11-20T16:00:00');
    await until(() => delivered.length === 2);
    await new Promise((r) => setTimeout(r, 100));
    await scheduler.stop();
    expect(delivered).toEqual(['friday-1@2026-11-16', 'friday-2@2026-11-16']);
  });

  it('takes over a run interrupted by a restart once its lease is in the past, leaving the sent ones alone', async () => {
    const now = () => at('2026-11-21T10:00:00');
    await database.db.digestRun.createMany({
      data: [
        { recipientId: 'restart-1', weekOf: '2026-11-16', status: 'sent', claimedBy: 'dead', leaseUntil: at('2026-11-20T16:10:00'), sentAt: at('2026-11-20T16:00:01') },
        { recipientId: 'restart-2', weekOf: '2026-11-16', status: 'claimed', claimedBy: 'dead', leaseUntil: at('2026-11-20T16:10:00') },
        { recipientId: 'restart-3', weekOf: '2026-11-16', status: 'claimed', claimedBy: 'alive', leaseUntil: at('2026-11-21T10:05:00') },
      ],
    });
    const { deps, delivered } = job('restart', 4, now);
    const scheduler = startDigestScheduler({ ...deps, schedule: friday16, now });
    await scheduler.idle();
    await scheduler.stop();
    expect(delivered).toEqual(['restart-2@2026-11-16', 'restart-4@2026-11-16']);
    const rows = await database.db.digestRun.findMany({ where: { recipientId: { startsWith: 'restart-' } }, orderBy: { recipientId: 'asc' } });
    expect(rows.map((r) => [r.recipientId, r.status, r.claimedBy])).toEqual([
      ['restart-1', 'sent', 'dead'],
      ['restart-2', 'sent', 'instance-a'],
      ['restart-3', 'claimed', 'alive'],
      ['restart-4', 'sent', 'instance-a'],
    ]);
  });

  it('never sends older weeks: after three weeks down, only the latest', async () => {
    const now = () => at('2026-12-08T09:00:00');
    const { deps, delivered } = job('older', 2, now);
    const scheduler = startDigestScheduler({ ...deps, schedule: friday16, now });
    await scheduler.idle();
    await scheduler.stop();
    expect(delivered).toEqual(['older-1@2026-11-30', 'older-2@2026-11-30']);
    const weeks = await database.db.digestRun.findMany({ where: { recipientId: { startsWith: 'older-' } }, select: { weekOf: true }, distinct: ['weekOf'] });
    expect(weeks).toEqual([{ weekOf: '2026-11-30' }]);
  });
});
