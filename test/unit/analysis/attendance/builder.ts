// Builds a StudentRecords from a compact description, so each test states only what matters:
//   buildRecords({ lastRecorded: '2026-06-30', codes: 'AAAAA ....L' })
// `codes` gives one character per school day from the start of the period (spaces are ignored):
//   . present  A absent  L late  E early_leave  N nurse_office  S separate_room  O online  _ not recorded
// Days past the codes take `fill` (default '.'), or `rule(date, weekday, index)` when given.
import { addDays, weekday } from '../../../../src/domain/dates.ts';
import type { AttendanceStatus } from '../../../../src/domain/school.ts';
import { buildSchoolCalendar } from '../../../../src/analysis/school-days.ts';
import type { CalendarRecord, ObservationInput, StudentRecords, SupportPlanInput } from '../../../../src/analysis/types.ts';

export type Code = '.' | 'A' | 'L' | 'E' | 'N' | 'S' | 'O' | '_';

const CODES: Record<Code, AttendanceStatus | undefined> = {
  '.': 'present',
  A: 'absent',
  L: 'late',
  E: 'early_leave',
  N: 'nurse_office',
  S: 'separate_room',
  O: 'online',
  _: undefined,
};

/** The sample school's calendar (../shared/sample-school/calendar.csv), up to November. */
export const SAMPLE_CALENDAR: CalendarRecord[] = [
  { date: '2026-04-29', kind: 'holiday', label: '昭和の日' },
  { date: '2026-05-04', kind: 'holiday', label: 'みどりの日' },
  { date: '2026-05-05', kind: 'holiday', label: 'こどもの日' },
  { date: '2026-05-06', kind: 'holiday', label: '振替休日' },
  { date: '2026-05-22', kind: 'event', label: '体育祭' },
  { date: '2026-05-27', kind: 'test', label: '1学期中間テスト' },
  { date: '2026-05-28', kind: 'test', label: '1学期中間テスト' },
  { date: '2026-07-02', kind: 'test', label: '1学期期末テスト' },
  { date: '2026-07-03', kind: 'test', label: '1学期期末テスト' },
  { date: '2026-07-20', kind: 'holiday', label: '海の日' },
  { date: '2026-07-21', kind: 'break_start', label: '夏季休業' },
  { date: '2026-08-31', kind: 'break_end', label: '夏季休業' },
  { date: '2026-09-09', kind: 'event', label: '職場体験' },
  { date: '2026-09-10', kind: 'event', label: '職場体験' },
  { date: '2026-09-11', kind: 'event', label: '職場体験' },
  { date: '2026-09-21', kind: 'holiday', label: '敬老の日' },
  { date: '2026-09-22', kind: 'holiday', label: '国民の休日' },
  { date: '2026-09-23', kind: 'holiday', label: '秋分の日' },
  { date: '2026-10-12', kind: 'holiday', label: 'スポーツの日' },
  { date: '2026-10-14', kind: 'test', label: '2学期中間テスト' },
  { date: '2026-10-15', kind: 'test', label: '2学期中間テスト' },
  { date: '2026-10-30', kind: 'event', label: '文化祭' },
  { date: '2026-11-03', kind: 'holiday', label: '文化の日' },
  { date: '2026-11-26', kind: 'test', label: '2学期期末テスト' },
  { date: '2026-11-27', kind: 'test', label: '2学期期末テスト' },
];

export interface RecordsSpec {
  studentId?: string;
  yearStart?: string;
  enrolledOn?: string;
  lastRecorded: string;
  asOf?: string;
  calendar?: CalendarRecord[];
  codes?: string;
  fill?: Code;
  rule?: (date: string, weekday: number, index: number) => Code;
  /** Explicit overrides by date, applied last. */
  on?: Record<string, Code>;
  observations?: ObservationInput[];
  plans?: SupportPlanInput[];
}

/** The school days of the spec's period, by the same calendar rules the engine uses. */
export function schoolDaysOf(spec: Pick<RecordsSpec, 'yearStart' | 'enrolledOn' | 'lastRecorded' | 'calendar'>): string[] {
  const yearStart = spec.yearStart ?? '2026-04-06';
  const from = spec.enrolledOn && spec.enrolledOn > yearStart ? spec.enrolledOn : yearStart;
  return buildSchoolCalendar(spec.calendar ?? SAMPLE_CALENDAR).schoolDaysBetween(from, spec.lastRecorded);
}

export function buildRecords(spec: RecordsSpec): StudentRecords {
  const studentId = spec.studentId ?? 'S900';
  const yearStart = spec.yearStart ?? '2026-04-06';
  const codes = (spec.codes ?? '').replace(/\s+/g, '');
  const days = schoolDaysOf(spec);
  const attendance: StudentRecords['attendance'] = [];
  days.forEach((date, i) => {
    const code = spec.on?.[date] ?? codes[i] ?? (spec.rule ? spec.rule(date, weekday(date), i) : (spec.fill ?? '.'));
    if (!(code in CODES)) throw new Error(`unknown attendance code ${code}`);
    const status = CODES[code as Code];
    if (status) attendance.push({ date, status, periodsAttended: status === 'present' || status === 'online' ? 6 : status === 'absent' ? 0 : 3 });
  });
  return {
    studentId,
    enrolledOn: spec.enrolledOn ?? '2025-04-07',
    asOf: spec.asOf ?? spec.lastRecorded,
    yearStart,
    lastRecorded: spec.lastRecorded,
    calendar: spec.calendar ?? SAMPLE_CALENDAR,
    attendance,
    observations: spec.observations ?? [],
    environment: [],
    competencies: [],
    bigFive: [],
    plans: spec.plans ?? [],
  };
}

/** A deterministic pseudo-random stream (mulberry32), for "scattered" absences in tests. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The pattern codes of an analysis, in order. */
export const patternCodes = (analysis: { patterns: { code: string }[] }): string[] => analysis.patterns.map((p) => p.code);

/** `count` school days spread evenly over `days`, skipping the calendar's test and event days. */
export function spread(days: readonly string[], count: number, calendar: readonly CalendarRecord[] = SAMPLE_CALENDAR): string[] {
  const special = new Set(calendar.filter((e) => e.kind === 'test' || e.kind === 'event').map((e) => e.date));
  const ordinary = days.filter((d) => !special.has(d));
  return Array.from({ length: count }, (_, k) => ordinary[Math.floor(((k + 0.5) * ordinary.length) / count)]!);
}

/** Overrides giving every date in `dates` the same code. */
export const allOn = (dates: readonly string[], code: Code): Record<string, Code> => Object.fromEntries(dates.map((d) => [d, code]));

export { addDays };
