// Application log on stderr, one JSON line per event. Fields are codes, counts and ids of
// staff or events, never names or note text (SECURITY.md: no personal data in logs).
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function createLogger(level: LogLevel, sink: NodeJS.WritableStream = process.stderr, now: () => Date = () => new Date()): Logger {
  const write = (at: Exclude<LogLevel, 'silent'>) => (event: string, fields: LogFields = {}) => {
    if (ORDER[at] < ORDER[level]) return;
    sink.write(`${JSON.stringify({ time: now().toISOString(), level: at, event, ...fields })}\n`);
  };
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
