// The adapter logs stable codes and ids only: no message text, names or student data.
import { LogLevel, type Logger } from '@slack/bolt';

export type SlackLog = (level: 'info' | 'warn' | 'error', code: string, fields?: Record<string, string | number | boolean>) => void;

/** What can safely be said about a failure: its class and Slack's error code, never its message. */
export function errorFields(error: unknown): Record<string, string | number> {
  if (!(error instanceof Error)) return { error: typeof error };
  const fields: Record<string, string | number> = { error: error.name };
  const coded = error as Error & { code?: unknown; data?: { error?: unknown }; statusCode?: unknown };
  if (typeof coded.code === 'string') fields.errorCode = coded.code;
  if (typeof coded.data?.error === 'string') fields.slackError = coded.data.error;
  if (typeof coded.statusCode === 'number') fields.status = coded.statusCode;
  return fields;
}

/**
 * The SDK's own diagnostics, reduced to their first clause: Bolt sometimes quotes a request body
 * or a JSON parse error (which embeds the input) after a colon, and that may hold message text.
 */
export function sdkLogger(log: SlackLog): Logger {
  let level = LogLevel.WARN;
  const summary = (parts: unknown[]): Record<string, string | number> => {
    const error = parts.find((p) => p instanceof Error);
    const first = typeof parts[0] === 'string' ? parts[0] : '';
    const detail = first.split(/[:"'`(]/)[0]!.trim().slice(0, 120);
    return { ...(detail ? { detail } : {}), ...(error ? errorFields(error) : {}) };
  };
  return {
    debug: () => {},
    info: () => {},
    warn: (...parts: unknown[]) => log('warn', 'slack_sdk_warning', summary(parts)),
    error: (...parts: unknown[]) => log('error', 'slack_sdk_error', summary(parts)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
