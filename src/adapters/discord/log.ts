// The adapter's log sink and how errors appear in it. Only codes and numbers: an error message
// can quote the request body (a student's note), so it is never logged.

export type DiscordLog = (level: 'info' | 'warn' | 'error', code: string, fields?: Record<string, string | number | boolean>) => void;

/** The error's class, and Discord's HTTP status and JSON error code when it is an API error. */
export function errorFields(error: unknown): Record<string, string | number> {
  if (!(error instanceof Error)) return { error: typeof error };
  const fields: Record<string, string | number> = { error: error.name };
  const { status, code } = error as { status?: unknown; code?: unknown };
  if (typeof status === 'number') fields.status = status;
  if (typeof code === 'number' || typeof code === 'string') fields.code = code;
  return fields;
}
