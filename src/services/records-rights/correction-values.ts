// Checks shared by the correction kinds: the field is one the kind has, the value is a real value.
import { isIsoDate } from '../../domain/dates.ts';
import { RecordsRightsError, show } from './errors.ts';
import type { CorrectionValue } from './correction-types.ts';

/** The changes with their field names checked against the kind's fields. */
export function knownFields<F extends string>(what: string, allowed: readonly F[], changes: Readonly<Record<string, CorrectionValue>>): [F, CorrectionValue][] {
  const entries = Object.entries(changes);
  for (const [field] of entries) {
    if (!(allowed as readonly string[]).includes(field)) {
      throw new RecordsRightsError('unknown_field', `unknown ${what} field ${show(field)} (expected one of ${allowed.join(', ')})`, { field });
    }
  }
  if (entries.length === 0) throw new RecordsRightsError('no_change', `no ${what} field to correct (expected one of ${allowed.join(', ')})`);
  return entries as [F, CorrectionValue][];
}

export function invalid(field: string, value: CorrectionValue, expected: string): RecordsRightsError {
  return new RecordsRightsError('invalid_value', `invalid ${field} ${show(value)} (expected ${expected})`, { field, value: value ?? '' });
}

/** Text without control characters, trimmed; `required` refuses an empty value. */
export function text(field: string, value: CorrectionValue, options: { required: boolean; max: number }): string {
  const v = (value ?? '').trim();
  if (options.required && v === '') throw invalid(field, value, 'a non-empty value');
  if (/[\p{Cc}]/u.test(v.replace(/[\n\t]/g, ''))) throw invalid(field, value, 'text without control characters');
  if ([...v].length > options.max) throw invalid(field, value, `at most ${options.max} characters`);
  return v;
}

export function isoDate(field: string, value: CorrectionValue): string {
  const v = (value ?? '').trim();
  if (!isIsoDate(v)) throw invalid(field, value, 'a real date as YYYY-MM-DD');
  return v;
}

export function oneOf<T extends string>(field: string, value: CorrectionValue, allowed: readonly T[]): T {
  const v = (value ?? '').trim();
  if (!(allowed as readonly string[]).includes(v)) throw invalid(field, value, `one of ${allowed.join(', ')}`);
  return v as T;
}

export function integer(field: string, value: CorrectionValue, min: number, max: number): number {
  const v = (value ?? '').trim();
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw invalid(field, value, `a whole number from ${min} to ${max}`);
  return Number(v);
}
