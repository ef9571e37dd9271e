// When the weekly digest goes out: one weekday and a time of day in the school's time zone, or
// never. The value lives in domain (not jobs) because two layers need the same reading of it:
// config validates DIGEST_SCHEDULE at start-up, and jobs/ computes the slots from it.

export interface DigestSchedule {
  /** 0 = Sunday ... 6 = Saturday, as `weekday` in dates.ts. */
  weekday: number;
  hour: number;
  minute: number;
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const SCHEDULE = /^([a-z]{3})\s+([01]?\d|2[0-3]):([0-5]\d)$/;

/** What DIGEST_SCHEDULE accepts, for error messages. */
export const DIGEST_SCHEDULE_FORMAT = 'a weekday (mon..sun) and a 24-hour Asia/Tokyo time such as "fri 16:00", or "off"';

/** 'fri 16:00' (any case, Asia/Tokyo) -> a schedule; 'off' -> 'off'; anything else -> undefined. */
export function parseDigestSchedule(text: string): DigestSchedule | 'off' | undefined {
  const value = text.trim().toLowerCase();
  if (value === 'off') return 'off';
  const m = SCHEDULE.exec(value);
  if (!m) return undefined;
  const weekday = WEEKDAYS.indexOf(m[1] as (typeof WEEKDAYS)[number]);
  if (weekday < 0) return undefined;
  return { weekday, hour: Number(m[2]), minute: Number(m[3]) };
}

/** The canonical text of a schedule ('fri 16:00'), for logs and previews. */
export function formatDigestSchedule(schedule: DigestSchedule | 'off'): string {
  if (schedule === 'off') return 'off';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${WEEKDAYS[schedule.weekday]} ${pad(schedule.hour)}:${pad(schedule.minute)}`;
}
