// The only module that reads process.env. Everything else receives a Config.
import { z } from 'zod';
import type { DigestSchedule } from '../domain/digest-schedule.ts';
import { envSchema } from './schema.ts';

export interface Config {
  databaseUrl: string;
  /** The clock. YORISOI_NOW pins it for demos, tests and checks. */
  now: () => Date;
  demo: 'auto' | 'off';
  /** offline: rules only, nothing leaves the school. openai: LangChain over OpenAI or an OpenAI-compatible server. */
  engine: 'offline' | 'openai';
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Turns one person may start per minute in chat: `perMinute` on the offline engine, `llmPerMinute` on the LLM engine. */
  rateLimit: { perMinute: number; llmPerMinute: number };
  openai: { apiKey?: string; baseUrl?: string; model: string };
  slack?: {
    mode: 'socket' | 'http';
    botToken: string;
    appToken?: string;
    signingSecret?: string;
    port: number;
    apiUrl?: string;
  };
  discord?: { token: string; applicationId: string };
  digest: {
    /** When the weekly digest goes out (Asia/Tokyo); 'off' starts no scheduler. */
    schedule: DigestSchedule | 'off';
    /** A Slack channel for digests whose content every member may see; the rest go by DM. */
    slackChannel?: string;
  };
  /**
   * Records retention, counted in whole years from the day a student left (Student.leftOn). Both
   * unset (the default): nothing is ever deleted automatically.
   */
  retention: {
    /** Delete a student's observations this many years after they left. */
    observationYears?: number;
    /** Delete everything about a student this many years after they left. */
    studentYears?: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment; throws ConfigError naming each bad variable and what it expects. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map(describeIssue));
  }
  const e = parsed.data;
  const pinned = e.YORISOI_NOW ? new Date(e.YORISOI_NOW) : undefined;
  const slackMode = e.SLACK_MODE ?? (e.SLACK_APP_TOKEN ? 'socket' : e.SLACK_SIGNING_SECRET ? 'http' : undefined);
  return {
    databaseUrl: e.DATABASE_URL,
    now: pinned ? () => new Date(pinned) : () => new Date(),
    demo: e.YORISOI_DEMO,
    engine: e.YORISOI_ENGINE,
    logLevel: e.LOG_LEVEL,
    rateLimit: { perMinute: e.RATE_LIMIT_PER_MINUTE, llmPerMinute: e.LLM_RATE_LIMIT_PER_MINUTE },
    openai: { apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL },
    slack:
      slackMode && e.SLACK_BOT_TOKEN
        ? {
            mode: slackMode,
            botToken: e.SLACK_BOT_TOKEN,
            appToken: e.SLACK_APP_TOKEN,
            signingSecret: e.SLACK_SIGNING_SECRET,
            port: e.SLACK_PORT,
            apiUrl: e.SLACK_API_URL,
          }
        : undefined,
    discord:
      e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID
        ? { token: e.DISCORD_TOKEN, applicationId: e.DISCORD_APPLICATION_ID }
        : undefined,
    digest: { schedule: e.DIGEST_SCHEDULE, slackChannel: e.DIGEST_SLACK_CHANNEL },
    retention: { observationYears: e.RETENTION_OBSERVATION_YEARS, studentYears: e.RETENTION_STUDENT_YEARS },
  };
}

/** For entry points: the configuration, or undefined after explaining what is wrong on `stderr`. */
export function loadConfigOrExplain(stderr: NodeJS.WritableStream, env: Record<string, string | undefined> = process.env): Config | undefined {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    stderr.write(`${error.message}\n`);
    return undefined;
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const name = issue.path.join('.') || '(environment)';
  return `${name}: ${issue.message}`;
}
