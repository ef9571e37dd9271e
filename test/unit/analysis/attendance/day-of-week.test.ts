// day_of_week_avoidance:<weekday>: absences or lates concentrated on one weekday beyond chance
// (Fisher's exact test, Bonferroni over 15 tests, at least 5 events, twice the other days' rate).
import { describe, expect, it } from 'vitest';
import { analyseAttendance } from '../../../../src/analysis/attendance/index.ts';
import { weekday } from '../../../../src/domain/dates.ts';
import { allOn, buildRecords, patternCodes, schoolDaysOf, seeded } from './builder.ts';

const YEAR = { lastRecorded: '2026-11-20' };
const days = schoolDaysOf(YEAR);
const mondays = days.filter((d) => weekday(d) === 1);
const fridays = days.filter((d) => weekday(d) === 5);
const dowCodes = (a: ReturnType<typeof analyseAttendance>) => patternCodes(a).filter((c) => c.startsWith('day_of_week'));

describe('day-of-week avoidance', () => {
  it('absent on 9 of the Mondays and one other day: Monday avoidance, in plain words', () => {
    const absent = [...mondays.filter((_, i) => i % 2 === 1), '2026-06-17'];
    const a = analyseAttendance(buildRecords({ ...YEAR, on: allOn(absent, 'A') }));
    expect(mondays).toHaveLength(23);
    expect(dowCodes(a)).toEqual(['day_of_week_avoidance:mon']);
    const p = a.patterns.find((x) => x.code === 'day_of_week_avoidance:mon')!;
    expect(p.details).toMatchObject({ weekday: 'mon', basis: 'absent', days: 23, absent: 11, otherAbsent: 1, otherDays: 102 });
    expect(p.details.pValue as number).toBeLessThan(0.05 / 15);
    expect(p.summary.ja).toBe('月曜日の欠席が目立ちます（月曜 11/23日欠席、他の曜日は 1/102日）。');
    expect(p.evidence).toHaveLength(11);
    expect(p.evidence.every((e) => weekday(e.date) === 1)).toBe(true);
  });

  it('late arrivals on Fridays count too', () => {
    const a = analyseAttendance(buildRecords({ ...YEAR, on: allOn(fridays.slice(0, 8), 'L') }));
    const p = a.patterns.find((x) => x.code === 'day_of_week_avoidance:fri');
    expect(p?.details).toMatchObject({ basis: 'late', late: 8, otherLate: 0 });
    expect(p?.summary.ja).toContain('金曜日の遅刻が目立ちます');
  });

  it('four Monday absences alone are too few to call a pattern', () => {
    expect(dowCodes(analyseAttendance(buildRecords({ ...YEAR, on: allOn(mondays.slice(0, 4), 'A') })))).toEqual([]);
  });

  it('absences scattered at random rarely look like a weekday pattern', () => {
    let fired = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rnd = seeded(seed);
      const a = analyseAttendance(buildRecords({ ...YEAR, rule: () => (rnd() < 0.1 ? 'A' : rnd() < 0.1 ? 'L' : '.') }));
      if (dowCodes(a).length) fired++;
    }
    expect(fired).toBeLessThanOrEqual(1);
  });

  it('days inside a long absence run are left out of the comparison', () => {
    // A run from Monday 5/11 to Monday 5/18 holds two Mondays; three more single Monday absences
    // would make five, but outside the run there are only three.
    const run = days.slice(days.indexOf('2026-05-11'), days.indexOf('2026-05-18') + 1);
    const a = analyseAttendance(buildRecords({ ...YEAR, on: allOn([...run, '2026-06-08', '2026-09-07', '2026-10-19'], 'A') }));
    expect(patternCodes(a)).toContain('non_attendance_streak');
    expect(dowCodes(a)).toEqual([]);
  });
});
