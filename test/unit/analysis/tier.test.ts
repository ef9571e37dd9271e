// Tier 1/2/3 by the Attendance Works rules in DOMAIN.md, raised for review by an urgent
// observation; review cadence tier 2 every other week, tier 3 weekly.
import { describe, expect, it } from 'vitest';
import { analyseAttendance } from '../../../src/analysis/attendance/index.ts';
import { assessTier } from '../../../src/analysis/tier.ts';
import type { ObservationInput, StudentRecords, SupportPlanInput } from '../../../src/analysis/types.ts';
import { allOn, buildRecords, schoolDaysOf, spread, type RecordsSpec } from './attendance/builder.ts';

const YEAR = { lastRecorded: '2026-11-20' };
const days = schoolDaysOf(YEAR);

function tierOf(spec: RecordsSpec) {
  const records: StudentRecords = buildRecords(spec);
  const attendance = analyseAttendance(records);
  return { attendance, tier: assessTier(records, attendance) };
}

const plan = (over: Partial<SupportPlanInput>): SupportPlanInput => ({
  id: 'P1',
  startedOn: '2026-07-01',
  tier: 2,
  goal: '月曜日も登校できる日を増やす',
  strategy: '月曜朝のチェックイン',
  status: 'active',
  outcome: '',
  reviewOn: '2026-09-30',
  ...over,
});

const urgentNote = (date: string): ObservationInput => ({
  id: 'O1',
  date,
  hour: 13,
  authorRole: 'homeroom_teacher',
  text: 'ノートに「消えたい」と書いてあった',
  categories: ['safeguarding'],
  concern: 'urgent',
});

describe('tier by absence rate', () => {
  it('below 10%: tier 1, no review cadence', () => {
    const { tier } = tierOf({ ...YEAR, on: allOn(spread(days, 5), 'A') });
    expect(tier).toMatchObject({ tier: 1, reviewEveryDays: null, nextReview: null, raisedForUrgent: false });
  });

  it('10% or more: tier 2, reviewed every other week', () => {
    const { tier } = tierOf({ ...YEAR, on: allOn(spread(days, 13), 'A') });
    expect(tier).toMatchObject({ tier: 2, reviewEveryDays: 14, nextReview: '2026-12-04' });
    expect(tier.reasons[0]!.en).toContain('10% or more');
    expect(tier.evidence.filter((e) => e.kind === 'attendance')).toHaveLength(13);
  });

  it('20% or more: tier 3, reviewed weekly', () => {
    const { tier } = tierOf({ ...YEAR, on: allOn(spread(days, 25), 'A') });
    expect(tier).toMatchObject({ tier: 3, reviewEveryDays: 7, nextReview: '2026-11-27' });
    expect(tier.reasons[0]!.ja).toContain('20%以上');
  });

  it('early in the year: 6 absences by month 3 is tier 2 even below 10%', () => {
    const spec = { lastRecorded: '2026-07-03' };
    const own = schoolDaysOf(spec);
    expect(own).toHaveLength(61);
    const six = tierOf({ ...spec, on: allOn(spread(own, 6), 'A') });
    expect(six.attendance.absenceRate).toBeLessThan(0.1);
    expect(six.tier.tier).toBe(2);
    expect(six.tier.reasons[0]!.en).toContain('early-year mark of 2 per month');
    expect(tierOf({ ...spec, on: allOn(spread(own, 5), 'A') }).tier.tier).toBe(1);
  });

  it('too little data never raises the tier', () => {
    const { attendance, tier } = tierOf({ lastRecorded: '2026-04-17', codes: 'AAAAA AAAAA' });
    expect(attendance.status).toBe('insufficient_data');
    expect(tier.tier).toBe(1);
    expect(tier.reasons[0]!.en).toContain('Too little attendance recorded');
  });

  it('a worsening trend on the ladder is at least tier 2', () => {
    const { attendance, tier } = tierOf({ ...YEAR, rule: (_d, _w, i) => (i < 105 ? '.' : i % 3 === 0 ? 'A' : i % 3 === 1 ? 'N' : '.') });
    expect(attendance.trend).toBe('worsening');
    expect(attendance.absenceRate).toBeLessThan(0.1);
    expect(tier.tier).toBe(2);
  });
});

