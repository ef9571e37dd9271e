// A conversation's key is one string on every platform (slack:C123:1700000000.0001,
// discord:123456, shell:local), so thread memory works the same everywhere.

export interface ConversationRef {
  platform: 'slack' | 'discord' | 'shell';
  /** Platform-specific parts: channel, thread, ... (no ':' inside a part). */
  parts: string[];
}

export function encodeConversationRef(ref: ConversationRef): string {
  for (const part of ref.parts) {
    if (part.includes(':')) throw new Error(`conversation part must not contain ':' (${ref.platform})`);
  }
  return [ref.platform, ...ref.parts].join(':');
}

export function decodeConversationRef(key: string): ConversationRef {
  const [platform, ...parts] = key.split(':');
  if (platform !== 'slack' && platform !== 'discord' && platform !== 'shell') {
    throw new Error(`unknown conversation platform in key: ${platform}`);
  }
  return { platform, parts };
}
