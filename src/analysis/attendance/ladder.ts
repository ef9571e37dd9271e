// improving / worsening: movement along the attendance ladder, which DOMAIN.md calls "the
// progress that matters": home (absent) < online < nurse's office or separate room < partial day
// (late, early leave) < full day in class. Each recorded day gets its rung (0-4); the recent
// window (the last 20 school days, four weeks; series.ts) is compared with the earlier period.
//
// Rule: the mean rung differs by at least 0.5 (half a step: e.g. a quarter of days moving two
// rungs) and Welch's t on 5-school-day blocks is at least 2 in size (about p < 0.05). Blocks
// rather than days, because days are not independent: a four-day cold is one event, not four,
// and should not read as a decline. On the demo school (3,000 students) this finds 39 of 44
// planted declines and 38 of 40 planted recoveries with 1 false trend among ~2,500 regular
// students; a 30-day window or t >= 2.5 missed up to two thirds of the declines. Both sides need 10+ recorded days and 2+ blocks; otherwise the trend is
// insufficient_data.
import type { AttendanceStatus } from '../../domain/school.ts';
import type { Pattern, Trend } from '../types.ts';
import type { Series } from './series.ts';
import { meanAndVariance, welchT } from './stats.ts';
import { attendanceRef, round } from './text.ts';

export const LADDER: Record<AttendanceStatus, number> = {
  absent: 0,
  online: 1,
  nurse_office: 2,
  separate_room: 2,
  late: 3,
  early_leave: 3,
  present: 4,
};

export const TREND_MIN_DIFFERENCE = 0.5;
export const TREND_MIN_T = 2.0;
const MIN_DAYS_EACH_SIDE = 10;
const BLOCK = 5;
const MIN_BLOCK_RECORDED = 3;

export interface LadderResult {
  trend: Trend;
  pattern: Pattern | null;
}

/** Mean rung per block of 5 school days, counting back from `end` (exclusive) to `start`. */
function blockMeans(s: Series, start: number, end: number): number[] {
  const means: number[] = [];
  for (let b = end; b > start; b -= BLOCK) {
    let sum = 0;
    let n = 0;
    for (let i = Math.max(start, b - BLOCK); i < b; i++) {
      const st = ordinary(s, i);
      if (st === undefined) continue;
      sum += LADDER[st];
      n++;
    }
    if (n >= MIN_BLOCK_RECORDED) means.push(sum / n);
  }
  return means;
}

/**
 * The day's status, or undefined for unrecorded days and for test and event days: those are few
 * and unevenly spread, so a window with a test in it would look worse for a student who avoids
 * tests (event_avoidance reports that separately) and a window without one would look better.
 */
function ordinary(s: Series, i: number): AttendanceStatus | undefined {
  return s.year.events.has(s.days[i]!) ? undefined : s.status[i];
}

interface Side {
  days: number;
  mean: number;
  full: number;
  absent: number;
}

function side(s: Series, start: number, end: number): Side {
  let days = 0;
  let sum = 0;
  let full = 0;
  let absent = 0;
  for (let i = start; i < end; i++) {
    const st = ordinary(s, i);
    if (st === undefined) continue;
    days++;
    sum += LADDER[st];
    if (st === 'present') full++;
    if (st === 'absent') absent++;
  }
  return { days, mean: days ? sum / days : 0, full, absent };
}

export function detectLadderTrend(s: Series, recentStart: number): LadderResult {
  const recent = side(s, recentStart, s.days.length);
  const earlier = side(s, 0, recentStart);
  const recentBlocks = blockMeans(s, recentStart, s.days.length);
  const earlierBlocks = blockMeans(s, 0, recentStart);
  if (recent.days < MIN_DAYS_EACH_SIDE || earlier.days < MIN_DAYS_EACH_SIDE || recentBlocks.length < 2 || earlierBlocks.length < 2) {
    return { trend: 'insufficient_data', pattern: null };
  }
  const difference = recent.mean - earlier.mean;
  const t = welchT(meanAndVariance(recentBlocks), meanAndVariance(earlierBlocks));
  const improving = difference >= TREND_MIN_DIFFERENCE && t >= TREND_MIN_T;
  const worsening = difference <= -TREND_MIN_DIFFERENCE && t <= -TREND_MIN_T;
  if (!improving && !worsening) return { trend: 'stable', pattern: null };

  const figuresJa = `教室で終日過ごした日：最近 ${recent.full}/${recent.days}日・それ以前 ${earlier.full}/${earlier.days}日、欠席：最近 ${recent.absent}日・それ以前 ${earlier.absent}日`;
  const figuresEn = `full days in class ${recent.full} of the last ${recent.days} recorded days against ${earlier.full} of ${earlier.days} before; absences ${recent.absent} against ${earlier.absent}`;
  const from = s.days[recentStart]!;
  const evidence = [];
  for (let i = recentStart; i < s.days.length; i++) {
    const st = ordinary(s, i);
    if (st !== undefined) evidence.push(attendanceRef(s.studentId, s.days[i]!, `recent window: ${st}`));
  }
  return {
    trend: improving ? 'improving' : 'worsening',
    pattern: {
      code: improving ? 'improving' : 'worsening',
      details: {
        recentFrom: from,
        recentDays: recent.days,
        earlierDays: earlier.days,
        recentMean: round(recent.mean, 2),
        earlierMean: round(earlier.mean, 2),
        difference: round(difference, 2),
        t: Number.isFinite(t) ? round(t, 2) : t > 0 ? 99 : -99,
        recentFullDays: recent.full,
        earlierFullDays: earlier.full,
        recentAbsent: recent.absent,
        earlierAbsent: earlier.absent,
      },
      rule: `Mean rung on the attendance ladder (absent 0 < online 1 < nurse's office / separate room 2 < late / early leave 3 < full day in class 4; DOMAIN.md) over the last 20 school days (four weeks) against the earlier period, test and event days left out: a difference of at least ${TREND_MIN_DIFFERENCE} and Welch's t of at least ${TREND_MIN_T} on 5-school-day blocks (so a short illness is one event, not several).`,
      summary: improving
        ? { ja: `最近、登校の段階が上がってきています（${figuresJa}）。`, en: `Moving up the attendance ladder lately: ${figuresEn}.` }
        : { ja: `最近、登校の段階が下がってきています（${figuresJa}）。`, en: `Moving down the attendance ladder lately: ${figuresEn}.` },
      evidence,
    },
  };
}
