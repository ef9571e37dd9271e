// What the app listens to, and what each thing does. Bolt has already checked the signature and
// found the workspace's installation (authorize) before any of these run. Interactive requests
// (commands, buttons, forms) are acked first: Slack waits at most 3 s, the engine may take longer.
import type { App, webApi } from '@slack/bolt';
import type { ChatHandler, EventLedger, InstallationStore } from '../../chat/types.ts';
import { retireButtons } from './deliver.ts';
import { onceForEvent } from './exactly-once.ts';
import { errorFields, type SlackLog } from './log.ts';
import { parseButtonClick, parseDirectMessage, parseEditSubmission, parseHomeOpened, parseMention, parseSlashCommand, revokedWorkspace, type ParseContext } from './parse.ts';
import { ACTION_PREFIX, EDIT_FORM_CALLBACK_ID, renderEditForm, renderHomeView } from './render.ts';
import type { SendQueue } from './send-queue.ts';
import { createSlackSender } from './slack-sender.ts';
import type { ButtonHost } from './target.ts';
import { runTurn } from './turns.ts';

export interface ListenerDeps {
  handler: ChatHandler;
  ledger: EventLedger;
  installations: InstallationStore;
  queue: SendQueue;
  log: SlackLog;
  now: () => Date;
  /** The bot user found at start, for contexts that lack one (events that skip authorize). */
  botUserId: string;
}

/** Remembers recently used button messages, so a quick double click acts once on this instance. */
function createUsedButtons(limit = 500) {
  const used = new Set<string>();
  return {
    /** False when this message's buttons were already used. */
    use(host: ButtonHost): boolean {
      if (host.kind === 'view') return true;
      const key = host.kind === 'message' ? `${host.channel}:${host.ts}` : host.responseUrl;
      if (used.has(key)) return false;
      used.add(key);
      if (used.size > limit) used.delete(used.values().next().value!);
      return true;
    },
  };
}

export function registerListeners(app: App, deps: ListenerDeps): void {
  const { ledger, log } = deps;
  const parseContext = (context: { botUserId?: string }): ParseContext => ({ botUserId: context.botUserId ?? deps.botUserId, now: deps.now() });
  const senderFor = (client: webApi.WebClient) => createSlackSender(client, deps.queue, deps.log);
  const usedButtons = createUsedButtons();

  const retire = async (client: webApi.WebClient, host: ButtonHost, label: string) => {
    try {
      await retireButtons(senderFor(client), host, label);
    } catch (error) {
      log('warn', 'slack_buttons_not_retired', errorFields(error));
    }
  };

  app.event('app_mention', async ({ event, body, client, context }) => {
    const turn = parseMention(event, parseContext(context));
    if (!turn) return;
    await onceForEvent(ledger, log, body.event_id, () => runTurn(deps, client, senderFor(client), turn));
  });

  app.event('message', async ({ event, body, client, context }) => {
    const turn = parseDirectMessage(event, parseContext(context));
    if (!turn) return;
    await onceForEvent(ledger, log, body.event_id, () => runTurn(deps, client, senderFor(client), turn));
  });

  app.event('app_home_opened', async ({ event, body, client }) => {
    const home = parseHomeOpened(event);
    if (!home) return;
    await onceForEvent(ledger, log, body.event_id, async () => {
      const reply = await deps.handler.home('slack', home.userId);
      await client.views.publish({ user_id: home.userId, view: renderHomeView(reply, home.conversationKey) });
    });
  });

  // Uninstalling removes the workspace's tokens, so its later events fail authorize and are not
  // acted on. The school's records are not the workspace's and stay.
  const forgetWorkspace = async ({ body }: { body: { event_id?: string } }) => {
    const teamId = revokedWorkspace(body);
    if (!teamId) return;
    await onceForEvent(ledger, log, body.event_id, async () => {
      await deps.installations.remove('slack', teamId);
      log('info', 'slack_workspace_removed', { teamId });
    });
  };
  app.event('app_uninstalled', forgetWorkspace);
  app.event('tokens_revoked', forgetWorkspace);

  // Any of the app's slash commands (the manifest declares /yorisoi; a workspace may rename it).
  app.command(/^\//, async ({ ack, body, client, context }) => {
    await ack();
    const turn = parseSlashCommand(body, parseContext(context));
    if (!turn) return log('warn', 'slack_command_ignored');
    await runTurn(deps, client, senderFor(client), turn);
  });

  app.action({ type: 'block_actions', action_id: new RegExp(`^${ACTION_PREFIX}`) }, async ({ ack, body, client, context }) => {
    await ack();
    const click = parseButtonClick(body, parseContext(context));
    if (!click) return log('warn', 'slack_click_ignored');
    if (click.kind === 'edit') {
      // trigger_id expires 3 s after the click: the form opens before anything else.
      await client.views.open({ trigger_id: click.triggerId, view: renderEditForm(click.prefill, click.metadata) });
      return;
    }
    if (!usedButtons.use(click.host)) return log('info', 'slack_click_repeated');
    await retire(client, click.host, click.turn.message.text);
    await runTurn(deps, client, senderFor(client), click.turn);
  });

  app.view(EDIT_FORM_CALLBACK_ID, async ({ ack, body, client, context }) => {
    await ack(); // closes the form
    const submitted = parseEditSubmission(body, parseContext(context));
    if (!submitted) return log('warn', 'slack_edit_form_ignored');
    // The edited draft comes back with its own buttons; the old ones would act on it unseen.
    if (usedButtons.use(submitted.host)) await retire(client, submitted.host, submitted.turn.message.text);
    await runTurn(deps, client, senderFor(client), submitted.turn);
  });
}
