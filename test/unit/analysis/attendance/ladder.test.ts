// improving / worsening on the attendance ladder (DOMAIN.md): the last 20 school days against the
// earlier period, mean rung differing by 0.5+ and Welch's t of 2+ on 5-day blocks.
import { describe, expect, it } from 'vitest';
import { analyseAttendance, LADDER } from '../../../../src/analysis/attendance/index.ts';
import { allOn, buildRecords, patternCodes, SAMPLE_CALENDAR, schoolDaysOf } from './builder.ts';

const YEAR = { lastRecorded: '2026-11-20' };
const days = schoolDaysOf(YEAR);

describe('attendance ladder trend', () => {
  it('orders the rungs as DOMAIN.md does', () => {
    expect(LADDER.absent).toBeLessThan(LADDER.online);
    expect(LADDER.online).toBeLessThan(LADDER.nurse_office);
    expect(LADDER.nurse_office).toBe(LADDER.separate_room);
    expect(LADDER.separate_room).toBeLessThan(LADDER.late);
    expect(LADDER.late).toBe(LADDER.early_leave);
    expect(LADDER.early_leave).toBeLessThan(LADDER.present);
  });

  it('home, then online, then a separate room, then class: improving', () => {
    const a = analyseAttendance(buildRecords({ ...YEAR, rule: (_d, _w, i) => (i < 40 ? (i % 3 ? 'A' : 'O') : i < 80 ? 'S' : i < 105 ? (i % 2 ? 'S' : '.') : '.') }));
    expect(a.trend).toBe('improving');
    const p = a.patterns.find((x) => x.code === 'improving')!;
    // 20 school days, less the culture festival (10/30): event days are left out of the trend.
    expect(p.details).toMatchObject({ recentFrom: '2026-10-23', recentDays: 19, recentFullDays: 19, recentAbsent: 0 });
    expect(p.summary.ja).toContain('登校の段階が上がってきています');
    expect(patternCodes(a)).not.toContain('regular');
  });

  it("regular until four weeks ago, then absences and nurse's-office days: worsening", () => {
    const a = analyseAttendance(buildRecords({ ...YEAR, rule: (_d, _w, i) => (i < 105 ? '.' : i % 3 === 0 ? 'A' : i % 3 === 1 ? 'N' : '.') }));
    expect(a.trend).toBe('worsening');
    expect(a.patterns.find((x) => x.code === 'worsening')?.summary.en).toContain('Moving down the attendance ladder');
  });

  it('a four-day cold in the last weeks of a perfect record is not a decline', () => {
    const cold = days.slice(-12, -8);
    const a = analyseAttendance(buildRecords({ ...YEAR, on: allOn(cold, 'A') }));
    expect(a.trend).toBe('stable');
    expect(patternCodes(a)).toEqual(['regular']);
  });

  it('test and event days are left out, so a window with tests in it does not look worse', () => {
    // Tests on five days of the last four weeks, all missed; 3 earlier tests missed too.
    const late = days.slice(-18).filter((_, i) => i % 4 === 0).slice(0, 5);
    const calendar = [...SAMPLE_CALENDAR, ...late.map((date) => ({ date, kind: 'test', label: '小テスト' }))];
    const a = analyseAttendance(buildRecords({ ...YEAR, calendar, on: allOn([...late, '2026-05-27', '2026-07-02', '2026-10-14'], 'A') }));
    expect(patternCodes(a)).toContain('event_avoidance');
    expect(a.trend).toBe('stable');
  });

  it('with fewer than 10 recorded days on each side the trend is insufficient_data', () => {
    const a = analyseAttendance(buildRecords({ lastRecorded: '2026-04-28' })); // 17 school days
    expect(a.status).toBe('ok');
    expect(a.trend).toBe('insufficient_data');
    expect(patternCodes(a)).toEqual(['regular']);
  });
});
