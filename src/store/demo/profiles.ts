// Who in the demo school struggles, and how. Each student gets one attendance profile; the
// profiles are the patterns DOMAIN.md describes (Kearney's four functions, the attendance ladder,
// futoko-level non-attendance) in roughly realistic proportions: most students attend
// regularly, about 7% are serious cases (futoko rate in junior high is 6.7%, DOMAIN.md), and
// another ~10% show a milder pattern a teacher would want to catch early. Rates rise with grade.
// The default teacher's class is planted with one student of each kind, so the demo always has
// something to show.
import type { DemoStudent } from './students.ts';
import { streamFor, type Random } from './random.ts';

export type ProfileKind =
  | 'regular'
  | 'monday_avoidance'
  | 'test_avoidance'
  | 'nurse_office'
  | 'separate_room'
  | 'night_lateness'
  | 'early_leave'
  | 'futoko'
  | 'improving'
  | 'worsening'
  | 'online';

/** Kearney's functions of school refusal (DOMAIN.md): F1 negative affect, F2 social/evaluative escape, F3 attention, F4 tangible rewards. */
export type KearneyFunction = 'F1' | 'F2' | 'F3' | 'F4';

export type SafeguardingKind = 'disappear' | 'bruise';

export interface Profile {
  kind: ProfileKind;
  functions: KearneyFunction[];
  /** Which story a kind tells when it can be told two ways (a futoko case driven by games or by anxiety). */
  variant: 'games' | 'anxiety' | 'peer' | 'none';
  /** Where in the elapsed school year (0..1) the pattern begins. */
  onset: number;
  /** The attendance ladder for an improving student: ends of the home, online and separate-room phases (0..1). */
  phases: [number, number, number];
  /** For a worsening student: how many recent school days the decline spans. */
  recentDays: number;
  /** Per-day chance of starting a spell of ordinary illness. */
  illness: number;
  safeguarding?: SafeguardingKind;
  serious: boolean;
}

interface KindInfo {
  weight: number;
  functions: KearneyFunction[];
  serious: boolean;
  onset: [number, number];
}

/** Share of the school per kind (before the grade factor for serious kinds). */
export const KINDS: Record<Exclude<ProfileKind, 'regular'>, KindInfo> = {
  futoko: { weight: 0.02, functions: ['F4'], serious: true, onset: [0.2, 0.45] },
  improving: { weight: 0.015, functions: ['F2'], serious: true, onset: [0, 0] },
  separate_room: { weight: 0.012, functions: ['F2'], serious: true, onset: [0, 0.05] },
  nurse_office: { weight: 0.012, functions: ['F1', 'F2'], serious: true, onset: [0.05, 0.3] },
  worsening: { weight: 0.012, functions: ['F2'], serious: true, onset: [0, 0] },
  monday_avoidance: { weight: 0.025, functions: ['F1'], serious: false, onset: [0.1, 0.25] },
  test_avoidance: { weight: 0.02, functions: ['F2'], serious: false, onset: [0, 0] },
  night_lateness: { weight: 0.03, functions: ['F4'], serious: false, onset: [0, 0.2] },
  early_leave: { weight: 0.015, functions: ['F3'], serious: false, onset: [0.35, 0.5] },
  online: { weight: 0.015, functions: ['F2'], serious: false, onset: [0.3, 0.45] },
};

/** Non-attendance climbs from first to third year (MEXT statistics). */
const GRADE_FACTOR: Record<number, number> = { 1: 0.7, 2: 1.1, 3: 1.2 };

/** The default teacher's class: one of each, with the gender of the sample case it echoes. */
export const PLANTED: readonly { kind: ProfileKind; gender: 'm' | 'f'; variant?: Profile['variant']; safeguarding?: SafeguardingKind }[] = [
  { kind: 'monday_avoidance', gender: 'f' },
  { kind: 'futoko', gender: 'm', variant: 'games' },
  { kind: 'improving', gender: 'f' },
  { kind: 'test_avoidance', gender: 'm' },
  { kind: 'night_lateness', gender: 'm' },
  { kind: 'nurse_office', gender: 'f', variant: 'peer' },
  { kind: 'early_leave', gender: 'm' },
  { kind: 'worsening', gender: 'f', variant: 'peer' },
  { kind: 'regular', gender: 'f', safeguarding: 'disappear' },
  { kind: 'online', gender: 'f' },
];

