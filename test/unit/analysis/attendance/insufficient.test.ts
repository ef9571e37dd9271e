// Too little data says "insufficient data" and never raises an alarm (issue 3): the first weeks
// of the year, a student enrolled a fortnight ago, a register with no rows.
import { describe, expect, it } from 'vitest';
import { analyseAttendance, MIN_RECORDED_DAYS } from '../../../../src/analysis/attendance/index.ts';
import { buildRecords, patternCodes } from './builder.ts';

describe('insufficient data', () => {
  it('no attendance at all: insufficient, no rate, no patterns', () => {
    const a = analyseAttendance(buildRecords({ lastRecorded: '2026-06-30', fill: '_' }));
    expect(a.status).toBe('insufficient_data');
    expect(a.trend).toBe('insufficient_data');
    expect(a.patterns).toEqual([]);
    expect(a.absenceRate).toBeNull();
    expect(a.schoolDays).toBeGreaterThan(50);
  });

  it('the first two weeks of the year, all absent: still no alarm', () => {
    const a = analyseAttendance(buildRecords({ lastRecorded: '2026-04-17', codes: 'AAAAA AAAAA' }));
    expect(a.schoolDays).toBe(10);
    expect(a.counts.absent).toBe(10);
    expect(a.absenceRate).toBe(1);
    expect(a.status).toBe('insufficient_data');
    expect(a.patterns).toEqual([]);
  });

  it('a student enrolled two weeks ago is measured from enrolment and not judged yet', () => {
    const a = analyseAttendance(buildRecords({ enrolledOn: '2026-11-09', lastRecorded: '2026-11-20', fill: 'A' }));
    expect(a.from).toBe('2026-11-09');
    expect(a.schoolDays).toBe(10);
    expect(a.status).toBe('insufficient_data');
    expect(a.patterns).toEqual([]);
  });

  it('enrolled after the last recorded day: no school days at all', () => {
    const a = analyseAttendance(buildRecords({ enrolledOn: '2026-12-01', lastRecorded: '2026-11-20' }));
    expect(a.schoolDays).toBe(0);
    expect(a.absenceRate).toBeNull();
    expect(a.status).toBe('insufficient_data');
  });

  it(`counts recorded days, not calendar days: ${MIN_RECORDED_DAYS - 1} recorded days in a term is too few, ${MIN_RECORDED_DAYS} is enough`, () => {
    const few = analyseAttendance(buildRecords({ lastRecorded: '2026-07-17', codes: '.'.repeat(MIN_RECORDED_DAYS - 1), fill: '_' }));
    expect(few.schoolDays).toBeGreaterThan(60);
    expect(few.status).toBe('insufficient_data');
    const enough = analyseAttendance(buildRecords({ lastRecorded: '2026-07-17', codes: '.'.repeat(MIN_RECORDED_DAYS), fill: '_' }));
    expect(enough.status).toBe('ok');
    expect(patternCodes(enough)).toEqual(['regular']);
  });
});
