// Plain-words helpers for pattern summaries: dates and shares the way a teacher writes them
// (「10月5日」, "5 Oct"), and evidence pointers to attendance rows.
import type { EvidenceRef } from '../types.ts';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function jaDate(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

export function enDate(date: string): string {
  return `${Number(date.slice(8, 10))} ${EN_MONTHS[Number(date.slice(5, 7)) - 1]}`;
}

/** 0.1234 -> "12.3%". */
export function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** Rounded for `details`, so JSON output stays readable. */
export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function share(count: number, days: number): number {
  return days > 0 ? count / days : 0;
}

export function attendanceRef(studentId: string, date: string, note?: string): EvidenceRef {
  return note ? { kind: 'attendance', id: `${studentId}:${date}`, date, note } : { kind: 'attendance', id: `${studentId}:${date}`, date };
}

export const JA_WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];
export const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
