// day_of_week_avoidance:<mon..fri>: absences or late arrivals concentrated on one weekday beyond
// what chance gives. Monday absences with Sunday-night distress are a classic sign of avoiding
// negative affect (Kearney's F1, DOMAIN.md), so this is worth catching early, but only when the
// data really say so.
//
// Test: for each weekday and each kind of event (absent; late; absent or late), Fisher's exact
// test (hypergeometric upper tail): given the student's total events over the eligible days, how
// likely is it that that weekday's days hold this many or more by chance? 5 weekdays x 3 kinds
// = 15 tests, so the threshold is Bonferroni's 0.05 / 15. On top of significance: at least 5
// events on that weekday and a rate at least twice that of the other weekdays. Why 5: a student
// with only 4 scattered lates or absences has them all on one weekday by pure chance about once
// in 125 (5 x 0.2^4), which in a school of hundreds is a false alarm every term; with 5 it is
// once in 625. Days inside a 5+ day absence run (streak.ts) are left out: a week
// away from school says nothing about which weekday the student avoids.
import { WEEKDAY_CODES, type Pattern } from '../types.ts';
import type { Series } from './series.ts';
import { hypergeometricUpperTail } from './stats.ts';
import { attendanceRef, EN_WEEKDAYS, JA_WEEKDAYS } from './text.ts';

type Basis = 'absent' | 'late' | 'absent_or_late';
// On equal evidence the specific kind wins, so the summary says "late" when there were only lates.
const BASES: Basis[] = ['absent', 'late', 'absent_or_late'];
export const WEEKDAY_ALPHA = 0.05 / (5 * BASES.length);
export const WEEKDAY_MIN_EVENTS = 5;
export const WEEKDAY_MIN_RATIO = 2;

const isEvent = (basis: Basis, st: string | undefined) =>
  basis === 'absent' ? st === 'absent' : basis === 'late' ? st === 'late' : st === 'absent' || st === 'late';

export function detectDayOfWeek(s: Series, excluded: readonly boolean[]): Pattern[] {
  // Per weekday (1..5): eligible days, absences, lates.
  const days = [0, 0, 0, 0, 0, 0];
  const absent = [0, 0, 0, 0, 0, 0];
  const late = [0, 0, 0, 0, 0, 0];
  for (let i = 0; i < s.days.length; i++) {
    const st = s.status[i];
    if (st === undefined || excluded[i]) continue;
    const w = s.weekdays[i]!;
    days[w]!++;
    if (st === 'absent') absent[w]!++;
    else if (st === 'late') late[w]!++;
  }
  const total = sum(days);
  const totalAbsent = sum(absent);
  const totalLate = sum(late);
  const events = (basis: Basis, w: number) => (basis === 'absent' ? absent[w]! : basis === 'late' ? late[w]! : absent[w]! + late[w]!);
  const totalEvents = (basis: Basis) => (basis === 'absent' ? totalAbsent : basis === 'late' ? totalLate : totalAbsent + totalLate);

  const patterns: Pattern[] = [];
  for (let w = 1; w <= 5; w++) {
    let best: { basis: Basis; p: number } | undefined;
    for (const basis of BASES) {
      const k = events(basis, w);
      const n = days[w]!;
      const K = totalEvents(basis);
      if (k < WEEKDAY_MIN_EVENTS || n === 0) continue;
      const otherRate = total - n > 0 ? (K - k) / (total - n) : 0;
      if (k / n < WEEKDAY_MIN_RATIO * otherRate) continue;
      const p = hypergeometricUpperTail(k, total, K, n);
      if (p <= WEEKDAY_ALPHA && (!best || p < best.p)) best = { basis, p };
    }
    if (!best) continue;
    const { basis, p } = best;
    const code = WEEKDAY_CODES[w - 1]!;
    const n = days[w]!;
    const otherDays = total - n;
    const otherAbsent = totalAbsent - absent[w]!;
    const otherLate = totalLate - late[w]!;
    const ja = JA_WEEKDAYS[w]!;
    const en = EN_WEEKDAYS[w]!;
    const summary =
      basis === 'absent'
        ? {
            ja: `${ja}曜日の欠席が目立ちます（${ja}曜 ${absent[w]}/${n}日欠席、他の曜日は ${otherAbsent}/${otherDays}日）。`,
            en: `Absences cluster on ${en}s (absent ${absent[w]} of ${n} ${en}s; ${otherAbsent} of ${otherDays} other days).`,
          }
        : basis === 'late'
          ? {
              ja: `${ja}曜日の遅刻が目立ちます（${ja}曜 ${late[w]}/${n}日遅刻、他の曜日は ${otherLate}/${otherDays}日）。`,
              en: `Late arrivals cluster on ${en}s (late ${late[w]} of ${n} ${en}s; ${otherLate} of ${otherDays} other days).`,
            }
          : {
              ja: `${ja}曜日の欠席・遅刻が目立ちます（${ja}曜 ${n}日中 欠席${absent[w]}日・遅刻${late[w]}日、他の曜日は ${otherDays}日中 欠席${otherAbsent}日・遅刻${otherLate}日）。`,
              en: `Absences and late arrivals cluster on ${en}s (${en}s: ${absent[w]} absent and ${late[w]} late of ${n}; other days: ${otherAbsent} absent and ${otherLate} late of ${otherDays}).`,
            };
    const evidence = [];
    for (let i = 0; i < s.days.length; i++) {
      if (s.weekdays[i] !== w || excluded[i] || !isEvent(basis, s.status[i])) continue;
      evidence.push(attendanceRef(s.studentId, s.days[i]!, `${s.status[i] === 'late' ? 'late' : 'absent'} on a ${en}`));
    }
    patterns.push({
      code: `day_of_week_avoidance:${code}`,
      details: {
        weekday: code,
        basis,
        days: n,
        absent: absent[w]!,
        late: late[w]!,
        otherDays,
        otherAbsent,
        otherLate,
        pValue: Number(p.toPrecision(3)),
        alpha: Number(WEEKDAY_ALPHA.toPrecision(3)),
      },
      rule: `Absences, late arrivals, or both together fall on one weekday more than chance allows: Fisher's exact test (hypergeometric tail) per weekday and kind, p <= 0.05/15 (Bonferroni over 5 weekdays x 3 kinds), at least ${WEEKDAY_MIN_EVENTS} such days and at least twice the other weekdays' rate. Days inside 5+ day absence runs are left out. Monday-centred avoidance with Sunday-night distress suggests F1 (Kearney, DOMAIN.md).`,
      summary,
      evidence,
    });
  }
  return patterns;
}

function sum(values: readonly number[]): number {
  let t = 0;
  for (const v of values) t += v;
  return t;
}
