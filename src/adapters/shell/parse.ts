import type { IncomingMessage } from '../../chat/types.ts';

/** A line typed in the terminal, as the engine's message. The terminal is a private conversation. */
export function parseShellLine(line: string, staffId: string, sequence: number, now: Date): IncomingMessage {
  return {
    id: `shell-${sequence}`,
    conversation: { platform: 'shell', parts: [staffId] },
    author: { platformUserId: staffId, displayName: staffId },
    text: line,
    isDirect: true,
    mentionsBot: true,
    receivedAt: now,
  };
}
