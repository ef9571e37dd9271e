// chronic_absence and severe_absence (DOMAIN.md, Attendance Works): missing 10% or more of school
// days is chronic absence, 20% or more severe. All absences count, whatever the reason. Severe
// replaces chronic rather than adding to it: severe is the higher band of the same measure, and
// one pattern per measure keeps summaries short; consumers that want "chronic or worse" test for
// either code (tier.ts does, through the rate).
import type { Pattern } from '../types.ts';
import type { Series } from './series.ts';
import { attendanceRef, percent, round } from './text.ts';

export const CHRONIC_RATE = 0.1;
export const SEVERE_RATE = 0.2;

export function detectAbsenceRate(s: Series): Pattern | null {
  const absent = s.counts.absent;
  const rate = s.recorded ? absent / s.recorded : 0;
  if (rate < CHRONIC_RATE) return null;
  const severe = rate >= SEVERE_RATE;
  const evidence = s.days.flatMap((d, i) => (s.status[i] === 'absent' ? [attendanceRef(s.studentId, d, 'absent')] : []));
  const figures = `${absent}/${s.recorded}`;
  return {
    code: severe ? 'severe_absence' : 'chronic_absence',
    details: { rate: round(rate), absent, recordedDays: s.recorded, schoolDays: s.days.length, threshold: severe ? SEVERE_RATE : CHRONIC_RATE, from: s.from, to: s.to },
    rule: severe
      ? 'Absent on 20% or more of recorded school days this school year: severe chronic absence (Attendance Works, DOMAIN.md). All absences count; unrecorded days are left out of the denominator.'
      : 'Absent on 10% or more of recorded school days this school year: chronic absence (Attendance Works, DOMAIN.md). All absences count; unrecorded days are left out of the denominator.',
    summary: severe
      ? {
          ja: `今年度の欠席が多い状態です（欠席 ${figures}日、${percent(rate)}）。欠席率20%以上は深刻な欠席の目安です。`,
          en: `Absent on ${percent(rate)} of school days this year (${absent} of ${s.recorded}): severe chronic absence (20% or more).`,
        }
      : {
          ja: `今年度の欠席が目立ってきています（欠席 ${figures}日、${percent(rate)}）。欠席率10%以上は慢性的な欠席の目安です。`,
          en: `Absent on ${percent(rate)} of school days this year (${absent} of ${s.recorded}): chronic absence (10% or more).`,
        },
    evidence,
  };
}
