import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/index.ts';
import { envSchema } from '../../../src/config/schema.ts';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('needs nothing: SQLite in ./data, offline engine, demo school, the real clock', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe('file:./data/yorisoi.db');
    expect(config.engine).toBe('offline');
    expect(config.demo).toBe('auto');
    expect(config.slack).toBeUndefined();
    expect(config.discord).toBeUndefined();
    expect(Math.abs(config.now().getTime() - Date.now())).toBeLessThan(5_000);
  });

  it('YORISOI_NOW pins the clock', () => {
    const config = loadConfig({ YORISOI_NOW: '2026-11-20T17:00:00+09:00' });
    expect(config.now().toISOString()).toBe('2026-11-20T08:00:00.000Z');
    expect(config.now().toISOString()).toBe('2026-11-20T08:00:00.000Z');
  });

  it.each([
    [{ YORISOI_NOW: 'yesterday' }, 'YORISOI_NOW: expected an ISO date-time'],
    [{ YORISOI_NOW: '2026-11-20' }, 'YORISOI_NOW: expected an ISO date-time'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL: expected file:<path> for SQLite or postgresql://'],
    [{ SLACK_MODE: 'socket', SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_APP_TOKEN: is required when SLACK_MODE=socket'],
    [{ SLACK_MODE: 'http', SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET: is required when SLACK_MODE=http'],
    [{ SLACK_MODE: 'sockets' }, 'SLACK_MODE:'],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN: is required when Slack runs'],
    [{ SLACK_BOT_TOKEN: 'abc', SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN: expected a bot token starting with xoxb-'],
    [{ SLACK_PORT: 'eighty' }, 'SLACK_PORT:'],
    [{ DISCORD_TOKEN: 't' }, 'DISCORD_APPLICATION_ID: is required when DISCORD_TOKEN is set'],
    [{ YORISOI_ENGINE: 'openai' }, 'OPENAI_API_KEY: is required when YORISOI_ENGINE=openai'],
    [{ YORISOI_ENGINE: 'llm' }, 'YORISOI_ENGINE:'],
    [{ YORISOI_ENGINE: 'gpt' }, 'YORISOI_ENGINE:'],
    [{ DIGEST_SCHEDULE: 'friday 16:00' }, 'DIGEST_SCHEDULE: expected a weekday (mon..sun) and a 24-hour Asia/Tokyo time'],
    [{ DIGEST_SCHEDULE: 'fri 4pm' }, 'DIGEST_SCHEDULE: expected a weekday'],
    [{ DIGEST_SCHEDULE: 'fri 24:00' }, 'DIGEST_SCHEDULE: expected a weekday'],
    [{ DIGEST_SCHEDULE: 'fri' }, 'DIGEST_SCHEDULE: expected a weekday'],
    [{ DIGEST_SLACK_CHANNEL: '#staff-room', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }, 'DIGEST_SLACK_CHANNEL: expected a Slack channel id such as C0123ABCD'],
    [{ DIGEST_SLACK_CHANNEL: 'C0123ABCD' }, 'DIGEST_SLACK_CHANNEL: is a Slack channel, so Slack must run'],
  ])('rejects %o naming the variable and what it expects', (env, expected) => {
    expect(problems(env as Record<string, string>).join('\n')).toContain(expected);
  });

  it('lists every problem at once', () => {
    expect(problems({ YORISOI_NOW: 'x', LOG_LEVEL: 'loud' })).toHaveLength(2);
  });

  it('runs the openai engine with an API key, or with a local OpenAI-compatible server alone', () => {
    const hosted = loadConfig({ YORISOI_ENGINE: 'openai', OPENAI_API_KEY: 'sk-test' });
    expect(hosted.engine).toBe('openai');
    expect(hosted.openai).toEqual({ apiKey: 'sk-test', baseUrl: undefined, model: 'gpt-4o-mini' });
    const local = loadConfig({ YORISOI_ENGINE: 'openai', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'qwen2.5:7b' });
    expect(local.openai).toEqual({ apiKey: undefined, baseUrl: 'http://127.0.0.1:11434/v1', model: 'qwen2.5:7b' });
  });

  it('derives Slack socket mode from an app token', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(config.slack).toMatchObject({ mode: 'socket', botToken: 'xoxb-1', appToken: 'xapp-1', port: 3000 });
  });

  it('sends the weekly digest on Friday at 16:00 Asia/Tokyo unless told otherwise', () => {
    expect(loadConfig({}).digest).toEqual({ schedule: { weekday: 5, hour: 16, minute: 0 }, slackChannel: undefined });
    expect(loadConfig({ DIGEST_SCHEDULE: '' }).digest.schedule).toEqual({ weekday: 5, hour: 16, minute: 0 });
    expect(loadConfig({ DIGEST_SCHEDULE: ' Mon 7:30 ' }).digest.schedule).toEqual({ weekday: 1, hour: 7, minute: 30 });
    expect(loadConfig({ DIGEST_SCHEDULE: 'OFF' }).digest.schedule).toBe('off');
  });

  it('takes a Slack channel for digests when Slack runs', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', DIGEST_SLACK_CHANNEL: 'C0123ABCD' });
    expect(config.digest.slackChannel).toBe('C0123ABCD');
  });

  it('limits chat turns per person: 30 a minute, 10 on the LLM engine, unless told otherwise', () => {
    expect(loadConfig({}).rateLimit).toEqual({ perMinute: 30, llmPerMinute: 10 });
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '60', LLM_RATE_LIMIT_PER_MINUTE: '5' }).rateLimit).toEqual({ perMinute: 60, llmPerMinute: 5 });
    expect(problems({ RATE_LIMIT_PER_MINUTE: 'lots', LLM_RATE_LIMIT_PER_MINUTE: '0' })).toEqual([
      expect.stringMatching(/^RATE_LIMIT_PER_MINUTE: /),
      expect.stringMatching(/^LLM_RATE_LIMIT_PER_MINUTE: /),
    ]);
  });

  it('.env.example documents every variable of the schema', () => {
    const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    for (const key of Object.keys(envSchema.shape)) expect(example, key).toMatch(new RegExp(`^# ${key}=`, 'm'));
  });
});
