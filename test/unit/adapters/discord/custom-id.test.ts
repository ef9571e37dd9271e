// custom_id: what a button does and its conversation, in at most 100 characters, read back exactly.
import { describe, expect, it } from 'vitest';
import { CUSTOM_ID_MAX, decodeCustomId, encodeCustomId, type ComponentIntent } from '../../../../src/adapters/discord/custom-id.ts';
import type { ConversationRef } from '../../../../src/chat/conversation-ref.ts';

// Discord snowflakes run to 19-20 digits; this is the longest conversation the adapter makes.
const command: ConversationRef = { platform: 'discord', parts: ['12345678901234567890', 'cmd', '98765432109876543210'] };
const dm: ConversationRef = { platform: 'discord', parts: ['12345678901234567890'] };

describe('Discord custom_id', () => {
  const intents: ComponentIntent[] = [
    { kind: 'draft', decision: 'save' },
    { kind: 'draft', decision: 'edit' },
    { kind: 'draft', decision: 'cancel' },
    { kind: 'undo', recordId: '123456' },
    { kind: 'undo', recordId: 'c9f0e1d2-3b4a-5c6d-7e8f-901234567890' },
    { kind: 'choose_student', studentId: 'S001' },
    { kind: 'edit_form' },
  ];

  it('round-trips every intent with the longest conversation, within 100 characters', () => {
    for (const conversation of [command, dm]) {
      for (const intent of intents) {
        const id = encodeCustomId(intent, conversation)!;
        expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
        expect(decodeCustomId(id)).toEqual({ intent, conversation });
      }
    }
  });

  it('refuses ids that would not fit or would not read back', () => {
    expect(encodeCustomId({ kind: 'undo', recordId: 'x'.repeat(60) }, command)).toBeUndefined();
    expect(encodeCustomId({ kind: 'choose_student', studentId: 'S|001' }, dm)).toBeUndefined();
  });

  it('ignores custom_ids it did not make', () => {
    for (const id of ['', 'save', 'y0|ds||discord:1', 'y1|zz||discord:1', 'y1|ds||slack:C1:1.2', 'y1|u||discord:1', 'y1|ds|discord:1', 'y1|ds||nowhere:1']) {
      expect(decodeCustomId(id), id).toBeUndefined();
    }
  });
});
