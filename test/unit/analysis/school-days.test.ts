import { describe, expect, it } from 'vitest';
import { buildSchoolCalendar } from '../../../src/analysis/school-days.ts';

const calendar = buildSchoolCalendar([
  { date: '2026-04-29', kind: 'holiday' },
  { date: '2026-05-27', kind: 'test' },
  { date: '2026-07-21', kind: 'break_start' },
  { date: '2026-08-31', kind: 'break_end' },
]);

describe('school days', () => {
  it('leaves out weekends, holidays and breaks; tests are school days', () => {
    expect(calendar.isSchoolDay('2026-04-28')).toBe(true);
    expect(calendar.isSchoolDay('2026-04-29')).toBe(false);
    expect(calendar.isSchoolDay('2026-05-02')).toBe(false); // Saturday
    expect(calendar.isSchoolDay('2026-05-27')).toBe(true);
    expect(calendar.isSchoolDay('2026-08-03')).toBe(false);
    expect(calendar.isSchoolDay('2026-08-31')).toBe(false);
    expect(calendar.isSchoolDay('2026-09-01')).toBe(true);
  });
  it('counts school days between two dates, inclusive', () => {
    expect(calendar.schoolDaysBetween('2026-04-27', '2026-05-01')).toEqual(['2026-04-27', '2026-04-28', '2026-04-30', '2026-05-01']);
    expect(calendar.schoolDaysBetween('2026-07-20', '2026-09-01')).toEqual(['2026-07-20', '2026-09-01']);
  });
  it('an unpaired break start closes nothing rather than guessing', () => {
    const open = buildSchoolCalendar([{ date: '2026-12-25', kind: 'break_start' }]);
    expect(open.isSchoolDay('2026-12-28')).toBe(true);
  });
});
