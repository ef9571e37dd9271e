// SECURITY.md #2 on Discord: a 'restricted' reply (a student's records) never becomes a message
// others in a server channel can read, whichever way the teacher reached the bot there.
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordedRequest } from './fake-discord-api.ts';
import { GUILD_CHANNEL_ID, TEACHER, botMessage, buttonClick, editFormSubmit, slashCommand } from './gateway.ts';
import { reply, startAdapter, type Harness } from './harness.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const EPHEMERAL = 64;

/** Every request that puts text in front of someone, with whether only the asker can see it. */
function visibleTexts(requests: RecordedRequest[]): Array<{ route: string; ephemeral: boolean }> {
  const deferredEphemeral = new Set<string>();
  const out: Array<{ route: string; ephemeral: boolean }> = [];
  for (const r of requests) {
    const callback = /^\/interactions\/[^/]+\/([^/]+)\/callback$/.exec(r.path);
    if (callback) {
      const flags = r.body.data?.flags ?? 0;
      if (r.body.type === 5) deferredEphemeral.add(callback[1]!);
      if (r.body.type === 4 || r.body.type === 5) out.push({ route: 'reply', ephemeral: (flags & EPHEMERAL) !== 0 });
      // type 7 updates the clicked message: only ever to take its buttons away, never new text.
      if (r.body.type === 7) {
        expect(r.body.data.components).toEqual([]);
        expect(r.body.data).not.toHaveProperty('content');
      }
      continue;
    }
    const edit = /^\/webhooks\/[^/]+\/([^/]+)\/messages\/@original$/.exec(r.path);
    if (edit && r.method === 'PATCH') out.push({ route: 'edit-original', ephemeral: deferredEphemeral.has(edit[1]!) });
    else if (/^\/webhooks\/[^/]+\/[^/]+$/.test(r.path)) out.push({ route: 'follow-up', ephemeral: ((r.body.flags ?? 0) & EPHEMERAL) !== 0 });
    else if (/^\/channels\/[^/]+\/messages$/.test(r.path)) out.push({ route: r.path, ephemeral: false });
  }
  return out;
}

describe('SECURITY checklist 2: a record question in a shared channel -> no record content in any channel post; answer ephemeral/DM (Discord)', () => {
  it('sends restricted replies in a server only ephemerally: command, click on a public message, edit form', async () => {
    const records = Array.from({ length: 80 }, (_, i) => `11/${(i % 28) + 1} 佐藤 結衣 欠席 理由：体調不良・家庭の事情`).join('\n');
    harness = await startAdapter(() => reply(records, { sensitivity: 'restricted', actions: [{ type: 'draft', decision: 'save', label: '保存' }] }));
    const key = `discord:${GUILD_CHANNEL_ID}:cmd:${TEACHER.id}`;
    // Buttons on a message everyone in the channel can see: the adapter never sends such a
    // message, but if one existed, answering a click on it must still be private.
    const publicMessage = botMessage([{ type: 1, components: [{ type: 2, style: 1, label: '保存', custom_id: `y1|ds||${key}` }] }], { ephemeral: false });

    harness.feed.interaction(slashCommand('ask', { text: '佐藤さんの欠席理由' }));
    await harness.adapter.idle();
    harness.feed.interaction(buttonClick(`y1|ds||${key}`, publicMessage));
    await harness.adapter.idle();
    harness.feed.interaction(editFormSubmit(`y1|df||${key}`, '書き直した記録', botMessage(publicMessage.components, { ephemeral: false })));
    await harness.adapter.idle();

    expect(harness.turns).toHaveLength(3);
    const shown = visibleTexts(harness.api.requests);
    expect(shown.length).toBeGreaterThan(6); // long answers went out in several pieces, each checked
    expect(shown.filter((s) => !s.ephemeral)).toEqual([]);
    expect(harness.api.find('POST', new RegExp(`^/channels/${GUILD_CHANNEL_ID}/`))).toEqual([]);
  });
});
