import { describe, expect, it } from 'vitest';
import { runDigestWeek } from '../../../src/jobs/weekly-digest-job.ts';
import { createFakeClaims } from './fake-claims.ts';
import { jobHarness } from './harness.ts';

const WEEK = '2026-11-16';

describe('one week of digests (runDigestWeek)', () => {
  it('does nothing for nobody', async () => {
    const { deps, delivered } = jobHarness([]);
    expect(await runDigestWeek(deps, WEEK)).toEqual({ sent: 0, skipped: 0, alreadyDone: 0, failed: 0 });
    expect(delivered).toEqual([]);
  });

  it('delivers to each recipient once; a second run finds everyone done', async () => {
    const { deps, delivered } = jobHarness(['s1', 's2', 's3']);
    expect(await runDigestWeek(deps, WEEK)).toEqual({ sent: 3, skipped: 0, alreadyDone: 0, failed: 0 });
    expect(await runDigestWeek(deps, WEEK)).toEqual({ sent: 0, skipped: 0, alreadyDone: 3, failed: 0 });
    expect(delivered).toEqual(['s1@2026-11-16', 's2@2026-11-16', 's3@2026-11-16']);
  });

  it('records an unreachable recipient as done, so they are not retried every minute', async () => {
    const { deps, delivered, outcomes, claims } = jobHarness(['s1', 's2']);
    outcomes.set('s1', async () => 'skipped');
    expect(await runDigestWeek(deps, WEEK)).toEqual({ sent: 1, skipped: 1, alreadyDone: 0, failed: 0 });
    expect(await claims.sentFor(WEEK)).toEqual(['s1', 's2']);
    await runDigestWeek(deps, WEEK);
    expect(delivered).toHaveLength(2);
  });

  it('goes on after a failed delivery and retries only that one on the next run, logging no personal data', async () => {
    const { deps, delivered, outcomes, logs } = jobHarness(['s1', 's2', 's3']);
    outcomes.set('s2', async () => {
      throw Object.assign(new Error('could not DM 佐藤 花子 about 山田 太郎'), { code: 'slack_webapi_platform_error' });
    });
    expect(await runDigestWeek(deps, WEEK)).toEqual({ sent: 2, skipped: 0, alreadyDone: 0, failed: 1 });
    expect(delivered).toEqual(['s1@2026-11-16', 's3@2026-11-16']);
    expect(logs).toEqual([{ level: 'error', code: 'digest.deliver_failed', fields: { weekOf: WEEK, recipientId: 's2', error: 'Error', errorCode: 'slack_webapi_platform_error' } }]);
    expect(JSON.stringify(logs)).not.toMatch(/佐藤|山田/);

    outcomes.delete('s2');
    expect(await runDigestWeek(deps, WEEK)).toEqual({ sent: 1, skipped: 0, alreadyDone: 2, failed: 0 });
    expect(delivered).toEqual(['s1@2026-11-16', 's3@2026-11-16', 's2@2026-11-16']);
  });

  it('leaves a recipient another instance is delivering to right now, and takes over once its lease has run out', async () => {
    let clock = new Date('2026-11-20T07:00:00Z');
    const claims = createFakeClaims(() => clock);
    claims.set('s1', WEEK, { status: 'claimed', claimedBy: 'instance-b', leaseUntil: clock.getTime() + 60_000 });
    const { deps, delivered } = jobHarness(['s1', 's2'], { claims });
    expect(await runDigestWeek(deps, WEEK)).toEqual({ sent: 1, skipped: 0, alreadyDone: 1, failed: 0 });
    clock = new Date(clock.getTime() + 61_000);
    expect(await runDigestWeek(deps, WEEK)).toEqual({ sent: 1, skipped: 0, alreadyDone: 1, failed: 0 });
    expect(delivered).toEqual(['s2@2026-11-16', 's1@2026-11-16']);
  });

  it('lets the digests still to send be built together first, and goes on if that fails', async () => {
    const { deps, delivered } = jobHarness(['s1', 's2', 's3']);
    const prepared: string[][] = [];
    await runDigestWeek({ ...deps, recipients: async () => ['s1'], prepare: async (ids) => void prepared.push(ids) }, WEEK);
    await runDigestWeek({ ...deps, prepare: async (ids) => void prepared.push(ids) }, WEEK);
    expect(prepared).toEqual([['s1'], ['s2', 's3']]);
    const failing = jobHarness(['s4']);
    const result = await runDigestWeek({ ...failing.deps, prepare: async () => Promise.reject(new Error('db locked')) }, WEEK);
    expect(result.sent).toBe(1);
    expect(failing.logs.map((l) => l.code)).toEqual(['digest.prepare_failed']);
    expect(delivered).toHaveLength(3);
  });

  it('keeps weeks apart', async () => {
    const { deps, delivered } = jobHarness(['s1']);
    await runDigestWeek(deps, '2026-11-09');
    await runDigestWeek(deps, WEEK);
    expect(delivered).toEqual(['s1@2026-11-09', 's1@2026-11-16']);
  });

  it('ends the run when the store fails (the next check starts over)', async () => {
    const { deps, delivered } = jobHarness(['s1', 's2']);
    deps.claims.claim = async () => {
      throw new Error('database is locked');
    };
    await expect(runDigestWeek(deps, WEEK)).rejects.toThrow('database is locked');
    expect(delivered).toEqual([]);
  });

  it('stops between recipients when asked, leaving the rest unclaimed', async () => {
    const { deps, delivered, claims } = jobHarness(['s1', 's2', 's3']);
    let stop = false;
    deps.deliver = async (id) => {
      delivered.push(id);
      stop = true;
      return 'sent';
    };
    expect(await runDigestWeek(deps, WEEK, { shouldStop: () => stop })).toEqual({ sent: 1, skipped: 0, alreadyDone: 0, failed: 0 });
    expect(claims.runs.size).toBe(1);
  });
});
