// Starts Slack and/or Discord, whichever the configuration names, on one engine, routes direct
// messages (safeguarding alerts) to each recipient on every platform they are known on, and runs
// the weekly digest schedule and the daily records-retention run.
// Part of the composition root with main.ts and app.ts: the only place adapters meet the store.
import type { Config } from './config/index.ts';
import type { App } from './app.ts';
import type { ChatAdapter } from './chat/types.ts';
import { createSlackAdapter } from './adapters/slack/index.ts';
import { createDiscordAdapter } from './adapters/discord/index.ts';
import { createEventLedger } from './store/event-ledger.ts';
import { createInstallationStore } from './store/installation-store.ts';
import { checkReadiness } from './store/readiness.ts';
import { directRecipients } from './store/staff-repository.ts';
import type { Logger } from './log.ts';
import { startWeeklyDigests } from './digests.ts';
import { withRateLimit } from './engine/rate-limit.ts';
import { startRetentionSchedule } from './jobs/retention-job.ts';
import { runScheduledRetention } from './services/records-rights/index.ts';

type AdapterLog = (level: 'info' | 'warn' | 'error', code: string, fields?: Record<string, string | number | boolean>) => void;

function adapterLog(log: Logger, platform: string): AdapterLog {
  return (level, code, fields) => log[level](code, { platform, ...fields });
}

export interface RunningPlatforms {
  adapters: ChatAdapter[];
  /** Stops taking events, lets turns in progress finish, then disconnects. */
  stop(): Promise<void>;
}

export async function startChatPlatforms(app: App, config: Config): Promise<RunningPlatforms> {
  const { db } = app.database;
  const adapters: ChatAdapter[] = [];
  if (config.slack) {
    adapters.push(
      createSlackAdapter({
        ...config.slack,
        ledger: createEventLedger(db),
        installations: createInstallationStore(db),
        log: adapterLog(app.log, 'slack'),
        readiness: () => checkReadiness(app.database),
      }),
    );
  }
  if (config.discord) {
    adapters.push(createDiscordAdapter({ token: config.discord.token, applicationId: config.discord.applicationId, log: adapterLog(app.log, 'discord') }));
  }

  app.notifyThrough(async (staff, reply) => {
    for (const recipient of await directRecipients(db, staff.map((s) => s.id))) {
      for (const adapter of adapters) {
        // One platform failing must not keep the alert from the others.
        await adapter.sendDirect(recipient, reply).catch((error: unknown) => app.log.error('direct_message_failed', { platform: adapter.platform, staff: recipient.staffId, error: String((error as Error)?.name) }));
      }
    }
  });
  // One limiter for every platform (its keys name the platform); the terminal has none.
  const perMinute = config.engine === 'openai' ? config.rateLimit.llmPerMinute : config.rateLimit.perMinute;
  const handler = withRateLimit(app.engine, { perMinute }, { onLimited: (platform) => app.log.info('rate_limited', { platform }) });
  for (const adapter of adapters) {
    await adapter.start(handler);
    app.log.info('chat_platform_started', { platform: adapter.platform });
  }
  const digests = startWeeklyDigests(app, config, { adapters, ...(config.digest.slackChannel ? { slackChannel: config.digest.slackChannel } : {}) });
  // Off unless RETENTION_*_YEARS is set; then daily at 03:00 Asia/Tokyo.
  const retention = startRetentionSchedule({
    policy: config.retention,
    run: (policy) => runScheduledRetention(app.services, policy),
    now: config.now,
    log: (level, code, fields) => app.log[level](code, fields),
  });
  return {
    adapters,
    stop: async () => {
      // The digest run finishes its current recipient before the adapters close under it.
      await Promise.all([digests?.stop(), retention?.stop()]);
      await Promise.all(adapters.map((a) => a.stop()));
    },
  };
}
