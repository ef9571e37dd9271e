// The Slack adapter: Bolt for the protocol, the engine behind a ChatHandler. Answers mentions in
// their thread, DMs in the DM, /yorisoi privately, shows App Home, and turns button clicks and the
// edit form into turns. Audience, exactly-once and rate limits are handled here, not in the engine.
import { App, ErrorCode, webApi, type Authorize } from '@slack/bolt';
import { encodeConversationRef } from '../../chat/conversation-ref.ts';
import type { ChatAdapter, EventLedger, Installation, InstallationStore, ReadinessCheck } from '../../chat/types.ts';
import { listChannelMembers } from './channel-members.ts';
import { deliverReply, deliverToChannel } from './deliver.ts';
import { createInFlight } from './in-flight.ts';
import { registerListeners } from './listeners.ts';
import { errorFields, sdkLogger, type SlackLog } from './log.ts';
import { createReceiver, type AdapterReceiver } from './receiver.ts';
import { createSendQueue } from './send-queue.ts';
import { createSlackSender, rateLimitRetryAfter } from './slack-sender.ts';

export interface SlackAdapterOptions {
  mode: 'socket' | 'http';
  botToken: string;
  appToken?: string;
  signingSecret?: string;
  /** HTTP mode's port; 0 picks any free port (tests). */
  port: number;
  /** HTTP mode's interface; default all. */
  host?: string;
  /** SLACK_API_URL: another Web API base, e.g. a local stand-in for Slack. */
  apiUrl?: string;
  ledger: EventLedger;
  installations: InstallationStore;
  /** Codes and ids only: never message text or personal data. */
  log: SlackLog;
  /** Minimum gap between posts to one channel; Slack allows about one a second. */
  channelIntervalMs?: number;
  /** HTTP mode's /readyz (the database, from the composition root); without it, ready while running. */
  readiness?: ReadinessCheck;
}

/** Knobs for tests; production uses the defaults. */
export interface SlackAdapterInternals {
  /** HTTP mode: hold the response until the work is done (default false: ack first). */
  processBeforeResponse?: boolean;
  now?: () => Date;
}

export type SlackAdapter = ChatAdapter & {
  /** Resolves when no turn or send is in progress. */
  idle(): Promise<void>;
  /** HTTP mode's bound port, once started. */
  address(): { port: number } | undefined;
};

export function createSlackAdapter(options: SlackAdapterOptions, internals: SlackAdapterInternals = {}): SlackAdapter {
  const { log } = options;
  const inFlight = createInFlight();
  const queue = createSendQueue({
    intervalMs: options.channelIntervalMs ?? 1000,
    retryAfterSeconds: rateLimitRetryAfter,
    onRateLimited: (channel, retryAfterSeconds, attempt) => log('warn', 'slack_rate_limited', { channel, retryAfterSeconds, attempt }),
  });
  // No retries inside the Web API client: a rate-limited send is retried by the queue, which
  // knows about channel spacing; anything else fails fast instead of retrying for minutes.
  const clientOptions = () => ({
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: sdkLogger(log),
  });
  const client = new webApi.WebClient(options.botToken, clientOptions());
  let running: { app: App; receiver: AdapterReceiver } | undefined;
  /** The bot's own user, known from auth.test at start (asked for if needed before that). */
  let botUserId: string | undefined;
  const ownUserId = async (): Promise<string | undefined> => (botUserId ??= (await client.auth.test()).user_id);

  // The store's last answer for each workspace, used only when the store cannot be reached: Bolt
  // acknowledges and drops any event whose authorization fails, so during a database outage the
  // events would vanish; with it, they reach the engine, which says "temporarily unavailable".
  const lastKnown = new Map<string, Installation>();
  const authorize: Authorize<boolean> = async (source) => {
    if (!source.teamId) throw new Error('workspace not installed');
    let installation: Installation | undefined;
    try {
      installation = await options.installations.find('slack', source.teamId);
      if (installation) lastKnown.set(source.teamId, installation);
      else lastKnown.delete(source.teamId);
    } catch (error) {
      installation = lastKnown.get(source.teamId);
      if (!installation) throw error;
      log('warn', 'slack_installations_unavailable', errorFields(error));
    }
    if (!installation) throw new Error('workspace not installed');
    return { botToken: installation.botToken, botUserId: installation.botUserId, botId: installation.botId, teamId: installation.workspaceId };
  };

  return {
    platform: 'slack',

    async start(handler) {
      if (running) throw new Error('Slack adapter already started');
      const auth = await client.auth.test();
      if (!auth.team_id || !auth.user_id) throw new Error('Slack auth.test returned no team or bot user');
      botUserId = auth.user_id;
      const own: Installation = { platform: 'slack', workspaceId: auth.team_id, botToken: options.botToken, botUserId: auth.user_id, ...(auth.bot_id ? { botId: auth.bot_id } : {}) };
      await options.installations.save(own);
      lastKnown.set(own.workspaceId, own);

      const receiver = createReceiver(
        {
          mode: options.mode,
          appToken: options.appToken,
          signingSecret: options.signingSecret,
          port: options.port,
          host: options.host ?? '0.0.0.0',
          apiUrl: options.apiUrl,
          processBeforeResponse: internals.processBeforeResponse ?? false,
          log,
          ...(options.readiness ? { readiness: options.readiness } : {}),
        },
        inFlight,
      );
      const app = new App({ receiver, authorize, clientOptions: clientOptions(), logger: sdkLogger(log) });
      app.error(async (error) => {
        // Authorize failing means the workspace is not (or no longer) installed: not acted on.
        if (error.code === ErrorCode.AuthorizationError) log('warn', 'slack_workspace_not_installed');
        else log('error', 'slack_handling_failed', errorFields(error.original ?? error));
      });
      registerListeners(app, {
        handler,
        ledger: options.ledger,
        installations: options.installations,
        queue,
        log,
        now: internals.now ?? (() => new Date()),
        botUserId: auth.user_id,
      });
      await app.start();
      running = { app, receiver };
      log('info', 'slack_started', { mode: options.mode, teamId: auth.team_id });
    },

    async sendDirect(recipient, reply) {
      if (!recipient.slackUserId) {
        log('warn', 'slack_direct_skipped_no_user', { staffId: recipient.staffId });
        return;
      }
      const userId = recipient.slackUserId;
      await inFlight.track(
        (async () => {
          const sender = createSlackSender(client, queue, log);
          const channel = await sender.openDm(userId);
          await deliverReply(sender, reply, { kind: 'dm', channel }, encodeConversationRef({ platform: 'slack', parts: [channel] }));
        })(),
      );
    },

    async channelMembers(channelId) {
      // The bot is a member of any channel it posts in, but not a reader the caller must vet.
      const self = await ownUserId();
      return (await listChannelMembers(client, channelId)).filter((id) => id !== self);
    },

    async sendToChannel(channelId, reply) {
      // Only for content every member may read: the caller checked the members (see deliverToChannel).
      await inFlight.track(deliverToChannel(createSlackSender(client, queue, log), reply, channelId, encodeConversationRef({ platform: 'slack', parts: [channelId] })));
      log('info', 'slack_channel_post_sent', { channel: channelId, sensitivity: reply.sensitivity, files: reply.attachments?.length ?? 0 });
    },

    async stop() {
      const current = running;
      if (!current) return;
      running = undefined;
      current.receiver.refuseNew();
      await inFlight.idle();
      await current.app.stop();
      log('info', 'slack_stopped');
    },

    idle: () => inFlight.idle(),
    address: () => running?.receiver.address(),
  };
}
