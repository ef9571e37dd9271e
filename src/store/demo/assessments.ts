// Big Five (May), competencies rated by self, peer and teacher (June) and the environment survey
// with the Q-U group (June and November), on the sample export's dates and scales. Scores lean
// mildly with a student's profile - DOMAIN.md: personality explains only 6-12% of absence - so a
// Monday-avoidance student tends towards higher neuroticism, a night-gaming one towards lower
// conscientiousness and irregular sleep, but the overlap with everyone else stays large.
import { addDays } from '../../domain/dates.ts';
import type { QuGroup, Rater } from '../../domain/school.ts';
import type { DemoCalendar } from './calendar.ts';
import type { KearneyFunction, Profile } from './profiles.ts';
import { streamFor, type Random } from './random.ts';
import type { DemoStudent } from './students.ts';

export const BIG_FIVE_INSTRUMENT = 'BIG5-short-ja';
/** The sample export's competency names. */
export const COMPETENCIES = ['resilience', 'collaboration', 'self_efficacy', 'curiosity', 'emotional_regulation', 'communication'] as const;
const RATERS: readonly Rater[] = ['self', 'peer', 'teacher'];

export interface BigFiveRow {
  studentId: string;
  assessedOn: string;
  instrument: string;
  openness: number;
  conscientiousness: number;
  extraversion: number;
  agreeableness: number;
  neuroticism: number;
}
export interface CompetencyRow {
  studentId: string;
  assessedOn: string;
  competency: string;
  score: number;
  rater: Rater;
}
export interface EnvironmentRow {
  studentId: string;
  assessedOn: string;
  factor: string;
  value: string;
  note: string;
}

export interface AssessmentDates {
  bigFive: string;
  competencies: string;
  environment: string[];
}

/** The nth given weekday of a month, moved to the next school day if the school is closed. */
function schoolDayNear(calendar: DemoCalendar, year: number, month: number, dow: number, n: number): string {
  let d = `${year}-${String(month).padStart(2, '0')}-01`;
  let seen = 0;
  for (;;) {
    if (new Date(`${d}T00:00:00Z`).getUTCDay() === dow && ++seen === n) break;
    d = addDays(d, 1);
  }
  while (!calendar.isSchoolDay(d)) d = addDays(d, 1);
  return d;
}

