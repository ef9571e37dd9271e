// The demo calendar is computed, not tabulated, so check it against the real holidays of known
// years and against the sample school's calendar for 2026.
import { describe, expect, it } from 'vitest';
import { japaneseHolidays, equinoxDay } from '../../../src/store/demo/holidays.ts';
import { buildCalendar } from '../../../src/store/demo/calendar.ts';

const dates = (year: number) => japaneseHolidays(year).map((h) => `${h.date.slice(5)} ${h.label}`);

describe('Japanese national holidays', () => {
  it('computes 2026, with the substitute holiday and the citizens\' holiday', () => {
    expect(dates(2026)).toEqual([
      '01-01 元日', '01-12 成人の日', '02-11 建国記念の日', '02-23 天皇誕生日', '03-20 春分の日', '04-29 昭和の日',
      '05-03 憲法記念日', '05-04 みどりの日', '05-05 こどもの日', '05-06 振替休日', '07-20 海の日', '08-11 山の日',
      '09-21 敬老の日', '09-22 国民の休日', '09-23 秋分の日', '10-12 スポーツの日', '11-03 文化の日', '11-23 勤労感謝の日',
    ]);
  });

  it('moves a Sunday holiday to the next free day (2027-03-21 -> 03-22, 2020-02-23 -> 02-24)', () => {
    expect(dates(2027)).toContain('03-22 振替休日');
    expect(dates(2020)).toContain('02-24 振替休日');
    expect(dates(2019)).toEqual(expect.arrayContaining(['04-30 国民の休日', '05-01 天皇の即位の日', '05-02 国民の休日', '05-06 振替休日']));
  });

  it('places the equinoxes by the standard formula', () => {
    expect([2024, 2025, 2026, 2027, 2028].map((y) => equinoxDay(y, 'vernal'))).toEqual([20, 20, 20, 21, 20]);
    expect([2024, 2025, 2026, 2027, 2028].map((y) => equinoxDay(y, 'autumnal'))).toEqual([22, 23, 23, 23, 22]);
  });
});

describe('school calendar', () => {
  const calendar = buildCalendar(2026);

  it('reproduces the sample school calendar for April to November 2026', () => {
    const rows = calendar.entries.filter((e) => e.date >= '2026-04-06' && e.date <= '2026-11-27').map((e) => `${e.date},${e.kind},${e.label}`);
    expect(rows).toEqual([
      '2026-04-29,holiday,昭和の日', '2026-05-04,holiday,みどりの日', '2026-05-05,holiday,こどもの日', '2026-05-06,holiday,振替休日',
      '2026-05-22,event,体育祭', '2026-05-27,test,1学期中間テスト', '2026-05-28,test,1学期中間テスト', '2026-07-02,test,1学期期末テスト',
      '2026-07-03,test,1学期期末テスト', '2026-07-20,holiday,海の日', '2026-07-21,break_start,夏季休業', '2026-08-31,break_end,夏季休業',
      '2026-09-09,event,職場体験', '2026-09-10,event,職場体験', '2026-09-11,event,職場体験', '2026-09-21,holiday,敬老の日',
      '2026-09-22,holiday,国民の休日', '2026-09-23,holiday,秋分の日', '2026-10-12,holiday,スポーツの日', '2026-10-14,test,2学期中間テスト',
      '2026-10-15,test,2学期中間テスト', '2026-10-30,event,文化祭', '2026-11-03,holiday,文化の日',
      // The sample export leaves out this Monday holiday; it is a holiday all the same.
      '2026-11-23,holiday,勤労感謝の日', '2026-11-26,test,2学期期末テスト', '2026-11-27,test,2学期期末テスト',
    ]);
  });

  it('has the sample school\'s 125 school days from 2026-04-06 to 2026-11-20, and breaks around them', () => {
    expect(calendar.schoolDays.filter((d) => d <= '2026-11-20')).toHaveLength(125);
    expect(calendar.schoolDays[0]).toBe('2026-04-06');
    expect(calendar.schoolDays.some((d) => (d >= '2026-07-21' && d <= '2026-08-31') || (d >= '2026-12-25' && d <= '2027-01-07') || d >= '2027-03-25')).toBe(false);
    expect(calendar.termStart).toEqual({ 2: '2026-09-01', 3: '2027-01-08' });
  });

  it('starts on the first weekday on or after April 6 that is not a holiday', () => {
    expect(buildCalendar(2025).schoolDays[0]).toBe('2025-04-07'); // April 6 2025 was a Sunday
    expect(buildCalendar(2030).schoolDays[0]).toBe('2030-04-08'); // Saturday the 6th
  });
});
