// Application log on stderr: pino, one JSON line per event. Fields are codes, counts and ids of
// staff or events, never names or note text (SECURITY.md: no personal data in logs). Redaction
// is the second line of defence: a field whose name says it may carry a person's words or name
// is censored even if a future call site passes one by mistake.
import { pino, type DestinationStream } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** Field names that could carry personal data, at the top level and one level down. */
const SENSITIVE = ['text', 'note', 'notes', 'message', 'body', 'name', 'familyName', 'givenName', 'kana', 'email', 'student', 'studentId', 'studentNo', 'reply', 'prompt', 'stack'];
export const REDACTED = '[redacted]';

export function createLogger(level: LogLevel, sink: NodeJS.WritableStream = process.stderr, now: () => Date = () => new Date()): Logger {
  const logger = pino(
    {
      level,
      base: undefined,
      messageKey: 'event',
      timestamp: () => `,"time":"${now().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...SENSITIVE, ...SENSITIVE.map((key) => `*.${key}`)], censor: REDACTED },
    },
    sink as DestinationStream,
  );
  const write = (at: Exclude<LogLevel, 'silent'>) => (event: string, fields: LogFields = {}) => logger[at](fields, event);
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** The error's class and code only: messages from drivers can quote the data they choked on. */
export function errorFields(error: unknown): LogFields {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { error: error.name, code: typeof code === 'string' || typeof code === 'number' ? code : undefined };
  }
  return { error: typeof error };
}