function makeProfile(rng: Random, kind: ProfileKind, variant?: Profile['variant']): Profile {
  const info = kind === 'regular' ? undefined : KINDS[kind];
  const between = ([lo, hi]: [number, number]) => lo + (hi - lo) * rng.next();
  const chosenVariant = variant ?? (kind === 'futoko' ? (rng.chance(0.55) ? 'games' : 'anxiety') : kind === 'worsening' || kind === 'nurse_office' ? 'peer' : 'none');
  const functions: KearneyFunction[] = kind === 'futoko' && chosenVariant === 'anxiety' ? ['F1'] : (info?.functions ?? []);
  const a = 0.15 + 0.1 * rng.next();
  const b = a + 0.15 + 0.1 * rng.next();
  const c = b + 0.2 + 0.1 * rng.next();
  return {
    kind,
    functions,
    variant: chosenVariant,
    onset: info ? between(info.onset) : 0,
    phases: [a, b, Math.min(c, 0.85)],
    recentDays: rng.int(18, 25),
    // Most students miss a few days a year to illness; a few are often ill.
    illness: rng.chance(0.1) ? 0.012 + 0.01 * rng.next() : 0.002 + 0.008 * rng.next(),
    serious: info?.serious ?? false,
  };
}

export function assignProfiles(seed: number, students: readonly DemoStudent[], defaultClassId: string): Map<string, Profile> {
  const profiles = new Map<string, Profile>();
  const rng = streamFor(seed, 'profiles');

  const home = students.filter((s) => s.classId === defaultClassId && !s.transfer);
  const free = new Set(home.map((s) => s.id));
  for (const plant of PLANTED) {
    const candidates = home.filter((s) => free.has(s.id));
    if (candidates.length === 0) break;
    const sameGender = candidates.filter((s) => s.gender === plant.gender);
    const pick = rng.pick(sameGender.length ? sameGender : candidates);
    free.delete(pick.id);
    profiles.set(pick.id, { ...makeProfile(streamFor(seed, 'profile', pick.id), plant.kind, plant.variant), safeguarding: plant.safeguarding });
  }

  const entries = Object.entries(KINDS) as [Exclude<ProfileKind, 'regular'>, KindInfo][];
  for (const s of students) {
    if (profiles.has(s.id)) continue;
    const own = streamFor(seed, 'profile', s.id);
    // The rest of the default class attends regularly, so the planted cases stand out; transfer
    // students start with a clean slate at this school.
    let kind: ProfileKind = 'regular';
    if (s.classId !== defaultClassId && !s.transfer) {
      const factor = GRADE_FACTOR[s.grade] ?? 1;
      const weights = entries.map(([k, info]) => [k, info.serious ? info.weight * factor : info.weight] as const);
      const rest = 1 - weights.reduce((sum, [, w]) => sum + w, 0);
      kind = own.weighted<ProfileKind>([...weights, ['regular', rest]]);
    }
    profiles.set(s.id, makeProfile(own, kind));
  }

  // One or two safeguarding cases in a default-size school (the planted one is the first), a
  // few more in a big one: a note about bruises on a student whose attendance is slipping.
  const wanted = Math.max(2, Math.round(students.length / 400));
  let have = [...profiles.values()].filter((p) => p.safeguarding).length;
  const elsewhere = rng.shuffle(students.filter((s) => s.classId !== defaultClassId && !s.transfer));
  const preferred = [...elsewhere.filter((s) => profiles.get(s.id)?.kind === 'worsening'), ...elsewhere];
  for (const s of preferred) {
    if (have >= wanted) break;
    const p = profiles.get(s.id) as Profile;
    if (p.safeguarding) continue;
    p.safeguarding = have % 2 === 1 ? 'bruise' : 'disappear';
    have++;
  }
  return profiles;
}
