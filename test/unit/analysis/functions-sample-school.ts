// The sample school's records (../shared/sample-school), read straight from the CSVs, as the
// analysis engine receives them. Patterns are given by hand: what the attendance detectors report
// for each student per the issue and the sample's README, so these tests do not depend on them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { SAMPLE_SCHOOL_DIR } from '../../helpers/sample-school.ts';
import type { Pattern, PatternCode, StudentRecords } from '../../../src/analysis/types.ts';

type Row = Record<string, string>;
const read = (file: string): Row[] => parse(readFileSync(join(SAMPLE_SCHOOL_DIR, file), 'utf8'), { columns: true, skip_empty_lines: true });

const observations = read('observations.csv');
const environment = read('environment.csv');
const competencies = read('competencies.csv');
const bigFive = read('assessments_big5.csv');
const plans = read('support_plans.csv');
const staff = new Map(read('staff.csv').map((s) => [s['staff_id']!, s['role']!]));

export const SAMPLE_STUDENTS = read('students.csv').map((s) => s['student_no']!);

export function sampleRecords(studentId: string): StudentRecords {
  const mine = (rows: Row[]) => rows.map((r, i) => ({ r, i })).filter(({ r }) => r['student_no'] === studentId);
  return {
    studentId,
    enrolledOn: '2025-04-07',
    asOf: '2026-11-20',
    yearStart: '2026-04-06',
    lastRecorded: '2026-11-20',
    calendar: [],
    attendance: [],
    observations: mine(observations).map(({ r, i }) => ({
      id: `obs-${i + 1}`,
      date: r['observed_at']!.slice(0, 10),
      hour: Number(r['observed_at']!.slice(11, 13)),
      authorRole: staff.get(r['author_staff_id']!) ?? 'homeroom_teacher',
      text: r['text']!,
      categories: [],
      concern: 'none',
    })),
    environment: mine(environment).map(({ r, i }) => ({ id: `env-${i + 1}`, assessedOn: r['assessed_on']!, factor: r['factor']!, value: r['value']! })),
    competencies: mine(competencies).map(({ r, i }) => ({
      id: `comp-${i + 1}`,
      assessedOn: r['assessed_on']!,
      competency: r['competency']!,
      score: Number(r['score']),
      rater: r['rater'] as 'self' | 'peer' | 'teacher',
    })),
    bigFive: mine(bigFive).map(({ r, i }) => ({
      id: `big5-${i + 1}`,
      assessedOn: r['assessed_on']!,
      openness: Number(r['openness']),
      conscientiousness: Number(r['conscientiousness']),
      extraversion: Number(r['extraversion']),
      agreeableness: Number(r['agreeableness']),
      neuroticism: Number(r['neuroticism']),
    })),
    plans: mine(plans).map(({ r, i }) => ({
      id: `plan-${i + 1}`,
      startedOn: r['started_on']!,
      tier: Number(r['tier']),
      goal: r['goal']!,
      strategy: r['strategy']!,
      status: r['status'] as 'active' | 'completed' | 'stopped',
      outcome: r['outcome']!,
      reviewOn: r['review_on']!,
    })),
  };
}

export function pattern(code: PatternCode, studentId = 'S000', dates: string[] = ['2026-10-05']): Pattern {
  return {
    code,
    details: {},
    rule: 'test',
    summary: { ja: code, en: code },
    evidence: dates.map((date) => ({ kind: 'attendance', id: `${studentId}:${date}`, date })),
  };
}

/** What the attendance detectors may report for the sample (issue 3 and the sample's attendance). */
const SAMPLE_PATTERNS: Record<string, PatternCode[]> = {
  S001: ['regular'],
  S002: ['day_of_week_avoidance:mon', 'late_arrival'],
  S003: ['chronic_absence', 'severe_absence', 'futoko_threshold', 'non_attendance_streak', 'worsening', 'event_avoidance'],
  S004: ['nurse_office', 'worsening'],
  S005: ['late_arrival'],
  S006: ['chronic_absence', 'separate_room', 'improving'],
  S007: ['event_avoidance'],
  S008: ['separate_room'],
  S009: ['early_leave'],
  S010: [],
  S011: ['regular'],
  S012: ['online'],
};

export function samplePatterns(studentId: string): Pattern[] {
  return (SAMPLE_PATTERNS[studentId] ?? []).map((code) => pattern(code, studentId, ['2026-11-16', '2026-11-09', '2026-11-02', '2026-10-26']));
}

/** An empty year of one made-up student, with what a test sets. */
export function records(over: Partial<StudentRecords> = {}): StudentRecords {
  return {
    studentId: 'S900',
    enrolledOn: '2026-04-06',
    asOf: '2026-11-20',
    yearStart: '2026-04-06',
    lastRecorded: '2026-11-20',
    calendar: [],
    attendance: [],
    observations: [],
    environment: [],
    competencies: [],
    bigFive: [],
    plans: [],
    ...over,
  };
}
