import { describe, expect, it } from 'vitest';
import { mondayOf, parsePeriod, parseWhen, weekOfFrom } from '../../../../src/engine/offline/when.ts';

// Friday 2026-11-20, 17:00 in Tokyo.
const now = new Date('2026-11-20T17:00:00+09:00');

describe('when an observation happened', () => {
  it.each([
    ['今日は1限から', '2026-11-20'],
    ['本日', '2026-11-20'],
    ['昨日', '2026-11-19'],
    ['一昨日', '2026-11-18'],
    ['おととい', '2026-11-18'],
    ['yesterday', '2026-11-19'],
    ['the day before yesterday', '2026-11-18'],
    ['3日前', '2026-11-17'],
    ['2 days ago', '2026-11-18'],
    ['先週の金曜日', '2026-11-13'],
    ['先週月曜', '2026-11-09'],
    ['今週の火曜', '2026-11-17'],
    ['金曜日', '2026-11-20'],
    ['月曜に', '2026-11-16'],
    ['last Friday', '2026-11-13'],
    ['on Monday', '2026-11-16'],
    ['Wednesday last week', '2026-11-11'],
    ['11/18', '2026-11-18'],
    ['11月18日', '2026-11-18'],
    ['November 18th', '2026-11-18'],
    ['18 Nov', '2026-11-18'],
    ['18日に', '2026-11-18'],
    ['2025-12-24', '2025-12-24'],
    ['12/24', '2025-12-24'],
    ['no date at all', '2026-11-20'],
  ])('%s -> %s', (text, day) => {
    expect(parseWhen(text, now).observedOn).toBe(day);
  });

  it('a frequency is not a date: 毎週月曜, every Monday, 3日連続', () => {
    expect(parseWhen('毎週月曜に面談', now).observedOn).toBe('2026-11-20');
    expect(parseWhen('every Monday', now).observedOn).toBe('2026-11-20');
    expect(parseWhen('3日連続で遅刻', now).observedOn).toBe('2026-11-20');
  });

  it.each([
    ['1限', 1, '08:50'],
    ['2限に', 2, '09:50'],
    ['三限', 3, '10:50'],
    ['4時間目', 4, '11:50'],
    ['5限目', 5, '13:30'],
    ['6校時', 6, '14:30'],
    ['period 2', 2, '09:50'],
    ['after 3rd period', 3, '10:50'],
    ['the fifth lesson', 5, '13:30'],
  ])('%s is period %i at %s', (text, period, time) => {
    expect(parseWhen(text, now)).toEqual({ observedOn: '2026-11-20', lessonPeriod: period, observedTime: time });
  });

  it.each([
    ['今朝', '08:30'],
    ['朝、母親から電話', '08:30'],
    ['朝の会で', '08:30'],
    ['this morning', '08:30'],
    ['昼休みに', '12:45'],
    ['給食の時間', '12:45'],
    ['at lunch', '12:45'],
    ['放課後', '15:30'],
    ['after school', '15:30'],
    ['夕方', '17:00'],
    ['10:30に', '10:30'],
    ['10時半', '10:30'],
    ['9時15分', '09:15'],
    ['午後2時', '14:00'],
    ['at 3pm', '15:00'],
  ])('%s is at %s', (text, time) => {
    expect(parseWhen(text, now).observedTime).toBe(time);
  });

  it('a duration or a limit is no time of observation', () => {
    expect(parseWhen('夜中の3時まで起きていた', now).observedTime).toBeUndefined();
    expect(parseWhen('2時間休んだ', now).observedTime).toBeUndefined();
    expect(parseWhen('up until 3 a.m.', now).observedTime).toBeUndefined();
    expect(parseWhen('Yui came in', now)).toEqual({ observedOn: '2026-11-20' });
  });

  it('the date is the school date in Tokyo, whatever the machine zone: 00:30 JST Friday is Friday', () => {
    expect(parseWhen('今朝', new Date('2026-11-19T15:30:00Z')).observedOn).toBe('2026-11-20');
    expect(parseWhen('昨日', new Date('2026-11-19T15:30:00Z')).observedOn).toBe('2026-11-19');
  });
});

describe('periods of dates', () => {
  it.each([
    ['先月', '2026-10-01', '2026-10-31'],
    ['last month', '2026-10-01', '2026-10-31'],
    ['今月', '2026-11-01', '2026-11-20'],
    ['this month', '2026-11-01', '2026-11-20'],
    ['先週', '2026-11-09', '2026-11-15'],
    ['last week', '2026-11-09', '2026-11-15'],
    ['先々週', '2026-11-02', '2026-11-08'],
    ['今週', '2026-11-16', '2026-11-20'],
    ['this week', '2026-11-16', '2026-11-20'],
    ['10月', '2026-10-01', '2026-10-31'],
    ['10月中の', '2026-10-01', '2026-10-31'],
    ['October', '2026-10-01', '2026-10-31'],
    ['from Oct', '2026-10-01', '2026-10-31'],
    ['in May', '2026-05-01', '2026-05-31'],
    ['12月', '2025-12-01', '2025-12-31'],
    ['4月', '2026-04-01', '2026-04-30'],
    ['2学期', '2026-09-01', '2026-11-20'],
    ['1学期', '2026-04-01', '2026-07-31'],
    ['今学期', '2026-09-01', '2026-11-20'],
    ['last term', '2026-04-01', '2026-07-31'],
    ['今年度', '2026-04-01', '2026-11-20'],
    ['ここ2週間', '2026-11-07', '2026-11-20'],
    ['the past 3 days', '2026-11-18', '2026-11-20'],
    ['10月以降', '2026-10-01', '2026-11-20'],
    ['since September', '2026-09-01', '2026-11-20'],
    ['10/1〜10/15', '2026-10-01', '2026-10-15'],
    ['11月1日から11月10日まで', '2026-11-01', '2026-11-10'],
    ['11月18日の', '2026-11-18', '2026-11-18'],
    ['昨日の', '2026-11-19', '2026-11-19'],
  ])('%s is %s to %s', (text, from, to) => {
    expect(parsePeriod(text, now)).toEqual({ from, to });
  });

  it('no period when none is named; "may" is a month only as a month', () => {
    expect(parsePeriod('鈴木さんの様子', now)).toBeUndefined();
    expect(parsePeriod('may I ask about Yui', now)).toBeUndefined();
  });

  it('weeks run Monday to Sunday; a digest names the Monday of its week', () => {
    expect(mondayOf('2026-11-20')).toBe('2026-11-16');
    expect(mondayOf('2026-11-16')).toBe('2026-11-16');
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
    expect(weekOfFrom('先週のまとめ', now)).toBe('2026-11-09');
    expect(weekOfFrom('11/4の週', now)).toBe('2026-11-02');
    expect(weekOfFrom('今週のまとめ', now)).toBeUndefined();
  });
});
