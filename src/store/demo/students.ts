// The student roster. Within a class, students are numbered in kana order (出席番号), grade by
// grade; students who transfer in mid-year get the next free numbers, as schools usually do.
import type { DemoCalendar } from './calendar.ts';
import { buildCalendar } from './calendar.ts';
import type { DemoClass } from './classes.ts';
import type { DemoStaff } from './staff.ts';
import { BOY_NAMES, FAMILY_NAME_WEIGHTS, GIRL_NAMES } from './names.ts';
import { streamFor } from './random.ts';
import { romanise } from '../../domain/names.ts';
import { numberedId } from './ids.ts';

export interface DemoStudent {
  id: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  /** The given name in Hepburn, for notes written in English. */
  givenNameRomaji: string;
  gender: 'm' | 'f';
  grade: number;
  classId: string;
  homeroomId: string;
  enrolledOn: string;
  transfer: boolean;
}

/** Full names are kept unique school-wide up to this size, so the default demo has no true twins. */
const UNIQUE_NAME_LIMIT = 1000;
const MIN_STUDENTS_FOR_TRANSFERS = 60;

/** Mid-year transfer dates: the start of the second term and a later day, when the year is long enough. */
function transferDates(calendar: DemoCalendar, elapsed: readonly string[]): string[] {
  const n = elapsed.length;
  if (n < 30) return [];
  const second = calendar.termStart[2];
  const first = elapsed.indexOf(second) >= 0 && elapsed.indexOf(second) <= n - 10 ? second : (elapsed[Math.floor(n * 0.5)] as string);
  const later = elapsed[Math.floor(n * 0.85)] as string;
  return later > first ? [first, later] : [first];
}

export function buildStudents(
  seed: number,
  classes: readonly DemoClass[],
  staff: readonly DemoStaff[],
  calendar: DemoCalendar,
  elapsed: readonly string[],
  defaultClassId: string,
): DemoStudent[] {
  const total = classes.reduce((sum, c) => sum + c.size, 0);
  const width = Math.max(3, String(total).length);
  const homeroomOf = new Map(staff.filter((s) => s.homeroomClassId).map((s) => [s.homeroomClassId as string, s.id]));
  const entryDay = new Map<number, string>();
  const firstDayOfYear = (year: number) => {
    if (!entryDay.has(year)) entryDay.set(year, buildCalendar(year).schoolDays[0] as string);
    return entryDay.get(year) as string;
  };

  const rng = streamFor(seed, 'students');
  // Transfers only in a school big enough that they are two among many, never in the default
  // class (its planted cases are the demo's script).
  const others = classes.filter((c) => c.id !== defaultClassId && c.size >= 10);
  const transfers = total >= MIN_STUDENTS_FOR_TRANSFERS && others.length ? transferDates(calendar, elapsed) : [];
  const transferClasses = transfers.map(() => rng.pick(others));

  const used = new Set<string>();
  const regulars: DemoStudent[] = [];
  const movers: DemoStudent[] = [];
  for (const c of classes) {
    const members: DemoStudent[] = [];
    for (let i = 0; i < c.size; i++) {
      const gender = rng.chance(0.5) ? 'f' : 'm';
      let family = rng.weighted(FAMILY_NAME_WEIGHTS);
      let given = rng.pick(gender === 'f' ? GIRL_NAMES : BOY_NAMES);
      for (let tries = 0; tries < 30 && used.has(family.kanji + given.kanji); tries++) {
        family = rng.weighted(FAMILY_NAME_WEIGHTS);
        given = rng.pick(gender === 'f' ? GIRL_NAMES : BOY_NAMES);
      }
      if (total <= UNIQUE_NAME_LIMIT) used.add(family.kanji + given.kanji);
      members.push({
        id: '',
        familyName: family.kanji,
        givenName: given.kanji,
        familyNameKana: family.kana,
        givenNameKana: given.kana,
        givenNameRomaji: romanise(given.kana),
        gender,
        grade: c.grade,
        classId: c.id,
        homeroomId: homeroomOf.get(c.id) as string,
        enrolledOn: firstDayOfYear(calendar.schoolYear - c.grade + 1),
        transfer: false,
      });
    }
    // The last-drawn member of a transfer class is the one who joined mid-year.
    transferClasses.forEach((tc, t) => {
      if (tc.id !== c.id) return;
      const mover = members.find((m, k) => k >= members.length - 1 - t && !m.transfer);
      if (!mover) return;
      mover.transfer = true;
      mover.enrolledOn = transfers[t] as string;
    });
    const byKana = (a: DemoStudent, b: DemoStudent) => {
      const ka = a.familyNameKana + a.givenNameKana;
      const kb = b.familyNameKana + b.givenNameKana;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    };
    regulars.push(...members.filter((m) => !m.transfer).sort(byKana));
    movers.push(...members.filter((m) => m.transfer));
  }
  movers.sort((a, b) => (a.enrolledOn < b.enrolledOn ? -1 : a.enrolledOn > b.enrolledOn ? 1 : 0));
  return [...regulars, ...movers].map((s, i) => ({ ...s, id: numberedId('S', i + 1, width) }));
}
