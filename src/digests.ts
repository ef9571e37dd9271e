// The weekly digest, wired: who gets one, how it is built (one source per week, shared by every
// recipient) and where it goes (Slack DM or a channel everyone in it may read, Discord DM).
// The terminal chat runs no schedule (its user asks 「今週のまとめ」); `npm run cli -- digest send`
// prints. Part of the composition root: the only place the job, the store and the adapters meet.
import type { App } from './app.ts';
import type { ChatAdapter, Reply } from './chat/types.ts';
import type { Config } from './config/index.ts';
import type { StaffMember } from './domain/staff.ts';
import { composeWeeklyDigest } from './engine/compose/weekly-digest.ts';
import { buildDigest, buildDigests, loadDigestSource, type DigestSource, type WeeklyDigest } from './services/digest/index.ts';
import { everyoneMaySee } from './services/digest/audience.ts';
import { createDigestClaims } from './store/digest-claims.ts';
import { directRecipients, findStaffByPlatformUser, findStaffMember } from './store/staff-repository.ts';
import { createInstanceId } from './jobs/instance-id.ts';
import { classifyLlmFailure, createChatModel, LLM_BUDGET_MS, loadPrompts, phraseDigestSummary } from './engine/llm/index.ts';
import { nameDirectory } from './services/name-directory.ts';
import { startDigestScheduler, type DigestJobDeps, type DigestScheduler } from './jobs/weekly-digest-job.ts';

/** A run builds every digest within seconds; a source older than this is read again. */
const SOURCE_FRESH_MS = 5 * 60 * 1000;

export interface DigestDelivery {
  adapters: ChatAdapter[];
  slackChannel?: string;
}

export interface BuiltDigest {
  staff: StaffMember;
  digest: WeeklyDigest;
  reply: Reply;
  source: DigestSource;
}

/**
 * Builds digests, reading the week's records once for all recipients of a run. With the LLM
 * engine (`YORISOI_ENGINE=openai`) the summary paragraph is phrased by the model, within the same
 * time budget as a chat turn; on any failure the template paragraph stands.
 */
export function digestBuilder(app: App, config: Pick<Config, 'engine' | 'openai'>) {
  const model = config.engine === 'openai' ? createChatModel(config.openai) : undefined;
  const prompts = model ? loadPrompts() : undefined;
  async function phrased(digest: WeeklyDigest, language: StaffMember['preferredLanguage']): Promise<string | undefined> {
    if (!model || !prompts) return undefined;
    try {
      return await phraseDigestSummary(model, { digest, language, directory: await nameDirectory(app.services), prompts, signal: AbortSignal.timeout(LLM_BUDGET_MS) });
    } catch (error) {
      app.log.warn('digest_llm_fallback', { staff: digest.recipientId, reason: classifyLlmFailure(error) });
      return undefined;
    }
  }
  let cached: { weekOf: string; at: number; source: Promise<DigestSource> } | undefined;
  const sourceFor = (weekOf: string) => {
    const now = Date.now();
    if (!cached || cached.weekOf !== weekOf || now - cached.at > SOURCE_FRESH_MS) {
      const source = loadDigestSource(app.services, weekOf);
      cached = { weekOf, at: now, source };
      // A failed read is not kept: the next build reads again.
      source.catch(() => {
        if (cached?.source === source) cached = undefined;
      });
    }
    return cached.source;
  };
  // Digests built ahead by `prepare`, taken (once) by `build`.
  const prepared = new Map<string, { staff: StaffMember; digest: WeeklyDigest; source: DigestSource }>();
  const key = (staffId: string, weekOf: string) => `${staffId}|${weekOf}`;
  return {
    /** Builds these recipients' digests together: one access pass and audit write for all. */
    async prepare(staffIds: string[], weekOf: string): Promise<void> {
      // Only this run's digests matter; ones another instance delivered are dropped.
      prepared.clear();
      const staff = (await Promise.all(staffIds.map((id) => findStaffMember(app.database.db, id)))).filter((s): s is StaffMember => s !== undefined);
      const source = await sourceFor(weekOf);
      const digests = await buildDigests(app.services, staff, source, 'weekly_digest');
      staff.forEach((member, i) => prepared.set(key(member.id, weekOf), { staff: member, digest: digests[i]!, source }));
    },
    async build(staffId: string, weekOf: string): Promise<BuiltDigest | undefined> {
      let ready = prepared.get(key(staffId, weekOf));
      prepared.delete(key(staffId, weekOf));
      if (!ready) {
        const staff = await findStaffMember(app.database.db, staffId);
        if (!staff) return undefined;
        const source = await sourceFor(weekOf);
        ready = { staff, source, digest: await buildDigest(app.services, staff, source, 'weekly_digest') };
      }
      const { staff, digest } = ready;
      return { ...ready, reply: composeWeeklyDigest(digest, staff.preferredLanguage, await phrased(digest, staff.preferredLanguage)) };
    },
  };
}

