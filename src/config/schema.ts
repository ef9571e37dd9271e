// Every environment variable Yorisoi reads, validated once at start-up (ARCHITECTURE.md, habit 3).
// Keep .env.example in step: test/unit/config/config.test.ts checks that each key is there.
import { z } from 'zod';
import { DIGEST_SCHEDULE_FORMAT, parseDigestSchedule } from '../domain/digest-schedule.ts';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const isoDateTime = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)), {
    message: 'expected an ISO date-time with a zone, e.g. 2026-11-20T17:00:00+09:00',
  });

const port = z.coerce.number().int().min(1).max(65535);

// Parsed by the same function that defines the scheduler's input (domain/digest-schedule.ts), so
// a value that passes start-up is exactly a value the scheduler understands. Empty means default.
const digestSchedule = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const schedule = parseDigestSchedule(v === undefined || v.trim() === '' ? 'fri 16:00' : v);
    if (schedule) return schedule;
    ctx.addIssue({ code: 'custom', message: `expected ${DIGEST_SCHEDULE_FORMAT}` });
    return z.NEVER;
  });

// Whole years after a student left the school, or unset / empty / off for no automatic deletion.
const retentionYears = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const value = v?.trim().toLowerCase() ?? '';
    if (value === '' || value === 'off') return undefined;
    if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 100) return Number(value);
    ctx.addIssue({ code: 'custom', message: 'expected a whole number of years from 1 to 100 (or off)' });
    return z.NEVER;
  });

// A channel id, not a #name: ids survive renames, and the bot checks the channel's members by id.
const slackChannelId = optionalText.refine((v) => v === undefined || /^[CG][A-Z0-9]{6,}$/.test(v), {
  message: 'expected a Slack channel id such as C0123ABCD (channel details > About; not the #name)',
});

export const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .trim()
      .default('file:./data/yorisoi.db')
      .refine((v) => v.startsWith('file:') || /^postgres(ql)?:\/\//.test(v), {
        message: 'expected file:<path> for SQLite or postgresql://... for PostgreSQL',
      }),
    YORISOI_NOW: isoDateTime.optional(),
    YORISOI_DEMO: z.enum(['auto', 'off']).default('auto'),
    YORISOI_ENGINE: z.enum(['offline', 'openai']).default('offline'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    // Turns one person may start per minute on Slack or Discord; the LLM engine's is stricter.
    RATE_LIMIT_PER_MINUTE: z.coerce.number({ message: 'expected a whole number of turns per minute' }).int().min(1).max(10_000).default(30),
    LLM_RATE_LIMIT_PER_MINUTE: z.coerce.number({ message: 'expected a whole number of turns per minute' }).int().min(1).max(10_000).default(10),

    OPENAI_API_KEY: optionalText,
    OPENAI_BASE_URL: z.url({ message: 'expected a URL such as http://localhost:11434/v1' }).optional(),
    OPENAI_MODEL: z.string().trim().default('gpt-4o-mini'),

    SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), {
      message: 'expected a bot token starting with xoxb-',
    }),
    SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), {
      message: 'expected an app-level token starting with xapp-',
    }),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_MODE: z.enum(['socket', 'http']).optional(),
    SLACK_PORT: port.default(3000),
    SLACK_API_URL: z.url({ message: 'expected a URL such as https://slack.com/api/' }).optional(),

    DISCORD_TOKEN: optionalText,
    DISCORD_APPLICATION_ID: optionalText,

    DIGEST_SCHEDULE: digestSchedule,
    DIGEST_SLACK_CHANNEL: slackChannelId,

    RETENTION_OBSERVATION_YEARS: retentionYears,
    RETENTION_STUDENT_YEARS: retentionYears,
  })
  .superRefine((env, ctx) => {
    const slackMode = env.SLACK_MODE ?? (env.SLACK_APP_TOKEN ? 'socket' : env.SLACK_SIGNING_SECRET ? 'http' : undefined);
    if (slackMode && !env.SLACK_BOT_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: `is required when Slack runs (SLACK_MODE=${slackMode})` });
    }
    if (slackMode === 'socket' && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_APP_TOKEN'], message: 'is required when SLACK_MODE=socket (an xapp- token with connections:write)' });
    }
    if (slackMode === 'http' && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'is required when SLACK_MODE=http (from the app\'s Basic Information page)' });
    }
    if (env.DISCORD_TOKEN && !env.DISCORD_APPLICATION_ID) {
      ctx.addIssue({ code: 'custom', path: ['DISCORD_APPLICATION_ID'], message: 'is required when DISCORD_TOKEN is set' });
    }
    if (env.DIGEST_SLACK_CHANNEL && !slackMode) {
      ctx.addIssue({ code: 'custom', path: ['DIGEST_SLACK_CHANNEL'], message: 'is a Slack channel, so Slack must run (set SLACK_BOT_TOKEN and SLACK_APP_TOKEN or SLACK_SIGNING_SECRET)' });
    }
    if (env.YORISOI_ENGINE === 'openai' && !env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['OPENAI_API_KEY'], message: 'is required when YORISOI_ENGINE=openai (or set OPENAI_BASE_URL for a local OpenAI-compatible server)' });
    }
  });

export type Env = z.output<typeof envSchema>;
