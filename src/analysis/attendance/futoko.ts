// futoko_threshold and futoko_projection (DOMAIN.md, MEXT): a student absent 30 or more days in
// a school year counts as futoko when the reasons are psychological, emotional, physical or
// social (illness and economic reasons excluded). The register here does not carry the reason,
// so every recorded absence is counted and the wording asks staff to check the reasons.
import type { Pattern } from '../types.ts';
import type { Series } from './series.ts';
import { upperBound } from './school-year.ts';
import { wilsonLower } from './stats.ts';
import { attendanceRef, enDate, jaDate, percent, round } from './text.ts';

export const FUTOKO_DAYS = 30;
/** The recent window must hold at least this many recorded days to set the pace. */
const MIN_RECENT_RECORDED = 10;

export function detectFutokoThreshold(s: Series): Pattern | null {
  const absent = s.counts.absent;
  if (absent < FUTOKO_DAYS) return null;
  const absences = s.days.filter((_, i) => s.status[i] === 'absent');
  const reached = absences[FUTOKO_DAYS - 1]!;
  return {
    code: 'futoko_threshold',
    details: { absent, threshold: FUTOKO_DAYS, reachedOn: reached, from: s.from, to: s.to },
    rule: 'Absent 30 or more days this school year: MEXT futoko threshold (DOMAIN.md). MEXT excludes illness and economic reasons; the register does not say why, so all absences are counted and staff confirm the reasons.',
    summary: {
      ja: `今年度の欠席が${absent}日になり、不登校の目安（年間30日以上、文部科学省）に達しています（${jaDate(reached)}に30日目）。病気による欠席かどうかは確認が必要です。`,
      en: `${absent} days absent this school year, at or over MEXT's futoko mark of 30 days (the 30th was on ${enDate(reached)}). Whether any were for illness needs checking.`,
    },
    evidence: absences.map((d) => attendanceRef(s.studentId, d, 'absent')),
  };
}

/**
 * Below 30 now, but the current pace reaches 30 before the year ends. The pace is the absence
 * rate over the recent window (the last 30 school days, see series.ts) when it has at least 10
 * recorded days, otherwise over the whole period: a student who has recovered should not be
 * projected on the months before, and one who has just started missing school should.
 * The rule fires only if even a cautious pace gets there: the lower end of the 95% Wilson
 * interval of that rate. Otherwise one week of flu in May, stretched over the ten months left,
 * projects futoko: on a simulated school of 2,000 at the end of May, the plain rate flagged 3%
 * of students who simply attend, the cautious one 0.1%. The projected date uses the measured pace.
 */
export function detectFutokoProjection(s: Series, recentStart: number): Pattern | null {
  const absent = s.counts.absent;
  if (absent >= FUTOKO_DAYS || s.recorded === 0) return null;
  let recentRecorded = 0;
  let recentAbsent = 0;
  for (let i = recentStart; i < s.days.length; i++) {
    if (s.status[i] === undefined) continue;
    recentRecorded++;
    if (s.status[i] === 'absent') recentAbsent++;
  }
  const yearRate = absent / s.recorded;
  const useRecent = recentRecorded >= MIN_RECENT_RECORDED;
  const pace = useRecent ? recentAbsent / recentRecorded : yearRate;
  const cautious = useRecent ? wilsonLower(recentAbsent, recentRecorded) : wilsonLower(absent, s.recorded);
  if (pace <= 0 || cautious <= 0) return null;

  // School days still to come: the calendar's school days after the last recorded day up to
  // March 24, less the usual breaks and national holidays the calendar does not list
  // (assumed-closures.ts).
  const { year } = s;
  const first = upperBound(year.days, s.to);
  const last = upperBound(year.days, year.yearEnd);
  const remaining: string[] = [];
  for (let i = first; i < last; i++) if (year.projected[i]) remaining.push(year.days[i]!);
  const needed = FUTOKO_DAYS - absent;
  if (Math.ceil(needed / cautious - 1e-9) > remaining.length) return null;
  const daysToReach = Math.ceil(needed / pace - 1e-9);
  const projectedDate = remaining[daysToReach - 1]!;
  const projectedTotal = Math.min(absent + pace * remaining.length, absent + remaining.length);
  const recentAbsences = s.days.slice(recentStart).filter((_, k) => s.status[recentStart + k] === 'absent');
  return {
    code: 'futoko_projection',
    details: {
      absent,
      threshold: FUTOKO_DAYS,
      pace: round(pace),
      cautiousPace: round(cautious),
      paceBasis: useRecent ? 'recent_30_school_days' : 'school_year',
      yearRate: round(yearRate),
      remainingSchoolDays: remaining.length,
      yearEnd: year.yearEnd,
      projectedDate,
      projectedTotal: Math.round(projectedTotal),
    },
    rule: 'Fewer than 30 absences so far, but at the current pace (absence rate over the last 30 school days, or the year so far when fewer than 10 of those are recorded) the MEXT futoko mark of 30 days (DOMAIN.md) is reached before the school year ends, even at a cautious pace (lower end of the 95% Wilson interval of that rate); the projected date uses the measured pace. Remaining school days: the calendar\'s, up to an assumed year end of March 24, less the usual summer (7/21-8/31) and winter (12/25-1/7) breaks when the calendar has none, and national holidays after its last entry.',
    summary: {
      ja: `今のペース（欠席率 ${percent(pace)}）が続くと、${jaDate(projectedDate)}ごろに今年度の欠席が30日に達する見込みです（現在 ${absent}日）。`,
      en: `At the current pace (absent ${percent(pace)} of days), absences would reach 30 around ${enDate(projectedDate)} (now ${absent}).`,
    },
    evidence: (useRecent ? recentAbsences : s.days.filter((_, i) => s.status[i] === 'absent')).map((d) => attendanceRef(s.studentId, d, 'absent')),
  };
}
