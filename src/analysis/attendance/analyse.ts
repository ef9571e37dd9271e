// analyseAttendance: one student's attendance this school year as patterns with stable codes
// (issue 3), the trend on the attendance ladder, counts and the absence rate. Pure and
// deterministic; the school-day list is computed once per calendar (school-year.ts) and every
// detector is a single pass over the student's days, so a school of 1,000 stays well under 1 s.
import type { AttendanceAnalysis, Pattern, PatternCode, StudentRecords } from '../types.ts';
import { detectAbsenceRate } from './absence-rate.ts';
import { detectDayOfWeek } from './day-of-week.ts';
import { detectEventAvoidance } from './event-days.ts';
import { detectFutokoProjection, detectFutokoThreshold } from './futoko.ts';
import { detectLadderTrend } from './ladder.ts';
import { detectPartialDays } from './partial-days.ts';
import { buildSeries, RECENT_SCHOOL_DAYS, recentStart as windowStart, TREND_SCHOOL_DAYS, type Series } from './series.ts';
import { absenceRuns, daysInRuns, detectStreak } from './streak.ts';
import { attendanceRef, percent, round } from './text.ts';

/**
 * Fewer recorded school days than this (three school weeks) is too little to judge: the status
 * is insufficient_data and no pattern is reported, so a student enrolled a fortnight ago, or the
 * first fortnight of the year, never raises an alarm from a handful of days (issue 3). At 15
 * days a single absence is already 6.7%, so rates below that would swing on one cold.
 */
export const MIN_RECORDED_DAYS = 15;

/** Patterns that call for attention; `improving` and `regular` do not. */
export const ALARM_CODES: ReadonlySet<string> = new Set<PatternCode>([
  'chronic_absence',
  'severe_absence',
  'futoko_threshold',
  'futoko_projection',
  'non_attendance_streak',
  'event_avoidance',
  'worsening',
]);

export function isAlarmPattern(code: PatternCode): boolean {
  return ALARM_CODES.has(code) || code.startsWith('day_of_week_avoidance:');
}

export function analyseAttendance(records: StudentRecords): AttendanceAnalysis {
  const s = buildSeries(records);
  const base = {
    from: s.from,
    to: s.to,
    schoolDays: s.days.length,
    counts: s.counts,
    absenceRate: s.recorded ? round(s.counts.absent / s.recorded, 4) : null,
  };
  if (s.recorded < MIN_RECORDED_DAYS) return { status: 'insufficient_data', ...base, patterns: [], trend: 'insufficient_data' };

  const recentStart = windowStart(s, RECENT_SCHOOL_DAYS);
  const runs = absenceRuns(s);
  const inRuns = daysInRuns(s, runs);
  const ladder = detectLadderTrend(s, windowStart(s, TREND_SCHOOL_DAYS));
  const patterns: Pattern[] = [];
  const add = (p: Pattern | null) => p && patterns.push(p);
  add(detectFutokoThreshold(s));
  add(detectFutokoProjection(s, recentStart));
  add(detectAbsenceRate(s));
  add(detectStreak(s, runs));
  patterns.push(...detectDayOfWeek(s, inRuns));
  add(detectEventAvoidance(s, inRuns));
  if (ladder.trend === 'worsening') add(ladder.pattern);
  patterns.push(...detectPartialDays(s, recentStart));
  if (ladder.trend === 'improving') add(ladder.pattern);
  if (patterns.every((p) => p.code === 'improving')) patterns.push(regular(s));
  return { status: 'ok', ...base, patterns, trend: ladder.trend };
}

/** Nothing of concern: no alarm and no frequent partial or alternative attendance. */
function regular(s: Series): Pattern {
  const absent = s.counts.absent;
  const rate = absent / s.recorded;
  const evidence = [];
  for (let i = 0; i < s.days.length; i++) {
    const st = s.status[i];
    if (st !== undefined && st !== 'present') evidence.push(attendanceRef(s.studentId, s.days[i]!, `one of few exceptions: ${st}`));
  }
  return {
    code: 'regular',
    details: { absent, rate: round(rate), recordedDays: s.recorded, schoolDays: s.days.length, unrecordedDays: s.days.length - s.recorded },
    rule: 'No pattern of concern over at least 15 recorded school days: absence below 10% (Attendance Works, DOMAIN.md), no 5+ day absence run, no weekday or event-day concentration, no frequent partial or alternative attendance, no downward move on the attendance ladder.',
    summary: {
      ja: `登校は安定しています（今年度の欠席 ${absent}/${s.recorded}日、${percent(rate)}）。`,
      en: `Attending regularly (absent ${absent} of ${s.recorded} recorded days this year, ${percent(rate)}).`,
    },
    evidence,
  };
}
