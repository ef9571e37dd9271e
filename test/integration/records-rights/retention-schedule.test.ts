// The daily retention run (jobs/retention-job.ts) and its configuration (RETENTION_*_YEARS).
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/index.ts';
import { startRetentionSchedule } from '../../../src/jobs/retention-job.ts';
import type { RetentionPolicy, RetentionReport } from '../../../src/services/records-rights/index.ts';

describe('retention configuration', () => {
  it('is off unless a period is set', () => {
    expect(loadConfig({}).retention).toEqual({ observationYears: undefined, studentYears: undefined });
    expect(loadConfig({ RETENTION_STUDENT_YEARS: ' 20 ', RETENTION_OBSERVATION_YEARS: '5' }).retention).toEqual({ observationYears: 5, studentYears: 20 });
    expect(loadConfig({ RETENTION_STUDENT_YEARS: 'off', RETENTION_OBSERVATION_YEARS: '' }).retention).toEqual({ observationYears: undefined, studentYears: undefined });
  });

  it.each(['0', '1.5', 'five', '-3', '101'])('rejects %o naming the variable and what it expects', (value) => {
    const error = (() => {
      try {
        loadConfig({ RETENTION_STUDENT_YEARS: value });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual(['RETENTION_STUDENT_YEARS: expected a whole number of years from 1 to 100 (or off)']);
  });
});

describe('the daily retention run', () => {
  const empty = (asOf: string): RetentionReport => ({ asOf, policy: {}, cutoffs: {}, items: [], totals: { delete_student: 0, delete_observations: 0 } });

  function harness(policy: RetentionPolicy, start: string) {
    let now = new Date(start);
    const runs: string[] = [];
    const logs: [string, string, Record<string, unknown>?][] = [];
    const scheduler = startRetentionSchedule({
      policy,
      run: async () => {
        runs.push(now.toISOString());
        return { ...empty('x'), totals: { delete_student: 1, delete_observations: 0, observations: 3 } };
      },
      now: () => now,
      log: (level, code, fields) => logs.push([level, code, fields]),
      checkEveryMs: 5,
    });
    const settle = async () => {
      // Two checks after the clock moved.
      await new Promise((r) => setTimeout(r, 30));
      await scheduler?.idle();
    };
    return { scheduler, runs, logs, settle, setNow: (iso: string) => (now = new Date(iso)) };
  }

  it('starts nothing when the policy is off', () => {
    expect(harness({}, '2026-11-20T04:00:00+09:00').scheduler).toBeUndefined();
  });

  it('runs once a day after 03:00 Asia/Tokyo, catching up when started later, and logs counts only', async () => {
    const h = harness({ studentYears: 20 }, '2026-11-20T02:59:00+09:00');
    await h.settle();
    expect(h.runs).toEqual([]);
    h.setNow('2026-11-20T03:00:00+09:00');
    await h.settle();
    h.setNow('2026-11-20T23:00:00+09:00');
    await h.settle();
    expect(h.runs).toEqual(['2026-11-19T18:00:00.000Z']);
    h.setNow('2026-11-21T09:30:00+09:00');
    await h.settle();
    expect(h.runs).toHaveLength(2);
    await h.scheduler!.stop();
    expect(h.logs.map(([, code]) => code)).toEqual(['retention.scheduler_started', 'retention.run', 'retention.run']);
    expect(h.logs[1]![2]).toEqual({ asOf: 'x', studentsDeleted: 1, studentsWithObservationsDeleted: 0, observationsDeleted: 3 });
  });

  it('a failed run is logged without detail and tried again at the next check', async () => {
    let attempts = 0;
    const logs: string[] = [];
    const scheduler = startRetentionSchedule({
      policy: { observationYears: 5 },
      run: async () => {
        attempts++;
        if (attempts === 1) throw Object.assign(new Error('database is locked: S002'), { code: 'SQLITE_BUSY' });
        return empty('2026-11-20');
      },
      now: () => new Date('2026-11-20T10:00:00+09:00'),
      log: (_level, code, fields) => logs.push(`${code} ${JSON.stringify(fields ?? {})}`),
      checkEveryMs: 5,
    })!;
    await new Promise((r) => setTimeout(r, 40));
    await scheduler.stop();
    expect(attempts).toBe(2);
    expect(logs[1]).toBe('retention.run_failed {"error":"Error","errorCode":"SQLITE_BUSY"}');
    expect(logs.join('\n')).not.toContain('S002');
  });
});
