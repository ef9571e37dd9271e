// chronic_absence (10%+) and severe_absence (20%+), Attendance Works (DOMAIN.md).
import { describe, expect, it } from 'vitest';
import { analyseAttendance } from '../../../../src/analysis/attendance/index.ts';
import { allOn, buildRecords, patternCodes, schoolDaysOf, spread } from './builder.ts';

const YEAR = { lastRecorded: '2026-11-20' };
const days = schoolDaysOf(YEAR); // 125 school days

describe('absence rate', () => {
  it('12 of 125 days (9.6%) is not chronic; 13 (10.4%) is', () => {
    expect(patternCodes(analyseAttendance(buildRecords({ ...YEAR, on: allOn(spread(days, 12), 'A') })))).toEqual(['regular']);
    const a = analyseAttendance(buildRecords({ ...YEAR, on: allOn(spread(days, 13), 'A') }));
    expect(patternCodes(a)).toEqual(['chronic_absence']);
    const p = a.patterns[0]!;
    expect(p.details).toMatchObject({ absent: 13, recordedDays: 125, rate: 0.104, threshold: 0.1 });
    expect(p.rule).toContain('Attendance Works');
    expect(p.summary.ja).toContain('13/125日');
    expect(p.evidence).toHaveLength(13);
    expect(p.evidence[0]).toMatchObject({ kind: 'attendance', id: `S900:${p.evidence[0]!.date}` });
  });

  it('20% or more is severe, which replaces chronic', () => {
    const a = analyseAttendance(buildRecords({ ...YEAR, on: allOn(spread(days, 25), 'A') }));
    expect(patternCodes(a)).toContain('severe_absence');
    expect(patternCodes(a)).not.toContain('chronic_absence');
    expect(a.absenceRate).toBe(0.2);
  });

  it('the rate is over recorded days: unrecorded days do not dilute it', () => {
    const absent = spread(days, 11);
    const unrecorded = days.filter((d) => !absent.includes(d)).slice(0, 15);
    const a = analyseAttendance(buildRecords({ ...YEAR, on: { ...allOn(absent, 'A'), ...allOn(unrecorded, '_') } }));
    expect(a.absenceRate).toBe(0.1); // 11 of 110 recorded
    expect(patternCodes(a)).toContain('chronic_absence');
  });

  it('a student enrolled mid-year is measured from enrolment', () => {
    const spec = { enrolledOn: '2026-10-01', lastRecorded: '2026-11-20' };
    const own = schoolDaysOf(spec);
    expect(own).toHaveLength(35);
    const records = buildRecords({ ...spec, on: allOn(spread(own, 4), 'A') });
    records.attendance.push({ date: '2026-09-01', status: 'absent', periodsAttended: 0 }); // at the previous school
    const a = analyseAttendance(records);
    expect(a.from).toBe('2026-10-01');
    expect(a.counts.absent).toBe(4);
    expect(patternCodes(a)).toEqual(['chronic_absence']);
  });
});
