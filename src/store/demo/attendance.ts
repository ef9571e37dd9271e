// One attendance row per student per elapsed school day, drawn from the student's profile.
// Conventions follow the sample export: periods_attended counts periods spent in class, so a
// nurse's-office or separate-room day is 0 (an improving student's first partial class days are
// 1-3), an online day is 6, a late arrival 3-5, an early leave 2-4.
import type { AttendanceStatus } from '../../domain/school.ts';
import type { Profile } from './profiles.ts';
import { streamFor, type Random } from './random.ts';
import type { SchoolDay } from './school-days.ts';
import type { DemoStudent } from './students.ts';

export interface AttendanceRow {
  studentId: string;
  date: string;
  status: AttendanceStatus;
  periodsAttended: number;
  note: string;
}

type Weights = Partial<Record<AttendanceStatus, number>>;

const REGULAR: Weights = { late: 0.006, early_leave: 0.003 };

/** The chance of each status other than `present` on one day; `present` takes what is left. */
function dayWeights(p: Profile, d: SchoolDay): Weights {
  const after = d.frac >= p.onset;
  const since = p.onset < 1 ? Math.max(0, (d.frac - p.onset) / (1 - p.onset)) : 0;
  switch (p.kind) {
    case 'regular':
      return REGULAR;
    case 'monday_avoidance':
      if (!after) return REGULAR;
      return d.firstOfWeek ? { absent: 0.6, late: 0.1 } : { absent: 0.04, nurse_office: 0.03, late: 0.03 };
    case 'test_avoidance':
      if (d.test) return { absent: 0.8, nurse_office: 0.05 };
      if (d.event) return { absent: 0.6 };
      if (d.beforeTest) return { absent: 0.2, late: 0.05 };
      return { absent: 0.03, late: 0.01 };
    case 'nurse_office':
      if (!after) return { early_leave: 0.05, absent: 0.03 };
      if (d.test) return { nurse_office: 0.7, absent: 0.1 };
      return { nurse_office: 0.3 + 0.3 * since, absent: 0.08, early_leave: 0.04 };
    case 'separate_room':
      return after ? { separate_room: 0.8, absent: 0.15 } : { absent: 0.1 };
    case 'night_lateness': {
      // Sleep drifts later over the summer holiday (day-night reversal), and Mondays are worst.
      const base = d.frac > 0.45 ? 0.4 : 0.25;
      const monday = d.firstOfWeek ? 0.15 : 0;
      return { late: base + monday, absent: d.firstOfWeek ? 0.12 : 0.05 };
    }
    case 'early_leave':
      return after ? { early_leave: 0.25, absent: 0.05, nurse_office: 0.02 } : { early_leave: 0.03, absent: 0.02 };
    case 'futoko':
      if (!after) {
        // The months before a long absence usually show it coming: more lates and Monday absences.
        const warming = Math.max(0, 1 - (p.onset - d.frac) / 0.15);
        return { absent: 0.03 + 0.15 * warming, late: 0.02 + 0.08 * warming };
      }
      return p.variant === 'games' ? { absent: 0.9, online: 0.05, separate_room: 0.02 } : { absent: 0.9, separate_room: 0.04, nurse_office: 0.02 };
    case 'improving': {
      // home -> online -> separate room -> class: the ladder of DOMAIN.md.
      const [home, online, separate] = p.phases;
      if (d.frac < home) return { absent: 0.88, online: 0.1, separate_room: 0.01 };
      if (d.frac < online) return { online: 0.65, absent: 0.25, separate_room: 0.08 };
      if (d.frac < separate) return { separate_room: 0.6, nurse_office: 0.05, absent: 0.12, online: 0.08 };
      return { separate_room: 0.1, late: 0.05, absent: 0.06, online: 0.02 };
    }
    case 'worsening': {
      if (d.fromEnd >= p.recentDays) return REGULAR;
      const t = (p.recentDays - d.fromEnd) / p.recentDays;
      return { absent: 0.05 + 0.4 * t, nurse_office: 0.03 + 0.12 * t, late: 0.03 + 0.1 * t };
    }
    case 'online':
      return after ? { online: 0.25, absent: 0.03 } : { absent: 0.03, late: 0.01 };
  }
}

function draw(rng: Random, weights: Weights): AttendanceStatus {
  const entries = Object.entries(weights) as [AttendanceStatus, number][];
  const rest = Math.max(0, 1 - entries.reduce((sum, [, w]) => sum + w, 0));
  return rng.weighted<AttendanceStatus>([...entries, ['present', rest]]);
}

function periodsFor(rng: Random, status: AttendanceStatus, p: Profile, d: SchoolDay): number {
  switch (status) {
    case 'present':
    case 'online':
      return 6;
    case 'absent':
    case 'nurse_office':
      return 0;
    case 'late':
      return rng.weighted([[5, 0.45], [4, 0.45], [3, 0.1]] as const);
    case 'early_leave':
      return rng.int(2, 4);
    case 'separate_room':
      // An improving student's separate-room days after the ladder's top step are partial class days.
      return p.kind === 'improving' && d.frac >= p.phases[2] ? rng.int(1, 3) : 0;
  }
}

const ILLNESS_NOTES = ['発熱', '体調不良', '風邪', '通院', ''];

export function studentAttendance(seed: number, student: DemoStudent, profile: Profile, days: readonly SchoolDay[]): AttendanceRow[] {
  const rng = streamFor(seed, 'attendance', student.id);
  const rows: AttendanceRow[] = [];
  let sickDays = 0;
  let sickNote = '';
  for (const d of days) {
    if (d.date < student.enrolledOn) continue;
    // Ordinary illness comes on top of any pattern; DOMAIN.md's futoko count excludes it, so
    // these absences carry a note the way a school's register does.
    if (sickDays === 0 && rng.chance(profile.illness * (d.fluSeason ? 2 : 1))) {
      sickDays = rng.weighted([[1, 0.5], [2, 0.3], [3, 0.2]] as const);
      sickNote = rng.pick(ILLNESS_NOTES);
    }
    if (sickDays > 0) {
      sickDays--;
      rows.push({ studentId: student.id, date: d.date, status: 'absent', periodsAttended: 0, note: sickNote });
      continue;
    }
    const status = draw(rng, dayWeights(profile, d));
    let note = '';
    if (status === 'early_leave') note = profile.kind === 'early_leave' ? (rng.chance(0.7) ? '保護者迎え' : '') : '体調不良';
    rows.push({ studentId: student.id, date: d.date, status, periodsAttended: periodsFor(rng, status, profile, d), note });
  }
  return rows;
}
