// event_avoidance: absences concentrated on the calendar's test and event days. Missing tests,
// presentations and events points to escaping evaluative or social situations (Kearney's F2,
// DOMAIN.md), so, as for weekdays, it must rest on more than coincidence.
//
// Test: Fisher's exact test (hypergeometric upper tail) of the absences on test/event days given
// the student's absences over all eligible days, p <= 0.01 (one test per student, but a school
// runs it over hundreds of students and the reading colours how staff see a student), with at
// least 3 absences on such days, on at least 3 separate occasions (a run of consecutive test or
// event days, e.g. a two-day test or three days of work experience, is one occasion), and a
// rate at least twice that of other days. The occasions rule is there because absences come in
// spells: one three-day cold that happens to cover the three days of work experience is not a
// pattern, and on a simulated school of 3,000 it was the main source of false alarms. Days inside a 5+
// day absence run (streak.ts) are left out, as they say nothing about the event. Absences on the
// school day before a test are reported as supporting evidence (dread the night before) but do
// not enter the test, so the rule stays one clean comparison.
import type { EvidenceRef, Pattern } from '../types.ts';
import type { Series } from './series.ts';
import { hypergeometricUpperTail } from './stats.ts';
import { attendanceRef } from './text.ts';

export const EVENT_ALPHA = 0.01;
export const EVENT_MIN_ABSENCES = 3;
export const EVENT_MIN_OCCASIONS = 3;
export const EVENT_MIN_RATIO = 2;

export function detectEventAvoidance(s: Series, excluded: readonly boolean[]): Pattern | null {
  const { events } = s.year;
  if (events.size === 0) return null;
  let total = 0;
  let totalAbsent = 0;
  let testDays = 0;
  let testAbsent = 0;
  let eventDays = 0;
  let eventAbsent = 0;
  let beforeDays = 0;
  let beforeAbsent = 0;
  const occasions = new Set<number>();
  const evidence: EvidenceRef[] = [];
  const supporting: EvidenceRef[] = [];
  for (let i = 0; i < s.days.length; i++) {
    const st = s.status[i];
    if (st === undefined || excluded[i]) continue;
    const date = s.days[i]!;
    const absent = st === 'absent';
    total++;
    if (absent) totalAbsent++;
    const entries = events.get(date);
    if (entries) {
      const isTest = entries.some((e) => e.kind === 'test');
      if (isTest) {
        testDays++;
        if (absent) testAbsent++;
      } else {
        eventDays++;
        if (absent) eventAbsent++;
      }
      if (absent) {
        occasions.add(occasionOf(s, i));
        const label = entries.map((e) => e.label).join(' / ');
        evidence.push(attendanceRef(s.studentId, date, `absent on ${isTest ? 'a test day' : 'an event day'}: ${label}`));
        for (const e of entries) evidence.push({ kind: 'calendar', id: `${e.date}:${e.kind}`, date: e.date, note: e.label });
      }
      continue;
    }
    // The next school day of the year (the calendar's, not only this student's period).
    const next = s.year.days[s.offset + i + 1];
    if (next && events.get(next)?.some((e) => e.kind === 'test')) {
      beforeDays++;
      if (absent) {
        beforeAbsent++;
        supporting.push(attendanceRef(s.studentId, date, 'absent on the school day before a test'));
      }
    }
  }
  const n = testDays + eventDays;
  const k = testAbsent + eventAbsent;
  if (k < EVENT_MIN_ABSENCES || occasions.size < EVENT_MIN_OCCASIONS) return null;
  const otherDays = total - n;
  const otherAbsent = totalAbsent - k;
  if (k / n < EVENT_MIN_RATIO * (otherDays > 0 ? otherAbsent / otherDays : 0)) return null;
  const p = hypergeometricUpperTail(k, total, totalAbsent, n);
  if (p > EVENT_ALPHA) return null;

  const before = beforeAbsent > 0 ? { ja: `テスト前日の欠席も${beforeAbsent}回あります。`, en: ` Also absent on ${beforeAbsent} of ${beforeDays} days before a test.` } : { ja: '', en: '' };
  return {
    code: 'event_avoidance',
    details: {
      eventDays: n,
      eventAbsent: k,
      testDays,
      testAbsent,
      occasionsMissed: occasions.size,
      otherEventDays: eventDays,
      otherEventAbsent: eventAbsent,
      otherDays,
      otherAbsent,
      dayBeforeTestDays: beforeDays,
      dayBeforeTestAbsent: beforeAbsent,
      pValue: Number(p.toPrecision(3)),
      alpha: EVENT_ALPHA,
    },
    rule: `Absences fall on the calendar's test and event days more than chance allows: Fisher's exact test (hypergeometric tail), p <= ${EVENT_ALPHA}, at least ${EVENT_MIN_ABSENCES} such absences on ${EVENT_MIN_OCCASIONS}+ separate occasions (consecutive test/event days are one occasion), and at least twice the rate of other days; days inside 5+ day absence runs left out. Absences the day before a test are supporting evidence only. Avoiding tests and events suggests F2, escaping evaluative or social situations (Kearney, DOMAIN.md).`,
    summary: {
      ja: `テストや行事の日に欠席が集中しています（テスト・行事の日 ${k}/${n}日欠席、その他の日は ${otherAbsent}/${otherDays}日）。${before.ja}`,
      en: `Absences cluster on test and event days (absent ${k} of ${n} such days; ${otherAbsent} of ${otherDays} other days).${before.en}`,
    },
    evidence: [...evidence, ...supporting],
  };
}

/** An id for the occasion a test/event day belongs to: the year index of its run's first day. */
function occasionOf(s: Series, i: number): number {
  let y = s.offset + i;
  while (y > 0 && s.year.events.has(s.year.days[y - 1]!)) y--;
  return y;
}