export function assessmentDates(calendar: DemoCalendar): AssessmentDates {
  const y = calendar.schoolYear;
  return {
    bigFive: schoolDayNear(calendar, y, 5, 5, 3),
    competencies: schoolDayNear(calendar, y, 6, 5, 1),
    environment: [schoolDayNear(calendar, y, 6, 3, 2), schoolDayNear(calendar, y, 11, 3, 2)],
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const oneDecimal = (v: number) => Math.round(clamp(v, 1, 5) * 10) / 10;
const has = (p: Profile, f: KearneyFunction) => p.functions.includes(f);

export function bigFive(seed: number, s: DemoStudent, p: Profile, on: string): BigFiveRow {
  const rng = streamFor(seed, 'big5', s.id);
  const shift = { o: 0, c: 0, e: 0, a: 0, n: p.serious ? 0.2 : 0 };
  if (has(p, 'F1')) Object.assign(shift, { n: shift.n + 0.8, e: shift.e - 0.3 });
  if (has(p, 'F2')) Object.assign(shift, { n: shift.n + 0.6, e: shift.e - 0.7, a: shift.a + 0.1 });
  if (has(p, 'F3')) Object.assign(shift, { n: shift.n + 0.3, a: shift.a + 0.2, c: shift.c - 0.2 });
  if (has(p, 'F4')) Object.assign(shift, { c: shift.c - 0.8, o: shift.o + 0.2, n: shift.n - 0.1 });
  const trait = (delta: number) => oneDecimal(rng.normal(3.3 + delta, 0.55));
  return {
    studentId: s.id,
    assessedOn: on,
    instrument: BIG_FIVE_INSTRUMENT,
    openness: trait(shift.o),
    conscientiousness: trait(shift.c),
    extraversion: trait(shift.e),
    agreeableness: trait(shift.a),
    neuroticism: trait(shift.n),
  };
}

function competencyShift(p: Profile, name: (typeof COMPETENCIES)[number]): number {
  let d = 0;
  if (has(p, 'F1') && (name === 'emotional_regulation' || name === 'resilience')) d -= 0.6;
  if (has(p, 'F2') && (name === 'communication' || name === 'self_efficacy')) d -= 0.7;
  if (has(p, 'F3') && name === 'collaboration') d += 0.3;
  if (has(p, 'F4') && name === 'curiosity') d += 0.5;
  return d;
}

export function competencies(seed: number, s: DemoStudent, p: Profile, on: string): CompetencyRow[] {
  const rng = streamFor(seed, 'competencies', s.id);
  // Every student has a strength to build on (DOMAIN.md: a support plan starts from strengths).
  const strength = rng.pick(COMPETENCIES);
  const rows: CompetencyRow[] = [];
  for (const name of COMPETENCIES) {
    const level = rng.normal(3.2, 0.6) + competencyShift(p, name) + (name === strength ? 0.9 : 0);
    for (const rater of RATERS) {
      // Anxious students rate themselves lower than others see them.
      const bias = rater === 'self' && (has(p, 'F1') || has(p, 'F2')) ? -0.4 : 0;
      const noise = rater === 'peer' ? 0.8 : rater === 'self' ? 0.6 : 0.5;
      rows.push({ studentId: s.id, assessedOn: on, competency: name, score: Math.round(clamp(rng.normal(level + bias, noise), 1, 5)), rater });
    }
  }
  return rows;
}

interface Survey {
  family_support: number;
  peer_relations: number;
  psychological_safety: number;
  teacher_relationship: number;
  sleep_regularity: number;
}

function surveyShift(p: Profile, round: number): Survey {
  const s: Survey = { family_support: 0, peer_relations: 0, psychological_safety: 0, teacher_relationship: 0, sleep_regularity: 0 };
  if (has(p, 'F1')) Object.assign(s, { psychological_safety: -1, sleep_regularity: -0.5 });
  if (has(p, 'F2')) Object.assign(s, { peer_relations: -1.5, psychological_safety: -1 });
  if (has(p, 'F3')) s.family_support -= 1.2;
  if (has(p, 'F4')) Object.assign(s, { sleep_regularity: -2.2, family_support: -0.8 });
  if (p.kind === 'futoko') s.teacher_relationship -= 0.5;
  // The worsening student's trouble is recent; the improving student's eases by the autumn.
  if (p.kind === 'worsening' && round === 0) Object.assign(s, { peer_relations: 0, psychological_safety: 0 });
  if (p.kind === 'improving' && round === 1) Object.assign(s, { peer_relations: -0.3, psychological_safety: 0 });
  if (p.safeguarding === 'bruise') s.family_support -= 2;
  if (p.safeguarding === 'disappear') Object.assign(s, { peer_relations: s.peer_relations - 1.2, psychological_safety: s.psychological_safety - 1 });
  return s;
}

function quGroup(rng: Random, p: Profile, v: Survey, round: number): QuGroup {
  if (p.safeguarding === 'disappear' || (p.kind === 'worsening' && round === 1)) return 'harmed';
  if (p.kind === 'futoko' || p.kind === 'separate_room' || (p.kind === 'improving' && round === 0)) return rng.chance(0.7) ? 'needs_support' : 'dissatisfied';
  if (v.peer_relations <= 2) return 'harmed';
  if (v.psychological_safety <= 2) return 'not_recognized';
  if (v.family_support <= 2 || v.teacher_relationship <= 2 || v.sleep_regularity <= 1) return 'dissatisfied';
  return rng.weighted<QuGroup>([['satisfied', 0.7], ['not_recognized', 0.14], ['dissatisfied', 0.1], ['harmed', 0.06]]);
}

/** Free-text answers in the survey, for the cases where a student would write one. */
const NOTES: Partial<Record<Profile['kind'], [keyof Survey, string]>> = {
  futoko: ['sleep_regularity', '自由記述: 朝になると体が動かない'],
  separate_room: ['peer_relations', '自由記述: 教室は人が多くて疲れる'],
  nurse_office: ['peer_relations', '自由記述: 班活動がつらい'],
  worsening: ['peer_relations', '自由記述: 最近友達といても楽しくない'],
  night_lateness: ['sleep_regularity', '自由記述: 寝るのはだいたい2時すぎ'],
  early_leave: ['family_support', '自由記述: 家に早く帰りたい'],
  monday_avoidance: ['psychological_safety', '自由記述: 日曜の夜が不安'],
};

export function environmentSurvey(seed: number, s: DemoStudent, p: Profile, on: string, round: number): EnvironmentRow[] {
  const rng = streamFor(seed, `environment-${round}`, s.id);
  const shift = surveyShift(p, round);
  const v = {} as Survey;
  for (const f of Object.keys(shift) as (keyof Survey)[]) v[f] = Math.round(clamp(rng.normal(3.8 + shift[f], 0.75), 1, 5));
  const note = NOTES[p.kind];
  const writes = note !== undefined && rng.chance(0.5);
  const rows: EnvironmentRow[] = (Object.keys(v) as (keyof Survey)[]).map((factor) => ({
    studentId: s.id,
    assessedOn: on,
    factor,
    value: String(v[factor]),
    note: writes && note[0] === factor ? note[1] : '',
  }));
  rows.push({ studentId: s.id, assessedOn: on, factor: 'qu_group', value: quGroup(rng, p, v, round), note: '' });
  return rows;
}
