// A student with nothing of concern gets `regular` and nothing else; school days come from the
// calendar (weekends, holidays and breaks excluded); unrecorded days are not absences.
import { describe, expect, it } from 'vitest';
import { analyseAttendance } from '../../../../src/analysis/attendance/index.ts';
import { assessTier } from '../../../../src/analysis/tier.ts';
import { allOn, buildRecords, patternCodes, schoolDaysOf, spread } from './builder.ts';

const YEAR = { lastRecorded: '2026-11-20' };

describe('a regular student', () => {
  it('perfect attendance: only regular, trend stable, tier 1 with no review', () => {
    const records = buildRecords(YEAR);
    const a = analyseAttendance(records);
    expect(a.status).toBe('ok');
    expect(patternCodes(a)).toEqual(['regular']);
    expect(a.trend).toBe('stable');
    expect(a.absenceRate).toBe(0);
    expect(a.schoolDays).toBe(125);
    expect(a.patterns[0]!.summary.ja).toContain('登校は安定しています');
    const t = assessTier(records, a);
    expect(t).toMatchObject({ tier: 1, raisedForUrgent: false, reviewEveryDays: null, nextReview: null });
    expect(t.reasons[0]!.en).toContain('Tier 1');
  });

  it('a few scattered absences and lates are still regular, and the exceptions are cited', () => {
    const days = schoolDaysOf(YEAR);
    const [a1, a2, l1] = spread(days, 3);
    const a = analyseAttendance(buildRecords({ ...YEAR, on: { [a1!]: 'A', [a2!]: 'A', [l1!]: 'L' } }));
    expect(patternCodes(a)).toEqual(['regular']);
    expect(a.patterns[0]!.evidence.map((e) => e.id)).toEqual([`S900:${a1}`, `S900:${a2}`, `S900:${l1}`]);
  });

  it('the summer break and holidays are not school days; rows on them are ignored', () => {
    const records = buildRecords({ lastRecorded: '2026-09-04' });
    records.attendance.push({ date: '2026-08-03', status: 'absent', periodsAttended: 0 }, { date: '2026-07-20', status: 'absent', periodsAttended: 0 });
    const a = analyseAttendance(records);
    // 4/6-7/17 has 71 school days (4/29, 5/4-5/6 closed), 7/20 is a holiday, 7/21-8/31 the break, 9/1-9/4 four days.
    expect(a.schoolDays).toBe(75);
    expect(a.counts.absent).toBe(0);
    expect(patternCodes(a)).toEqual(['regular']);
  });

  it('unrecorded days are neither absences nor attendance', () => {
    const days = schoolDaysOf(YEAR);
    const a = analyseAttendance(buildRecords({ ...YEAR, on: allOn(spread(days, 20), '_') }));
    expect(a.absenceRate).toBe(0);
    expect(patternCodes(a)).toEqual(['regular']);
    expect(a.patterns[0]!.details).toMatchObject({ recordedDays: 105, unrecordedDays: 20 });
  });
});