/** True when posted to the channel; false (the caller sends a DM) when not everyone there may read it or the channel fails. */
async function sendToSlackChannel(app: App, slack: ChatAdapter, channel: string, built: BuiltDigest): Promise<boolean> {
  if (!slack.channelMembers || !slack.sendToChannel) return false;
  try {
    const userIds = await slack.channelMembers(channel);
    const members = await Promise.all(userIds.map((id) => findStaffByPlatformUser(app.database.db, 'slack', id)));
    if (!everyoneMaySee(members, built.staff, built.digest, built.source)) return false;
    await slack.sendToChannel(channel, built.reply);
    return true;
  } catch (error) {
    // A missing scope or a channel the bot was not invited to: the digest still reaches its reader.
    app.log.warn('digest_channel_failed', { staff: built.staff.id, error: (error as Error)?.name ?? 'unknown' });
    return false;
  }
}

/** The job's `prepare` and `deliver`: 'skipped' when no platform reaches this person. */
export function digestDeliverer(app: App, config: Config, delivery: DigestDelivery): Pick<DigestJobDeps, 'prepare' | 'deliver'> {
  const builder = digestBuilder(app, config);
  const deliver: DigestJobDeps['deliver'] = async (staffId, weekOf) => {
    const built = await builder.build(staffId, weekOf);
    if (!built) return 'skipped';
    const [recipient] = await directRecipients(app.database.db, [staffId]);
    const sends: Promise<void>[] = [];
    for (const adapter of delivery.adapters) {
      if (adapter.platform === 'slack' && recipient?.slackUserId) {
        sends.push((async () => {
          if (!(delivery.slackChannel && (await sendToSlackChannel(app, adapter, delivery.slackChannel, built)))) await adapter.sendDirect(recipient, built.reply);
        })());
      } else if (adapter.platform === 'discord' && recipient?.discordUserId) {
        sends.push(adapter.sendDirect(recipient, built.reply));
      }
    }
    if (!sends.length) return 'skipped';
    // Delivered on one platform counts as sent: failing the whole attempt would send the others again.
    const results = await Promise.allSettled(sends);
    const failed = results.filter((r) => r.status === 'rejected');
    if (failed.length === results.length) throw (failed[0] as PromiseRejectedResult).reason;
    if (failed.length) app.log.warn('digest_partly_delivered', { staff: staffId, failed: failed.length });
    return 'sent';
  };
  return { prepare: builder.prepare, deliver };
}

export async function digestRecipients(app: App): Promise<string[]> {
  const rows = await app.database.db.staff.findMany({ where: { digestOptIn: true }, select: { id: true }, orderBy: { id: 'asc' } });
  return rows.map((r) => r.id);
}

/** The scheduled digest on `npm start`; undefined when DIGEST_SCHEDULE=off. */
export function startWeeklyDigests(app: App, config: Config, delivery: DigestDelivery): DigestScheduler | undefined {
  const { schedule } = config.digest;
  if (schedule === 'off') return undefined;
  return startDigestScheduler({
    claims: createDigestClaims(app.database.db),
    recipients: () => digestRecipients(app),
    ...digestDeliverer(app, config, delivery),
    instanceId: createInstanceId(),
    log: (level, code, fields) => app.log[level](code, fields),
    schedule,
    now: config.now,
  });
}
