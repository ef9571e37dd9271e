// The Slack side of the adapter contract: a staff member DMs the bot through signed Events API
// requests to the real adapter (Bolt, HTTP mode), replies are read back from the recorded Web API
// calls, and buttons are pressed with block_actions payloads built from the posted blocks.
import nock from 'nock';
import type { ChatHandler } from '../../../../src/chat/types.ts';
import type { ContractDriver, SampleStaffIds, SeenReply } from '../contract/driver.ts';
import { dmEvent, eventEnvelope, interaction, recordSlackApi, startHarness, TEAM, type ApiCall, type Harness } from './harness.ts';

/** Slack user ids of the sample school's staff (staff.csv). */
export const slackStaff: SampleStaffIds = { T01: 'U0AT01YAMADA', T04: 'U0AT04HAYASHI', unknown: 'U0NOBODY' };

interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}
type SlackReply = SeenReply & { post: ApiCall };

const blocksOf = (call: ApiCall) => (call.body.blocks ?? []) as { type: string; text?: { text: string }; elements?: Button[] }[];
const buttonsOf = (call: ApiCall) => blocksOf(call).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

function seen(calls: readonly ApiCall[]): SlackReply[] {
  return calls
    .filter((c) => c.method === 'chat.postMessage' || c.method === 'chat.postEphemeral')
    .map((post) => ({
      post,
      text: blocksOf(post).filter((b) => b.type === 'section').map((b) => b.text?.text ?? '').join('\n') || String(post.body.text ?? ''),
      private: String(post.body.channel).startsWith('D') || post.method === 'chat.postEphemeral',
      buttons: buttonsOf(post).map((b) => b.text.text),
    }));
}

export function slackDriver(): ContractDriver {
  let harness: Harness;
  let api: ReturnType<typeof recordSlackApi>;
  const dmChannel = (who: string) => `D0${who.slice(3)}`;

  async function exchange(send: () => Promise<Response>): Promise<SeenReply[]> {
    const before = api.calls.length;
    await send();
    await harness.adapter.idle();
    return seen(api.calls.slice(before));
  }

  return {
    name: 'slack',
    async start(handler: ChatHandler) {
      // Each post gets its own ts, as on Slack: a button is pressed on one message only once.
      let posted = 0;
      api = recordSlackApi({ 'chat.postMessage': () => ({ ok: true, ts: `1700000100.${String(++posted).padStart(6, '0')}` }) });
      harness = await startHarness({ ...handler, turns: [], homes: [] });
    },
    say: (who, text) => exchange(() => harness.send(eventEnvelope(dmEvent(text, { user: who, channel: dmChannel(who) })))),
    press(who, reply, label) {
      const { post } = reply as SlackReply;
      const button = buttonsOf(post).find((b) => b.text.text === label);
      if (!button) throw new Error(`no button "${label}" on the reply`);
      const channel = String(post.body.channel);
      const ts = String(post.result.ts);
      return exchange(() =>
        harness.send(
          interaction({
            type: 'block_actions',
            user: { id: who, team_id: TEAM },
            api_app_id: 'A0APP',
            token: 'x',
            container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
            trigger_id: `trigger-${button.action_id}`,
            team: { id: TEAM },
            channel: { id: channel, name: 'directmessage' },
            message: { type: 'message', ts, text: post.body.text, blocks: post.body.blocks },
            response_url: `https://hooks.slack.com/actions/${TEAM}/1/${button.action_id}`,
            actions: [{ action_id: button.action_id, block_id: 'yorisoi_actions_0', text: { type: 'plain_text', text: label }, value: button.value, type: 'button', action_ts: '1' }],
          }),
        ),
      );
    },
    async stop() {
      await harness.stop();
      nock.cleanAll();
    },
  };
}
