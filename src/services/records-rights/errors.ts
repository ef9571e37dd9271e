// What can be wrong with a records-rights request, as stable codes (for the chat to word) and an
// English message naming exactly what was wrong (for the CLI). Raised before anything is written,
// or inside the transaction, which then writes nothing.

export type RecordsRightsErrorCode =
  | 'unknown_student'
  | 'unknown_record'
  | 'unknown_field'
  | 'invalid_value'
  | 'reason_required'
  | 'no_change'
  | 'confirmation_mismatch';

export class RecordsRightsError extends Error {
  override name = 'RecordsRightsError';
  constructor(
    readonly code: RecordsRightsErrorCode,
    message: string,
    /** What the message names (student, record, field, value), for a reply worded elsewhere. */
    readonly details: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export const show = (value: unknown) => JSON.stringify(value);
