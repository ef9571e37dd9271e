// Which digest week is due at a given instant. The arithmetic runs on school dates (Asia/Tokyo,
// dates.ts) and turns a slot into an instant at +09:00: Japan has no daylight saving, so every
// week is exactly seven days of 24 hours and no slot is ever skipped or doubled.
import { addDays, mondayOf, schoolDateOf, schoolLocalTimeToInstant, weekday } from '../domain/dates.ts';
import type { DigestSchedule } from '../domain/digest-schedule.ts';

export interface DigestSlot {
  /** Monday (YYYY-MM-DD) of the week the slot falls in: the week the digest is about. */
  weekOf: string;
  dueAt: Date;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The most recent slot at or before `now`; undefined when digests are off. */
export function lastDueSlot(schedule: DigestSchedule | 'off', now: Date): DigestSlot | undefined {
  if (schedule === 'off') return undefined;
  const today = schoolDateOf(now);
  let date = addDays(today, -((weekday(today) - schedule.weekday + 7) % 7));
  let dueAt = slotInstant(schedule, date);
  if (dueAt.getTime() > now.getTime()) {
    date = addDays(date, -7);
    dueAt = slotInstant(schedule, date);
  }
  // Named by its Monday, as the digest content names weeks, so both mean the same rows.
  return { weekOf: mondayOf(date), dueAt };
}

/** The first slot strictly after `now`. */
export function nextSlot(schedule: DigestSchedule, now: Date): Date {
  return new Date(lastDueSlot(schedule, now)!.dueAt.getTime() + WEEK_MS);
}

function slotInstant(schedule: DigestSchedule, date: string): Date {
  const pad = (n: number) => String(n).padStart(2, '0');
  return schoolLocalTimeToInstant(`${date}T${pad(schedule.hour)}:${pad(schedule.minute)}`);
}
