// How a job logs: codes, counts and ids, never personal data (the composition passes app.log).
export type LogFields = Record<string, string | number | boolean>;

export type JobLog = (level: 'info' | 'warn' | 'error', code: string, fields?: LogFields) => void;

/** The error's class and code only: messages from SDKs and drivers can quote personal data. */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' || typeof code === 'number' ? { error: error.name, errorCode: code } : { error: error.name };
}
