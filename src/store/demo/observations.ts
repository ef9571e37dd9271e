// Staff observations for the whole school, as the imported history of a school that has kept
// notes since April: source 'import', each with the natural import key the importer would give
// it. The author's role decides visibility (counselor notes are confidential, access/policy.ts)
// and their preferred language decides the text; a note that speaks of self-harm or abuse is
// urgent, exactly as the live path would flag it (analysis/safeguarding.ts).
import { addDays } from '../../domain/dates.ts';
import { formatCategories, type ObservationCategory } from '../../domain/school.ts';
import { schoolLocalTimeToInstant } from '../../domain/dates.ts';
import { defaultVisibility } from '../../access/policy.ts';
import { mentionsSafeguardingConcern } from '../../analysis/safeguarding.ts';
import type { AttendanceRow } from './attendance.ts';
import type { Profile } from './profiles.ts';
import { streamFor, type Random } from './random.ts';
import type { SchoolDay } from './school-days.ts';
import { CLUBS, type AuthorRole, type Scene, type SceneContext } from './scene-tools.ts';
import { patternScenes } from './scenes-patterns.ts';
import { everydayScenes, safeguardingFollowUps, safeguardingScenes, transferScenes } from './scenes-everyday.ts';
import type { DemoStaff } from './staff.ts';
import type { DemoStudent } from './students.ts';

export interface ObservationRow {
  id: string;
  studentId: string;
  authorId: string;
  observedAt: Date;
  text: string;
  categories: string;
  setting: string | null;
  mood: string | null;
  concern: 'none' | 'urgent';
  visibility: 'team' | 'confidential';
  source: 'import';
  importKey: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface ObservationInputs {
  seed: number;
  now: Date;
  students: readonly DemoStudent[];
  profiles: ReadonlyMap<string, Profile>;
  attendance: ReadonlyMap<string, readonly AttendanceRow[]>;
  day: ReadonlyMap<string, SchoolDay>;
  staff: readonly DemoStaff[];
  newId: () => string;
}

/** Picks who writes a scene: the homeroom teacher, a counselor or nurse, or a teacher of the class. */
function authorPicker(staff: readonly DemoStaff[]) {
  const byId = new Map(staff.map((s) => [s.id, s]));
  const counselors = staff.filter((s) => s.role === 'counselor');
  const nurses = staff.filter((s) => s.role === 'nurse');
  const teachersOf = new Map<string, DemoStaff[]>();
  for (const s of staff) for (const c of s.taughtClassIds) teachersOf.set(c, [...(teachersOf.get(c) ?? []), s]);
  return (role: AuthorRole, student: DemoStudent, index: number, rng: Random): DemoStaff => {
    const homeroom = byId.get(student.homeroomId) as DemoStaff;
    if (role === 'counselor') return counselors[index % counselors.length] ?? homeroom;
    if (role === 'nurse') return nurses[index % nurses.length] ?? homeroom;
    if (role === 'subject') {
      const teachers = teachersOf.get(student.classId) ?? [];
      // The English-preferring teacher writes often, so the class has notes in both languages.
      const english = teachers.find((t) => t.preferredLanguage === 'en');
      if (english && rng.chance(0.5)) return english;
      return teachers.length ? rng.pick(teachers) : homeroom;
    }
    return homeroom;
  };
}

/** Which scenes a student gets: all of a planted case's, most of a pattern's, a few everyday ones. */
function scenesFor(s: DemoStudent, p: Profile, rng: Random, planted: boolean): Scene[] {
  const chosen = patternScenes(p.kind, p.variant).filter(() => planted || rng.chance(0.85));
  const everyday = p.kind === 'regular' ? rng.weighted([[0, 0.62], [1, 0.28], [2, 0.1]] as const) : rng.chance(0.25) ? 1 : 0;
  chosen.push(...rng.shuffle(everydayScenes).slice(0, everyday));
  if (s.transfer) chosen.push(...transferScenes);
  return chosen;
}

export function buildObservations(input: ObservationInputs, plantedIds: ReadonlySet<string>): ObservationRow[] {
  const { seed, now, students, profiles, attendance, day, staff, newId } = input;
  const pickAuthor = authorPicker(staff);
  const usedKeys = new Set<string>();
  const out: ObservationRow[] = [];

  const write = (ctx: SceneContext, scene: Scene, row: AttendanceRow | undefined, date: string, index: number) => {
    const author = pickAuthor(scene.by, ctx.student, index, ctx.rng);
    const [ja, en] = scene.text(ctx, row ?? (ctx.rows[0] as AttendanceRow));
    const text = author.preferredLanguage === 'en' ? en : ja;
    // Keys are minute-precise; two notes by one author about one student in the same minute
    // would collide, so the later one moves on a minute.
    let [hh, mm] = scene.at.split(':').map(Number) as [number, number];
    mm += ctx.rng.int(0, 3) * 5;
    let local = '';
    for (;;) {
      hh += Math.floor(mm / 60);
      mm %= 60;
      local = `${date}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
      if (!usedKeys.has(`${local}|${ctx.student.id}|${author.id}`)) break;
      mm += 1;
    }
    const observedAt = schoolLocalTimeToInstant(local);
    if (observedAt > now) return undefined;
    const importKey = `${local}|${ctx.student.id}|${author.id}`;
    usedKeys.add(importKey);
    const cats: ObservationCategory[] = [...scene.cats];
    const urgent = cats.includes('safeguarding') || mentionsSafeguardingConcern(text);
    if (urgent && !cats.includes('safeguarding')) cats.push('safeguarding');
    const record: ObservationRow = {
      id: newId(),
      studentId: ctx.student.id,
      authorId: author.id,
      observedAt,
      text,
      categories: formatCategories(cats),
      setting: scene.setting ?? null,
      mood: scene.mood ?? null,
      concern: urgent ? 'urgent' : 'none',
      visibility: defaultVisibility(author.role),
      source: 'import',
      importKey,
      createdAt: observedAt,
      updatedAt: observedAt,
    };
    out.push(record);
    return record;
  };

  students.forEach((student, index) => {
    const profile = profiles.get(student.id) as Profile;
    const rows = attendance.get(student.id) ?? [];
    if (rows.length === 0) return;
    const rng = streamFor(seed, 'observations', student.id);
    const ctx: SceneContext = { student, profile, rows, day, rng, club: rng.pick(CLUBS) };
    for (const scene of scenesFor(student, profile, rng, plantedIds.has(student.id))) {
      const row = scene.when(ctx);
      if (row) write(ctx, scene, row, row.date, index);
    }
    if (profile.safeguarding) {
      let flagged: string | undefined;
      for (const scene of safeguardingScenes[profile.safeguarding]) {
        const row = scene.when(ctx);
        const written = row ? write(ctx, scene, row, row.date, index) : undefined;
        if (written?.concern === 'urgent') flagged = row?.date;
      }
      // The counselor sees the student the next school day, if that day has come.
      const next = flagged ? rows.find((r) => r.date > flagged && r.date <= addDays(flagged, 7)) : undefined;
      if (next) write(ctx, safeguardingFollowUps[profile.safeguarding], next, next.date, index);
    }
  });
  return out;
}
