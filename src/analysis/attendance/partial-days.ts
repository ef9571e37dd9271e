// late_arrival, early_leave, nurse_office, separate_room, online: frequent partial or alternative
// attendance. DOMAIN.md: nurse's-office, separate-room and online days can count as present and
// are steps on a ladder, not failures, so these patterns describe *how* a student attends, and
// their summaries stay neutral. What matters is whether they are frequent and which way they move.
//
// Frequent: 10% or more of recorded school days in the period with at least 5 such days (the
// same 10% line DOMAIN.md draws for chronic absence, about one day every two weeks), or, for
// something new, at least 5 such days and 15% of recorded days in the recent window (the last 30
// school days: roughly weekly or more over six weeks).
// Direction: "growing" when the recent share is at least 10 points above the earlier share, at
// least 1.5 times it, and the difference passes Fisher's exact test at p <= 0.05; "declining"
// likewise the other way. That lets staff say "nurse's-office days are growing".
import type { AttendanceStatus } from '../../domain/school.ts';
import type { Pattern, PatternCode } from '../types.ts';
import type { Series } from './series.ts';
import { hypergeometricUpperTail } from './stats.ts';
import { attendanceRef, percent, round } from './text.ts';

export const PARTIAL_SHARE = 0.1;
export const PARTIAL_RECENT_SHARE = 0.15;
export const PARTIAL_MIN_DAYS = 5;
const CHANGE_POINTS = 0.1;
const CHANGE_RATIO = 1.5;
const CHANGE_ALPHA = 0.05;
const MIN_COMPARE_DAYS = 10;

const KINDS: { status: AttendanceStatus; code: PatternCode; ja: string; en: string }[] = [
  { status: 'late', code: 'late_arrival', ja: '遅刻', en: 'late arrival' },
  { status: 'early_leave', code: 'early_leave', ja: '早退', en: 'early leaving' },
  { status: 'nurse_office', code: 'nurse_office', ja: '保健室登校', en: "nurse's-office attendance" },
  { status: 'separate_room', code: 'separate_room', ja: '別室登校', en: 'separate-room attendance' },
  { status: 'online', code: 'online', ja: 'オンライン参加', en: 'online attendance' },
];

export function detectPartialDays(s: Series, recentStart: number): Pattern[] {
  const patterns: Pattern[] = [];
  for (const kind of KINDS) {
    let count = 0;
    let recentCount = 0;
    let recentRecorded = 0;
    for (let i = 0; i < s.days.length; i++) {
      const st = s.status[i];
      if (st === undefined) continue;
      const recent = i >= recentStart;
      if (recent) recentRecorded++;
      if (st !== kind.status) continue;
      count++;
      if (recent) recentCount++;
    }
    const shareAll = s.recorded ? count / s.recorded : 0;
    const recentShare = recentRecorded ? recentCount / recentRecorded : 0;
    const frequent = count >= PARTIAL_MIN_DAYS && shareAll >= PARTIAL_SHARE;
    const recentlyFrequent = recentCount >= PARTIAL_MIN_DAYS && recentShare >= PARTIAL_RECENT_SHARE;
    if (!frequent && !recentlyFrequent) continue;

    const earlierRecorded = s.recorded - recentRecorded;
    const earlierCount = count - recentCount;
    const earlierShare = earlierRecorded ? earlierCount / earlierRecorded : 0;
    let change: 'growing' | 'declining' | 'steady' | 'unknown' = 'unknown';
    if (recentRecorded >= MIN_COMPARE_DAYS && earlierRecorded >= MIN_COMPARE_DAYS) {
      change = 'steady';
      const up = hypergeometricUpperTail(recentCount, s.recorded, count, recentRecorded);
      const down = hypergeometricUpperTail(earlierCount, s.recorded, count, earlierRecorded);
      if (recentShare - earlierShare >= CHANGE_POINTS && recentShare >= CHANGE_RATIO * earlierShare && up <= CHANGE_ALPHA) change = 'growing';
      else if (earlierShare - recentShare >= CHANGE_POINTS && earlierShare >= CHANGE_RATIO * recentShare && down <= CHANGE_ALPHA) change = 'declining';
    }
    const trendJa =
      change === 'growing'
        ? `最近の${recentRecorded}日のうち${recentCount}日と増えています（それ以前は ${earlierRecorded}日中 ${earlierCount}日）。`
        : change === 'declining'
          ? `最近の${recentRecorded}日のうち${recentCount}日と減っています（それ以前は ${earlierRecorded}日中 ${earlierCount}日）。`
          : '';
    const trendEn =
      change === 'growing'
        ? ` Growing: ${recentCount} of the last ${recentRecorded} recorded days, against ${earlierCount} of ${earlierRecorded} before.`
        : change === 'declining'
          ? ` Declining: ${recentCount} of the last ${recentRecorded} recorded days, against ${earlierCount} of ${earlierRecorded} before.`
          : '';
    const evidence = [];
    for (let i = 0; i < s.days.length; i++) if (s.status[i] === kind.status) evidence.push(attendanceRef(s.studentId, s.days[i]!, kind.status));
    patterns.push({
      code: kind.code,
      details: {
        count,
        share: round(shareAll),
        recordedDays: s.recorded,
        recentCount,
        recentDays: recentRecorded,
        recentShare: round(recentShare),
        earlierCount,
        earlierDays: earlierRecorded,
        earlierShare: round(earlierShare),
        change,
        growing: change === 'growing',
      },
      rule: `Frequent ${kind.en}: at least ${PARTIAL_MIN_DAYS} days and 10%+ of recorded school days this year, or at least ${PARTIAL_MIN_DAYS} days and 15%+ of recorded days in the last 30 school days. Growing/declining: recent vs earlier share differs by 10+ points and 1.5x, Fisher's exact p <= 0.05. Nurse's-office, separate-room and online days are steps on the attendance ladder, not absences (DOMAIN.md).`,
      summary: {
        ja: `${kind.ja}の日が${shareAll >= 0.5 ? '半分以上です' : '多めです'}（今年度 ${count}/${s.recorded}日、${percent(shareAll)}）。${trendJa}`,
        en: `${shareAll >= 0.5 ? 'Mostly' : 'Frequent'} ${kind.en}: ${count} of ${s.recorded} recorded days (${percent(shareAll)}).${trendEn}`,
      },
      evidence,
    });
  }
  return patterns;
}
