import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDigestScheduler, type DigestJobDeps } from '../../../src/jobs/weekly-digest-job.ts';
import { createFakeClaims } from './fake-claims.ts';
import { jobHarness } from './harness.ts';

const friday16 = { weekday: 5, hour: 16, minute: 0 };
const at = (local: string) => new Date(`${local}+09:00`);
const MINUTE = 60_000;

// Only the timers are fake; the schedule's clock is the `now` each test moves by hand.
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => vi.useRealTimers());

function start(deps: DigestJobDeps, now: () => Date) {
  return startDigestScheduler({ ...deps, schedule: friday16, now });
}

describe('the digest scheduler', () => {
  it('catches up after downtime: started on Saturday with nothing sent, it sends that week once; a second start sends nothing', async () => {
    const now = () => at('2026-11-21T10:00:00');
    const claims = createFakeClaims(now);
    const first = jobHarness(['s1', 's2'], { claims, instanceId: 'a' });
    const scheduler = start(first.deps, now);
    await scheduler.idle();
    await scheduler.stop();
    expect(first.delivered).toEqual(['s1@2026-11-16', 's2@2026-11-16']);

    const restarted = jobHarness(['s1', 's2'], { claims, instanceId: 'b' });
    const again = start(restarted.deps, now);
    await again.idle();
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    await again.stop();
    expect(restarted.delivered).toEqual([]);
  });

  it('started on Friday at 15:59 sends nothing until 16:00 has passed, then that week once', async () => {
    let clock = at('2026-11-20T15:59:00');
    const claims = createFakeClaims(() => clock);
    claims.set('s1', '2026-11-09', { status: 'sent', claimedBy: 'earlier', leaseUntil: 0 });
    const { deps, delivered, logs } = jobHarness(['s1'], { claims });
    const scheduler = start(deps, () => clock);
    await scheduler.idle();
    expect(delivered).toEqual([]);
    expect(logs[0]).toMatchObject({ code: 'digest.scheduler_started', fields: { schedule: 'fri 16:00', nextSlot: '2026-11-20T07:00:00.000Z' } });

    clock = at('2026-11-20T15:59:59');
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(delivered).toEqual([]);

    clock = at('2026-11-20T16:00:30');
    await vi.advanceTimersByTimeAsync(MINUTE);
    await scheduler.idle();
    expect(delivered).toEqual(['s1@2026-11-16']);

    clock = at('2026-11-20T17:00:00');
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    await scheduler.stop();
    expect(delivered).toEqual(['s1@2026-11-16']);
    expect(logs.filter((l) => l.code === 'digest.week_run')).toEqual([
      { level: 'info', code: 'digest.week_run', fields: { weekOf: '2026-11-16', sent: 1, skipped: 0, alreadyDone: 0, failed: 0 } },
    ]);
  });

  it('started on Friday at 15:59 with last week never sent, catches up last week first (the most recent slot has passed)', async () => {
    let clock = at('2026-11-20T15:59:00');
    const { deps, delivered } = jobHarness(['s1'], { now: () => clock });
    const scheduler = start(deps, () => clock);
    await scheduler.idle();
    expect(delivered).toEqual(['s1@2026-11-09']);
    clock = at('2026-11-20T16:01:00');
    await vi.advanceTimersByTimeAsync(MINUTE);
    await scheduler.stop();
    expect(delivered).toEqual(['s1@2026-11-09', 's1@2026-11-16']);
  });

  it('never sends older weeks: after three weeks down, only the latest', async () => {
    const now = () => at('2026-12-08T09:00:00');
    const { deps, delivered, claims } = jobHarness(['s1'], { now });
    const scheduler = start(deps, now);
    await scheduler.idle();
    await scheduler.stop();
    expect(delivered).toEqual(['s1@2026-11-30']);
    expect([...claims.runs.keys()]).toEqual(['s1|2026-11-30']);
  });

  it('takes over a run that a restart interrupted, once the dead claim\'s lease is past', async () => {
    let clock = at('2026-11-20T16:05:00');
    const claims = createFakeClaims(() => clock);
    claims.set('s1', '2026-11-16', { status: 'sent', claimedBy: 'dead', leaseUntil: 0 });
    claims.set('s2', '2026-11-16', { status: 'claimed', claimedBy: 'dead', leaseUntil: clock.getTime() + 5 * MINUTE });
    const { deps, delivered } = jobHarness(['s1', 's2', 's3'], { claims });
    const scheduler = start(deps, () => clock);
    await scheduler.idle();
    expect(delivered).toEqual(['s3@2026-11-16']);
    clock = at('2026-11-20T16:11:00');
    await vi.advanceTimersByTimeAsync(MINUTE);
    await scheduler.stop();
    expect(delivered).toEqual(['s3@2026-11-16', 's2@2026-11-16']);
  });

  it('never overlaps checks: a slow run holds the next check back', async () => {
    const now = () => at('2026-11-21T10:00:00');
    const { deps, delivered } = jobHarness(['s1', 's2']);
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    let calls = 0;
    const recipients = deps.recipients;
    deps.recipients = async () => {
      calls++;
      await slow;
      return recipients();
    };
    const scheduler = startDigestScheduler({ ...deps, schedule: friday16, now, checkEveryMs: MINUTE });
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(calls).toBe(1);
    release();
    await scheduler.idle();
    expect(delivered).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(calls).toBe(2);
    await scheduler.stop();
  });

  it('stop() waits for the recipient being delivered, then ends the run and checks no more', async () => {
    const now = () => at('2026-11-21T10:00:00');
    const { deps, claims } = jobHarness(['s1', 's2', 's3']);
    let release!: () => void;
    const inFlight = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const deliveryStarted = new Promise<void>((r) => (started = r));
    const delivered: string[] = [];
    deps.deliver = async (id) => {
      started();
      await inFlight;
      delivered.push(id);
      return 'sent';
    };
    const scheduler = start(deps, now);
    await deliveryStarted;
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(delivered).toEqual(['s1']);
    expect(await claims.sentFor('2026-11-16')).toEqual(['s1']);
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(delivered).toEqual(['s1']);
  });

  it('logs a failed check without personal data and checks again a minute later', async () => {
    const now = () => at('2026-11-21T10:00:00');
    const { deps, delivered, logs } = jobHarness(['s1']);
    const recipients = deps.recipients;
    let failures = 1;
    deps.recipients = async () => {
      if (failures-- > 0) throw new Error('connect ECONNREFUSED for 佐藤');
      return recipients();
    };
    const scheduler = start(deps, now);
    await scheduler.idle();
    expect(logs.at(-1)).toEqual({ level: 'error', code: 'digest.check_failed', fields: { error: 'Error' } });
    await vi.advanceTimersByTimeAsync(MINUTE);
    await scheduler.stop();
    expect(delivered).toEqual(['s1@2026-11-16']);
    expect(JSON.stringify(logs)).not.toContain('佐藤');
  });
});
