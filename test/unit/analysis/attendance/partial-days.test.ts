// late_arrival, early_leave, nurse_office, separate_room, online: frequent partial or alternative
// attendance (10%+ of recorded days with 5+ days, or 5+ days and 15%+ of the last 30 school
// days), with whether it is growing.
import { describe, expect, it } from 'vitest';
import { analyseAttendance } from '../../../../src/analysis/attendance/index.ts';
import { allOn, buildRecords, patternCodes, schoolDaysOf, spread } from './builder.ts';

const YEAR = { lastRecorded: '2026-11-20' };
const days = schoolDaysOf(YEAR);
const earlier = days.slice(0, -30);
const recent = days.slice(-30);

describe('partial and alternative attendance', () => {
  it("growing nurse's-office attendance: 10% of days before, 60% in the last six weeks", () => {
    const a = analyseAttendance(buildRecords({ ...YEAR, on: allOn([...spread(earlier, 10), ...spread(recent, 18)], 'N') }));
    const p = a.patterns.find((x) => x.code === 'nurse_office')!;
    expect(p.details).toMatchObject({ count: 28, recentCount: 18, recentDays: 30, earlierCount: 10, earlierDays: 95, change: 'growing', growing: true });
    expect(p.summary.ja).toBe('保健室登校の日が多めです（今年度 28/125日、22.4%）。最近の30日のうち18日と増えています（それ以前は 95日中 10日）。');
    expect(p.rule).toContain('DOMAIN.md');
    expect(p.evidence).toHaveLength(28);
  });

  it('steady separate-room attendance is frequent but not growing', () => {
    const a = analyseAttendance(buildRecords({ ...YEAR, rule: (_d, _w, i) => (i % 5 === 0 ? '.' : 'S') }));
    const p = a.patterns.find((x) => x.code === 'separate_room')!;
    expect(p.details.change).toBe('steady');
    expect(p.summary.ja).not.toContain('増えて');
  });

  it('online days that began recently are caught by the recent window', () => {
    const a = analyseAttendance(buildRecords({ ...YEAR, on: allOn(spread(recent, 6), 'O') }));
    expect(a.patterns.find((x) => x.code === 'online')?.details).toMatchObject({ count: 6, share: 0.048, recentCount: 6, change: 'growing' });
  });

  it('occasional lates or early leaving are not a pattern', () => {
    const a = analyseAttendance(buildRecords({ ...YEAR, on: { ...allOn(spread(days, 4), 'L'), ...allOn(spread(days.slice(1), 12), 'E') } }));
    expect(patternCodes(a)).toEqual(['regular']);
  });

  it('frequent late arrival, declining lately', () => {
    const a = analyseAttendance(buildRecords({ ...YEAR, on: allOn(spread(earlier, 30), 'L') }));
    const p = a.patterns.find((x) => x.code === 'late_arrival')!;
    expect(p.details.change).toBe('declining');
    expect(p.summary.ja).toContain('減っています');
  });
});
