// The real sample school (../shared/sample-school), parsed straight from its CSVs: the analysis
// must find what its README and observations describe (issue 3, "Done when").
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseAttendance, isAlarmPattern } from '../../../../src/analysis/attendance/index.ts';
import { mentionsSafeguardingConcern } from '../../../../src/analysis/safeguarding.ts';
import { assessTier } from '../../../../src/analysis/tier.ts';
import type { AttendanceAnalysis, PatternCode, StudentRecords, TierAssessment } from '../../../../src/analysis/types.ts';
import type { AttendanceStatus } from '../../../../src/domain/school.ts';

const dir = fileURLToPath(new URL('../../../../../shared/sample-school/', import.meta.url));

/** A tiny CSV reader: the sample files have no quoted fields; extra commas belong to the last column. */
function csv(name: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(dir + name, 'utf8').trim().split(/\r?\n/);
  const keys = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    const values = [...cells.slice(0, keys.length - 1), cells.slice(keys.length - 1).join(',')];
    return Object.fromEntries(keys.map((k, i) => [k, values[i] ?? '']));
  });
}

const results = new Map<string, { attendance: AttendanceAnalysis; tier: TierAssessment }>();

beforeAll(() => {
  const calendar = csv('calendar.csv').map((r) => ({ date: r.date!, kind: r.kind!, label: r.label! }));
  const attendance = csv('attendance.csv');
  const observations = csv('observations.csv');
  const plans = csv('support_plans.csv');
  for (const s of csv('students.csv')) {
    const id = s.student_no!;
    const records: StudentRecords = {
      studentId: id,
      enrolledOn: s.enrolled_on!,
      asOf: '2026-11-20',
      yearStart: '2026-04-06',
      lastRecorded: '2026-11-20',
      calendar,
      attendance: attendance
        .filter((r) => r.student_no === id)
        .map((r) => ({ date: r.date!, status: r.status as AttendanceStatus, periodsAttended: Number(r.periods_attended) })),
      observations: observations
        .filter((o) => o.student_no === id)
        .map((o, i) => ({
          id: `${id}-obs-${i}`,
          date: o.observed_at!.slice(0, 10),
          hour: Number(o.observed_at!.slice(11, 13)),
          authorRole: 'homeroom_teacher',
          text: o.text!,
          categories: [],
          concern: mentionsSafeguardingConcern(o.text!) ? 'urgent' : 'none',
        })),
      environment: [],
      competencies: [],
      bigFive: [],
      plans: plans
        .filter((p) => p.student_no === id)
        .map((p, i) => ({
          id: `${id}-plan-${i}`,
          startedOn: p.started_on!,
          tier: Number(p.tier),
          goal: p.goal!,
          strategy: p.strategy!,
          status: p.status as 'active' | 'completed' | 'stopped',
          outcome: p.outcome!,
          reviewOn: p.review_on!,
        })),
    };
    const analysis = analyseAttendance(records);
    results.set(id, { attendance: analysis, tier: assessTier(records, analysis) });
  }
});

const of = (id: string) => results.get(id)!;
const codes = (id: string) => of(id).attendance.patterns.map((p) => p.code);
const pattern = (id: string, code: PatternCode) => of(id).attendance.patterns.find((p) => p.code === code);

describe('the sample school, as of 2026-11-20', () => {
  it('measures 125 school days for every student', () => {
    expect(results.size).toBe(12);
    for (const r of results.values()) expect(r.attendance).toMatchObject({ status: 'ok', schoolDays: 125, from: '2026-04-06', to: '2026-11-20' });
  });

  it('S002: Monday avoidance', () => {
    expect(codes('S002')).toContain('day_of_week_avoidance:mon');
    expect(codes('S002').filter((c) => c.startsWith('day_of_week'))).toEqual(['day_of_week_avoidance:mon']);
    expect(pattern('S002', 'day_of_week_avoidance:mon')!.summary.ja).toMatch(/^月曜日の欠席/);
  });

  it('S003: a non-attendance streak since 5 October, over the futoko threshold, tier 3', () => {
    expect(pattern('S003', 'non_attendance_streak')!.details).toMatchObject({ since: '2026-10-05', until: '2026-11-20', ongoing: true });
    expect(pattern('S003', 'futoko_threshold')!.details.absent).toBe(45);
    expect(codes('S003')).toContain('severe_absence');
    expect(of('S003').tier).toMatchObject({ tier: 3, reviewEveryDays: 7 });
  });

  it("S004: growing nurse's-office attendance", () => {
    expect(pattern('S004', 'nurse_office')!.details).toMatchObject({ growing: true, change: 'growing' });
    expect(pattern('S004', 'nurse_office')!.summary.ja).toContain('増えています');
  });

  it('S006: improving', () => {
    expect(of('S006').attendance.trend).toBe('improving');
    expect(codes('S006')).toContain('improving');
    expect(codes('S006')).not.toContain('futoko_projection');
  });

  it('S007: test-day absences', () => {
    const p = pattern('S007', 'event_avoidance')!;
    expect(p.details).toMatchObject({ testAbsent: 6, otherAbsent: 0 });
  });

  it('S001 and S011: regular, tier 1, no alarm', () => {
    for (const id of ['S001', 'S011']) {
      expect(codes(id)).toEqual(['regular']);
      expect(of(id).attendance.trend).toBe('stable');
      expect(of(id).tier).toMatchObject({ tier: 1, raisedForUrgent: false, nextReview: null });
      expect(of(id).attendance.patterns.some((p) => isAlarmPattern(p.code))).toBe(false);
    }
  });

  it('the others: what their records show', () => {
    expect(codes('S005')).toEqual(['late_arrival']); // late on over half the days, steadily
    expect(codes('S008')).toEqual(['separate_room']);
    expect(of('S008').tier.tier).toBe(2); // active tier 2 plan
    expect(pattern('S009', 'early_leave')!.details.growing).toBe(true);
    expect(of('S010').tier).toMatchObject({ tier: 2, raisedForUrgent: true }); // 「消えたい」
    expect(codes('S010')).toEqual(['regular']);
    expect(codes('S012')).toEqual(['online']);
    expect(of('S002').tier.tier).toBe(3); // tier 2 check-ins since July: 変化なし
  });
});
