// The pieces observation scenes are made of: who writes, on which day (chosen from the
// student's own attendance, so a note about a Monday absence sits on a Monday the student was
// absent), and small helpers for the wording in Japanese and English.
import type { ObservationCategory } from '../../domain/school.ts';
import type { AttendanceRow } from './attendance.ts';
import type { Profile } from './profiles.ts';
import type { Random } from './random.ts';
import type { SchoolDay } from './school-days.ts';
import type { DemoStudent } from './students.ts';

export type AuthorRole = 'homeroom' | 'counselor' | 'nurse' | 'subject';

export interface SceneContext {
  student: DemoStudent;
  profile: Profile;
  rows: readonly AttendanceRow[];
  day: ReadonlyMap<string, SchoolDay>;
  rng: Random;
  /** The student's club, in Japanese and English. */
  club: [string, string];
}

export type When = (c: SceneContext) => AttendanceRow | undefined;
export type RowTest = (r: AttendanceRow, d: SchoolDay, i: number, rows: readonly AttendanceRow[]) => boolean;

export interface Scene {
  by: AuthorRole;
  /** Local time of day, HH:MM. */
  at: string;
  when: When;
  cats: ObservationCategory[];
  mood?: string;
  setting?: string;
  text: (c: SceneContext, r: AttendanceRow) => [ja: string, en: string];
}

/** A span of the elapsed school year (0..1), fixed or depending on the student's profile. */
export type Span = [number, number] | ((c: SceneContext) => [number, number]);
/** From the onset of the student's pattern to `to`. */
export const sinceOnset = (to = 1): Span => (c) => [c.profile.onset, to];

function matching(c: SceneContext, test: RowTest, span: Span): AttendanceRow[] {
  const [from, to] = typeof span === 'function' ? span(c) : span;
  return c.rows.filter((r, i) => {
    const d = c.day.get(r.date) as SchoolDay;
    return d.frac >= from && d.frac <= to && test(r, d, i, c.rows);
  });
}

export const anyDay = (test: RowTest, span: Span = [0, 1]): When => (c) => {
  const found = matching(c, test, span);
  return found.length ? c.rng.pick(found) : undefined;
};
export const firstDay = (test: RowTest, span: Span = [0, 1]): When => (c) => matching(c, test, span)[0];
export const lastDay = (test: RowTest, span: Span = [0, 1]): When => (c) => matching(c, test, span).at(-1);
/** The chosen day, or failing that another way of choosing one. */
export const either = (...whens: When[]): When => (c) => {
  for (const w of whens) {
    const r = w(c);
    if (r) return r;
  }
  return undefined;
};

export const is = (...statuses: AttendanceRow['status'][]): RowTest => (r) => statuses.includes(r.status);
/** The last `k` rows up to this one all have `status`. */
export const streakOf = (status: AttendanceRow['status'], k: number): RowTest => (_r, _d, i, rows) =>
  i >= k - 1 && rows.slice(i - k + 1, i + 1).every((x) => x.status === status);
/** The previous school day's row had `status` and fell on the first day of a week. */
export const afterWeekStartWith = (status: AttendanceRow['status'], day: ReadonlyMap<string, SchoolDay>): RowTest => (_r, _d, i, rows) => {
  const prev = rows[i - 1];
  return prev !== undefined && prev.status === status && (day.get(prev.date) as SchoolDay).firstOfWeek;
};
/** Days within the student's recent decline (the worsening profile). */
export const recent = (days: number): RowTest => (_r, d) => d.fromEnd < days;

/** How many rows of the same week, up to and including this one, have `status`. */
export function countThisWeek(c: SceneContext, r: AttendanceRow, status: AttendanceRow['status']): number {
  const i = c.rows.indexOf(r);
  let n = 0;
  for (let k = i; k >= 0; k--) {
    const row = c.rows[k] as AttendanceRow;
    if (row.status === status) n++;
    if ((c.day.get(row.date) as SchoolDay).firstOfWeek) break;
  }
  return n;
}

/** How many of the last `days` rows up to this one have `status`. */
export function countRecent(c: SceneContext, r: AttendanceRow, status: AttendanceRow['status'], days: number): number {
  const i = c.rows.indexOf(r);
  return c.rows.slice(Math.max(0, i - days + 1), i + 1).filter((x) => x.status === status).length;
}

export function pronouns(s: DemoStudent) {
  return s.gender === 'f' ? { he: 'she', He: 'She', his: 'her', His: 'Her', him: 'her' } : { he: 'he', He: 'He', his: 'his', His: 'His', him: 'him' };
}

export const WEEKDAY_JA = ['日', '月', '火', '水', '木', '金', '土'] as const;
export const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const LABELS_EN: Record<string, string> = {
  '1学期中間テスト': 'first-term mid-term test',
  '1学期期末テスト': 'first-term final test',
  '2学期中間テスト': 'second-term mid-term test',
  '2学期期末テスト': 'second-term final test',
  学年末テスト: 'end-of-year test',
  体育祭: 'sports day',
  職場体験: 'work experience',
  文化祭: 'culture festival',
  卒業式: 'graduation ceremony',
};
export const labelEn = (label: string) => LABELS_EN[label] ?? label;

export const CLUBS: readonly [string, string][] = [
  ['サッカー部', 'the soccer club'],
  ['バスケットボール部', 'the basketball club'],
  ['吹奏楽部', 'the brass band'],
  ['美術部', 'the art club'],
  ['卓球部', 'the table tennis club'],
  ['陸上部', 'the track club'],
  ['科学部', 'the science club'],
  ['バレーボール部', 'the volleyball club'],
  ['野球部', 'the baseball club'],
  ['ソフトテニス部', 'the soft tennis club'],
];

export const all: RowTest = () => true;
export const and = (...tests: RowTest[]): RowTest => (r, d, i, rows) => tests.every((t) => t(r, d, i, rows));
export const onTest: RowTest = (_r, d) => d.test !== undefined;
export const onEvent: RowTest = (_r, d) => d.event !== undefined;
export const weekStart: RowTest = (_r, d) => d.firstOfWeek;
export const notWeekStart: RowTest = (_r, d) => !d.firstOfWeek;
