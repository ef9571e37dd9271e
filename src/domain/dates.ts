// School dates are civil dates in the school's time zone (Asia/Tokyo), kept as ISO
// 'YYYY-MM-DD' strings. These helpers do the arithmetic in UTC on those strings so that
// neither the machine's zone nor daylight saving can shift a day.

export const SCHOOL_TIME_ZONE = 'Asia/Tokyo';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in ISO form (rejects 2026-02-30 as well as 2026/02/01). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week (Monday to Sunday) that holds `date`: weeks are named by it. */
export function mondayOf(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

// Built once: constructing a formatter costs far more than formatting, and analyses format every
// observation's time.
// en-CA formats as YYYY-MM-DD.
const dateInSchoolZone = new Intl.DateTimeFormat('en-CA', { timeZone: SCHOOL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const hourInSchoolZone = new Intl.DateTimeFormat('en-GB', { timeZone: SCHOOL_TIME_ZONE, hour: '2-digit', hourCycle: 'h23' });

/** The civil date of an instant in the school's time zone. */
export function schoolDateOf(instant: Date): string {
  return dateInSchoolZone.format(instant);
}

/** The Japanese school year begins in April (MEXT): the April 1st on or before `date`. */
export function schoolYearStart(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return `${month >= 4 ? year : year - 1}-04-01`;
}

/** A local 'YYYY-MM-DDTHH:MM' in the school's zone (Japan has no DST) as an instant. */
export function schoolLocalTimeToInstant(local: string): Date {
  return new Date(`${local}:00+09:00`);
}

/** The hour (0-23) of an instant in the school's time zone. */
export function schoolHourOf(instant: Date): number {
  return Number(hourInSchoolZone.format(instant));
}
