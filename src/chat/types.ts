// The contract between platform adapters and the engine. Adapters turn platform events into
// IncomingMessage and render Reply; nothing else sees a Slack, Discord or terminal type.
import type { ConversationRef } from './conversation-ref.ts';

export interface IncomingMessage {
  id: string;
  conversation: ConversationRef;
  author: { platformUserId: string; displayName: string };
  text: string;
  /** A direct message (DM, App Home, terminal) rather than a shared channel. */
  isDirect: boolean;
  mentionsBot: boolean;
  receivedAt: Date;
  /** The platform's own event; never read outside the adapter that made it. */
  raw?: unknown;
}

/** A record a reply rests on, so answers can cite their sources. */
export interface Fact {
  kind: 'student' | 'attendance' | 'observation' | 'support_plan' | 'environment' | 'competency' | 'big_five' | 'calendar';
  recordId: string;
  label: string;
}

export type Action =
  | { type: 'choose_student'; label: string; studentId: string }
  | { type: 'button'; id: string; label: string; value: string };

/**
 * `public`: nothing about a student. `staff`: fine for the asker's colleagues. `restricted`:
 * a student's records — adapters send it only to the asker (ephemeral or DM), never to a channel.
 */
export type Sensitivity = 'public' | 'staff' | 'restricted';

export interface Reply {
  text: string;
  language: 'ja' | 'en';
  sensitivity: Sensitivity;
  facts?: Fact[];
  actions?: Action[];
}

/** A staff member to reach directly (a DM on Slack or Discord; printed in the terminal). */
export interface DirectRecipient {
  staffId: string;
  displayName: string;
  slackUserId?: string;
  discordUserId?: string;
}

export interface ChatAdapter {
  readonly platform: ConversationRef['platform'];
  start(handler: (message: IncomingMessage) => Promise<Reply>): Promise<void>;
  /** Sends a reply straight to one staff member, e.g. a safeguarding alert. */
  sendDirect(recipient: DirectRecipient, reply: Reply): Promise<void>;
  stop(): Promise<void>;
}