describe('tier and support plans', () => {
  const mondays = { ...YEAR, on: allOn(days.filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1).slice(-8), 'A') };

  it('an active tier 2 plan keeps the student at tier 2', () => {
    const { tier } = tierOf({ ...YEAR, plans: [plan({ outcome: '安定して別室に登校' })] });
    expect(tier.tier).toBe(2);
    expect(tier.evidence).toContainEqual(expect.objectContaining({ kind: 'support_plan', id: 'P1' }));
  });

  it('tier 2 support with no change after six weeks or more: tier 3', () => {
    const { tier } = tierOf({ ...mondays, plans: [plan({ outcome: '変化なし' })] });
    expect(tier.tier).toBe(3);
    // The reason that set the tier comes first; the tier 2 ones (the active plan, and here the
    // recent Monday absences reading as a slide down the ladder) after it.
    expect(tier.reasons[0]!.ja).toContain('改善が見られていない');
    expect(tier.reasons.slice(1).some((r) => r.en.includes('support plan is active'))).toBe(true);
  });

  it('also for a stopped plan, and in English', () => {
    expect(tierOf({ ...mondays, plans: [plan({ status: 'stopped', outcome: 'No improvement after six weeks' })] }).tier.tier).toBe(3);
    expect(tierOf({ ...mondays, plans: [plan({ status: 'stopped', outcome: '改善なし' })] }).tier.tier).toBe(3);
  });

  it('not when the plan is too new to judge, when it helped, or when attendance is improving', () => {
    expect(tierOf({ ...mondays, plans: [plan({ startedOn: '2026-11-02', outcome: '変化なし' })] }).tier.tier).toBe(2);
    expect(tierOf({ ...mondays, plans: [plan({ outcome: '改善: 月曜も登校できる日が増えた' })] }).tier.tier).toBe(2);
    const improving = tierOf({
      ...YEAR,
      rule: (_d, _w, i) => (i < 60 ? (i % 2 ? 'A' : 'S') : i < 105 ? 'S' : '.'),
      plans: [plan({ outcome: '変化なし' })],
    });
    expect(improving.attendance.trend).toBe('improving');
    expect(improving.tier.tier).toBe(3); // still 20%+ absent over the year
    expect(improving.tier.reasons.some((r) => r.ja.includes('改善が見られていない'))).toBe(false);
  });

  it("an active plan's review date wins when it comes sooner", () => {
    const { tier } = tierOf({ ...YEAR, plans: [plan({ reviewOn: '2026-11-25' })] });
    expect(tier).toMatchObject({ tier: 2, nextReview: '2026-11-25' });
    const overdue = tierOf({ ...YEAR, plans: [plan({ reviewOn: '2026-09-30' })] });
    expect(overdue.tier.nextReview).toBe('2026-12-04');
  });
});

describe('urgent observations', () => {
  it('raise tier 1 to tier 2 for review', () => {
    const { tier } = tierOf({ ...YEAR, observations: [urgentNote('2026-11-19')] });
    expect(tier).toMatchObject({ tier: 2, raisedForUrgent: true, reviewEveryDays: 14 });
    expect(tier.evidence).toContainEqual(expect.objectContaining({ kind: 'observation', id: 'O1', date: '2026-11-19' }));
    expect(tier.reasons.at(-1)!.ja).toContain('緊急の記録');
  });

  it('raise tier 2 to tier 3', () => {
    const { tier } = tierOf({ ...YEAR, on: allOn(spread(days, 13), 'A'), observations: [urgentNote('2026-11-10')] });
    expect(tier).toMatchObject({ tier: 3, raisedForUrgent: true, reviewEveryDays: 7 });
  });

  it('count within 30 days only', () => {
    expect(tierOf({ ...YEAR, observations: [urgentNote('2026-10-10')] }).tier).toMatchObject({ tier: 1, raisedForUrgent: false });
  });

  it('raise the tier even when there is too little attendance to judge', () => {
    expect(tierOf({ lastRecorded: '2026-04-17', observations: [urgentNote('2026-04-16')] }).tier).toMatchObject({ tier: 2, raisedForUrgent: true });
  });

  it('at tier 3 already: stated, not raised', () => {
    const { tier } = tierOf({ ...YEAR, on: allOn(spread(days, 25), 'A'), observations: [urgentNote('2026-11-19')] });
    expect(tier).toMatchObject({ tier: 3, raisedForUrgent: false });
    expect(tier.reasons.at(-1)!.en).toContain('already Tier 3');
  });
});
