// futoko_threshold (30+ absent days this school year) and futoko_projection (the current pace
// reaches 30 before the year ends), MEXT via DOMAIN.md.
import { describe, expect, it } from 'vitest';
import { analyseAttendance } from '../../../../src/analysis/attendance/index.ts';
import { allOn, buildRecords, patternCodes, SAMPLE_CALENDAR, schoolDaysOf, spread } from './builder.ts';

const YEAR = { lastRecorded: '2026-11-20' };
const days = schoolDaysOf(YEAR);
const find = (a: ReturnType<typeof analyseAttendance>, code: string) => a.patterns.find((p) => p.code === code);

describe('futoko threshold', () => {
  it('29 absences is below the line, 30 reaches it, with the day the 30th came', () => {
    const below = analyseAttendance(buildRecords({ ...YEAR, on: allOn(spread(days, 29), 'A') }));
    expect(find(below, 'futoko_threshold')).toBeUndefined();
    const absences = spread(days, 30);
    const a = analyseAttendance(buildRecords({ ...YEAR, on: allOn(absences, 'A') }));
    const p = find(a, 'futoko_threshold')!;
    expect(p.details).toMatchObject({ absent: 30, threshold: 30, reachedOn: absences[29] });
    expect(p.rule).toContain('MEXT');
    expect(p.summary.ja).toContain('不登校の目安');
    expect(p.evidence).toHaveLength(30);
    expect(find(a, 'futoko_projection')).toBeUndefined();
  });
});

describe('futoko projection', () => {
  // 16 absences spread over the year (12.8%), then 8 more in the last 30 school days.
  const recent = days.slice(-30);
  const earlier = spread(days.slice(0, -30), 16);
  const absences = [...earlier, ...spread(recent, 8)];

  it('fires when the recent pace reaches 30 before March, with the projected date', () => {
    const a = analyseAttendance(buildRecords({ ...YEAR, on: allOn(absences, 'A') }));
    const p = find(a, 'futoko_projection')!;
    expect(p).toBeDefined();
    // Remaining: 11/23-12/24 (24 days; the calendar lists no 11/23 holiday), winter break assumed
    // 12/25-1/7, then 1/8-3/24 less 1/11, 2/11, 2/23 and 3/22 (vernal equinox substitute): 50.
    expect(p.details).toMatchObject({ absent: 24, remainingSchoolDays: 74, yearEnd: '2027-03-24', paceBasis: 'recent_30_school_days' });
    expect(p.details.pace).toBeCloseTo(8 / 30, 3);
    // 6 more absences at 8 in 30 take 23 school days: the 23rd remaining day.
    expect(p.details.projectedDate).toBe('2026-12-23');
    expect(p.summary.ja).toContain('12月23日ごろ');
    expect(p.evidence.every((e) => e.date >= recent[0]!)).toBe(true);
  });

  it('does not project a student who has recovered: the pace is the recent one', () => {
    const a = analyseAttendance(buildRecords({ ...YEAR, on: allOn(spread(days.slice(0, -30), 26), 'A') }));
    expect(patternCodes(a)).toContain('severe_absence');
    expect(find(a, 'futoko_projection')).toBeUndefined();
  });

  it('a single week of illness early in the year does not project futoko', () => {
    const a = analyseAttendance(buildRecords({ lastRecorded: '2026-05-29', codes: '..... ..... ..... AAAA.' }));
    expect(find(a, 'futoko_projection')).toBeUndefined();
  });

  it('uses the calendar where it has the winter break instead of assuming one', () => {
    const calendar = [...SAMPLE_CALENDAR, { date: '2026-12-19', kind: 'break_start', label: '冬季休業' }, { date: '2027-01-11', kind: 'break_end', label: '冬季休業' }];
    const a = analyseAttendance(buildRecords({ ...YEAR, calendar, on: allOn(absences, 'A') }));
    expect(find(a, 'futoko_projection')!.details.remainingSchoolDays).toBe(69);
  });

  it('nothing is projected once the year is over', () => {
    const spec = { lastRecorded: '2027-03-24' };
    const all = schoolDaysOf(spec);
    const a = analyseAttendance(buildRecords({ ...spec, on: allOn(spread(all, 25), 'A') }));
    expect(find(a, 'futoko_projection')).toBeUndefined();
  });
});
