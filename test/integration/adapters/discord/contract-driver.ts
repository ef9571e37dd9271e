// The Discord adapter as a driver for the adapter contract (test/integration/adapters/contract):
// each staff member talks to the bot in their own DM, through a real discord.js Client fed
// gateway payloads, and sees what the adapter sent to the faked REST API.
import type { Client } from 'discord.js';
import { createDiscordAdapter, type DiscordAdapter } from '../../../../src/adapters/discord/index.ts';
import type { ChatHandler } from '../../../../src/chat/types.ts';
import type { ContractDriver, SampleStaffIds, SeenReply } from '../contract/driver.ts';
import { fakeDiscordApi, type RecordedRequest } from './fake-discord-api.ts';
import { APPLICATION_ID, botMessage, buttonClick, directMessage, gateway, testClient, type RawUser } from './gateway.ts';

/** The sample school's discord_user_id values (shared/sample-school/staff.csv), and a stranger. */
export const discordStaff: SampleStaffIds = { T01: '910000000000000001', T04: '910000000000000004', unknown: '919999999999999999' };

type Buttons = Array<{ components: Array<{ label: string; custom_id: string }> }>;

export function discordDriver(now: () => Date): ContractDriver {
  let api: ReturnType<typeof fakeDiscordApi>;
  let client: Client;
  let adapter: DiscordAdapter;
  /** The buttons each seen reply came with, to press them by label. */
  const buttonsOf = new WeakMap<SeenReply, Buttons>();
  const dmChannelOf = (who: string) => `8${who.slice(1)}`;
  const userOf = (who: string): RawUser => ({ id: who, username: `staff_${who.slice(-2)}`, global_name: null, discriminator: '0', avatar: null });

  /** What the requests put in front of the user, in order. Everything here happens in a DM. */
  function seen(requests: RecordedRequest[], dmChannelId: string): SeenReply[] {
    const replies: SeenReply[] = [];
    for (const r of requests) {
      const toDm = r.method === 'POST' && r.path === `/channels/${dmChannelId}/messages`;
      const followUp = r.method === 'POST' && r.path.startsWith(`/webhooks/${APPLICATION_ID}/`);
      const edit = r.method === 'PATCH' && r.path.endsWith('/messages/@original');
      if (!toDm && !followUp && !edit) continue;
      const components = (r.body.components ?? []) as Buttons;
      const reply: SeenReply = { text: r.body.content, private: true, buttons: components.flatMap((row) => row.components.map((b) => b.label)) };
      buttonsOf.set(reply, components);
      replies.push(reply);
    }
    return replies;
  }

  async function exchange(dmChannelId: string, act: () => void): Promise<SeenReply[]> {
    const before = api.requests.length;
    act();
    await adapter.idle();
    return seen(api.requests.slice(before), dmChannelId);
  }

  return {
    name: 'discord',
    async start(handler: ChatHandler) {
      api = fakeDiscordApi();
      client = testClient();
      adapter = createDiscordAdapter({ token: 'contract-bot-token', applicationId: APPLICATION_ID, log: () => undefined, client, login: false, now });
      await adapter.start(handler);
    },
    say(who, text) {
      const dmChannelId = dmChannelOf(who);
      return exchange(dmChannelId, () => gateway(client).message(directMessage(text, { user: userOf(who), channelId: dmChannelId })));
    },
    press(who, reply, label) {
      const components = buttonsOf.get(reply) ?? [];
      const button = components.flatMap((row) => row.components).find((b) => b.label === label);
      if (!button) throw new Error(`no button "${label}" on that reply`);
      const dmChannelId = dmChannelOf(who);
      const where = { in: 'dm' as const, dmChannelId, user: userOf(who) };
      return exchange(dmChannelId, () => gateway(client).interaction(buttonClick(button.custom_id, botMessage(components, where), where)));
    },
    async stop() {
      await adapter.stop();
      api.stop();
    },
  };
}
