// The contract driver itself, with a stand-in engine: what the adapter contract will rely on
// when it runs its cases over Discord.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatHandler, IncomingMessage } from '../../../../src/chat/types.ts';
import { discordDriver, discordStaff } from './contract-driver.ts';

const driver = discordDriver(() => new Date('2026-11-20T08:00:00Z'));
afterEach(async () => driver.stop());

describe('Discord contract driver', () => {
  it("says things in the staff member's DM and presses buttons on the replies", async () => {
    const seen: IncomingMessage[] = [];
    const engine: ChatHandler = {
      async handleTurn(message) {
        seen.push(message);
        return message.action
          ? { text: '保存しました。', language: 'ja', sensitivity: 'restricted', actions: [{ type: 'undo', label: '元に戻す', recordId: '5' }] }
          : { text: '記録の下書きです。', language: 'ja', sensitivity: 'restricted', actions: [{ type: 'draft', decision: 'save', label: '保存' }] };
      },
      home: async () => ({ text: '', language: 'ja', sensitivity: 'public' }),
    };
    await driver.start(engine);
    const [draft, ...more] = await driver.say(discordStaff.T01, '記録：鈴木さん、1限から登校');
    expect(more).toEqual([]);
    expect(draft).toEqual({ text: '記録の下書きです。', private: true, buttons: ['保存'] });
    const [saved] = await driver.press(discordStaff.T01, draft!, '保存');
    expect(saved).toEqual({ text: '保存しました。', private: true, buttons: ['元に戻す'] });
    expect(seen.map((m) => [m.author.platformUserId, m.action?.kind ?? 'text'])).toEqual([
      [discordStaff.T01, 'text'],
      [discordStaff.T01, 'draft'],
    ]);
  });
});
