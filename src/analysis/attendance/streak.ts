// non_attendance_streak: 5 or more consecutive school days absent, i.e. a whole school week.
// Kearney (2008, DOMAIN.md) treats severe difficulty attending for two weeks or more as
// problematic; one full week is the earliest point a team should notice (MEXT: catch small
// signals early). "Consecutive" counts school days only: a weekend, holiday or break in between
// does not break a run. An unrecorded day neither breaks a run nor lengthens it (we do not know
// what happened), but more than five unrecorded school days in a row (a whole week unknown) do
// break it, since continuity can no longer be claimed.
import type { Pattern } from '../types.ts';
import type { Series } from './series.ts';
import { attendanceRef, enDate, jaDate } from './text.ts';

export const STREAK_MIN_DAYS = 5;
const MAX_UNRECORDED_GAP = 5;

export interface AbsenceRun {
  /** Indices into the series' days of the first and last absent day. */
  start: number;
  end: number;
  /** Absent days in the run (unrecorded days inside are not counted). */
  length: number;
  unrecordedInside: number;
  /** True when nothing but absences (or a short gap) follows it up to the last recorded day. */
  ongoing: boolean;
}

/** Every run of STREAK_MIN_DAYS or more absent school days, in order. */
export function absenceRuns(s: Series): AbsenceRun[] {
  const runs: AbsenceRun[] = [];
  let start = -1;
  let end = -1;
  let length = 0;
  let gap = 0;
  let unrecordedInside = 0;
  const close = (ongoing: boolean) => {
    if (length >= STREAK_MIN_DAYS) runs.push({ start, end, length, unrecordedInside, ongoing });
    start = -1;
    length = 0;
    gap = 0;
    unrecordedInside = 0;
  };
  for (let i = 0; i < s.days.length; i++) {
    const st = s.status[i];
    if (st === 'absent') {
      if (start < 0) start = i;
      else unrecordedInside += gap;
      end = i;
      length++;
      gap = 0;
    } else if (st === undefined) {
      if (start >= 0 && ++gap > MAX_UNRECORDED_GAP) close(false);
    } else if (start >= 0) close(false);
  }
  if (start >= 0) close(true);
  return runs;
}

/** Reports the ongoing run if there is one, otherwise the longest (the latest of equals). */
export function detectStreak(s: Series, runs: readonly AbsenceRun[]): Pattern | null {
  if (runs.length === 0) return null;
  const pick = runs.find((r) => r.ongoing) ?? runs.reduce((best, r) => (r.length >= best.length ? r : best));
  const since = s.days[pick.start]!;
  const until = s.days[pick.end]!;
  const longest = Math.max(...runs.map((r) => r.length));
  const evidence = [];
  for (let i = pick.start; i <= pick.end; i++) if (s.status[i] === 'absent') evidence.push(attendanceRef(s.studentId, s.days[i]!, 'absent, part of a run'));
  return {
    code: 'non_attendance_streak',
    details: {
      since,
      until,
      length: pick.length,
      ongoing: pick.ongoing,
      unrecordedInside: pick.unrecordedInside,
      runsThisYear: runs.length,
      longest,
      threshold: STREAK_MIN_DAYS,
    },
    rule: 'Absent 5 or more consecutive school days (a whole school week). Weekends, holidays and breaks do not break a run; unrecorded days neither break nor lengthen it, up to 5 in a row. Kearney (2008, DOMAIN.md) counts severe difficulty attending for 2+ weeks as problematic; one week is the early signal.',
    summary: pick.ongoing
      ? {
          ja: `${jaDate(since)}から欠席が続いています（${pick.length}日連続、現在も継続中）。`,
          en: `Absent every school day since ${enDate(since)} (${pick.length} school days in a row, still going).`,
        }
      : {
          ja: `${jaDate(since)}から${jaDate(until)}まで${pick.length}日連続で欠席しました。`,
          en: `Absent ${pick.length} school days in a row from ${enDate(since)} to ${enDate(until)}.`,
        },
    evidence,
  };
}

/** Marks the days inside runs, so avoidance tests can leave them out. */
export function daysInRuns(s: Series, runs: readonly AbsenceRun[]): boolean[] {
  const inRun = new Array<boolean>(s.days.length).fill(false);
  for (const r of runs) for (let i = r.start; i <= r.end; i++) inRun[i] = true;
  return inRun;
}
