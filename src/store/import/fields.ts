// Cell validators shared by the row schemas. Each failure message is the `reason` part of an
// ImportError, written for the person fixing the spreadsheet: what was found, what was expected.
import { z } from 'zod';
import { isIsoDate } from '../../domain/dates.ts';

const show = (input: unknown) => JSON.stringify(String(input));

export const requiredText = z.string().min(1, { error: 'is empty (a value is required)' });
export const optionalText = z.string();

/**
 * Text the database indexes (a student's name, a calendar label, part of a natural key) must stay
 * under PostgreSQL's limit for one B-tree index entry, about 2,700 bytes: a longer value failed in
 * the middle of the write with a driver error rather than an ImportError naming the cell (found by
 * test/property/csv-import.test.ts). `max` counts UTF-16 units, each at most 3 bytes in UTF-8.
 */
export function shortText(max: number, options: { required: boolean }) {
  const text = options.required ? requiredText : optionalText;
  return text.max(max, { error: (issue) => `is ${String(issue.input).length.toLocaleString('en')} characters long (at most ${max} are allowed)` });
}

/**
 * Ids are matched across files and against the database, so stray spaces inside them are errors.
 * "|" joins the parts of an import key (observations: time|student|author): ids holding it made
 * two different rows share a key, and the import stopped on the database's unique constraint
 * instead of an ImportError, or took one student's note for another's (test/property).
 */
export function identifier(what: string) {
  return z
    .string()
    .min(1, { error: `is empty (a ${what} is required)` })
    .max(64, { error: `${what} is longer than 64 characters` })
    .refine((v) => !/\s/.test(v), { error: (issue) => `invalid ${what} ${show(issue.input)} (contains a space)` })
    .refine((v) => !v.includes('|'), { error: (issue) => `invalid ${what} ${show(issue.input)} (contains "|")` });
}

export function optionalIdentifier(what: string) {
  return z
    .string()
    .max(64, { error: `${what} is longer than 64 characters` })
    .refine((v) => !/\s/.test(v), { error: (issue) => `invalid ${what} ${show(issue.input)} (contains a space)` })
    .transform((v) => (v === '' ? null : v));
}

export function oneOf<const T extends readonly [string, ...string[]]>(what: string, values: T) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === '' ? `is empty (expected one of ${values.join(', ')})` : `unknown ${what} ${show(issue.input)} (expected one of ${values.join(', ')})`,
  });
}

export const isoDate = z
  .string()
  .refine(isIsoDate, { error: (issue) => `invalid date ${show(issue.input)} (expected a real date as YYYY-MM-DD)` });

const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d$/;

/** Observation times are local to the school (Asia/Tokyo) and carry no zone. */
export const localDateTime = z.string().refine((v) => isIsoDate(LOCAL_TIME.exec(v)?.[1] ?? ''), {
  error: (issue) => `invalid date and time ${show(issue.input)} (expected YYYY-MM-DDTHH:MM, local time)`,
});

export function integer(what: string, min: number, max: number) {
  return z.string().transform((v, ctx) => {
    const n = Number(v);
    if (!/^[+-]?\d+$/.test(v) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `invalid ${what} ${show(v)} (expected a whole number from ${min} to ${max})` });
      return z.NEVER;
    }
    return n;
  });
}

export function decimal(what: string, min: number, max: number) {
  return z.string().transform((v, ctx) => {
    const n = Number(v);
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `invalid ${what} ${show(v)} (expected a number from ${min.toFixed(1)} to ${max.toFixed(1)})` });
      return z.NEVER;
    }
    return n;
  });
}

export const optionalEmail = z
  .string()
  .refine((v) => v === '' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), { error: (issue) => `invalid email ${show(issue.input)}` })
  .transform((v) => (v === '' ? null : v));
