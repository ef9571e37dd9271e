// non_attendance_streak: 5+ consecutive school days absent; weekends and holidays do not break a
// run; unrecorded days neither break nor lengthen it, up to 5 in a row.
import { describe, expect, it } from 'vitest';
import { analyseAttendance } from '../../../../src/analysis/attendance/index.ts';
import { allOn, buildRecords, schoolDaysOf } from './builder.ts';
import type { Code } from './builder.ts';

const YEAR = { lastRecorded: '2026-11-20' };
const days = schoolDaysOf(YEAR);
const streakOf = (on: Record<string, Code>, spec = YEAR) => analyseAttendance(buildRecords({ ...spec, on })).patterns.find((p) => p.code === 'non_attendance_streak');

describe('non-attendance streak', () => {
  it('five school days across a weekend make a streak', () => {
    const p = streakOf(allOn(['2026-06-10', '2026-06-11', '2026-06-12', '2026-06-15', '2026-06-16'], 'A'));
    expect(p?.details).toMatchObject({ since: '2026-06-10', until: '2026-06-16', length: 5, ongoing: false });
    expect(p?.summary.ja).toBe('6月10日から6月16日まで5日連続で欠席しました。');
    expect(p?.evidence).toHaveLength(5);
  });

  it('holidays in between do not break it (9/21-9/23 are closed)', () => {
    const p = streakOf(allOn(['2026-09-17', '2026-09-18', '2026-09-24', '2026-09-25', '2026-09-28'], 'A'));
    expect(p?.details).toMatchObject({ since: '2026-09-17', length: 5 });
  });

  it('four days is not a streak', () => {
    expect(streakOf(allOn(['2026-06-10', '2026-06-11', '2026-06-12', '2026-06-15'], 'A'))).toBeUndefined();
  });

  it('an unrecorded day inside neither breaks nor lengthens the run', () => {
    const p = streakOf({ ...allOn(['2026-06-08', '2026-06-09', '2026-06-11', '2026-06-12', '2026-06-15'], 'A'), '2026-06-10': '_' });
    expect(p?.details).toMatchObject({ since: '2026-06-08', length: 5, unrecordedInside: 1 });
  });

  it('six unrecorded days in a row (more than a week unknown) break it', () => {
    const gap = days.slice(days.indexOf('2026-06-11'), days.indexOf('2026-06-11') + 6);
    expect(streakOf({ ...allOn(['2026-06-08', '2026-06-09', '2026-06-10'], 'A'), ...allOn(gap, '_'), '2026-06-19': 'A', '2026-06-22': 'A', '2026-06-23': 'A' })).toBeUndefined();
  });

  it('an ongoing run is reported, even when an earlier one was longer', () => {
    const early = days.slice(days.indexOf('2026-05-11'), days.indexOf('2026-05-11') + 10);
    const p = streakOf(allOn([...early, ...days.slice(-7)], 'A'));
    expect(p?.details).toMatchObject({ since: days.at(-7), until: '2026-11-20', length: 7, ongoing: true, runsThisYear: 2, longest: 10 });
    expect(p?.summary.ja).toBe('11月12日から欠席が続いています（7日連続、現在も継続中）。');
    expect(p?.summary.en).toContain('still going');
  });
});
