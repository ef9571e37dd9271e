// The contract between platform adapters and the engine. Adapters turn platform events into
// IncomingMessage and render Reply; nothing else sees a Slack, Discord or terminal type.
import type { ConversationRef } from './conversation-ref.ts';

export type Platform = ConversationRef['platform'];

export interface IncomingMessage {
  id: string;
  conversation: ConversationRef;
  author: { platformUserId: string; displayName: string };
  text: string;
  /** A direct message (DM, App Home, terminal) rather than a shared channel. */
  isDirect: boolean;
  mentionsBot: boolean;
  receivedAt: Date;
  /**
   * Set when the user pressed a button or submitted a form instead of typing. The engine acts on
   * it directly; `text` then only says what was pressed (for the language and the logs).
   */
  action?: UserAction;
  /** The platform's own event; never read outside the adapter that made it. */
  raw?: unknown;
}

/** What a button or form on a reply does, once the user uses it. */
export type UserAction =
  | { kind: 'draft'; decision: 'save' | 'edit' | 'cancel'; /** the rewritten text, from an edit form */ edit?: string }
  | { kind: 'undo'; recordId: string }
  | { kind: 'choose_student'; studentId: string };

/** A record a reply rests on, so answers can cite their sources. */
export interface Fact {
  kind: 'student' | 'attendance' | 'observation' | 'support_plan' | 'environment' | 'competency' | 'big_five' | 'calendar';
  recordId: string;
  label: string;
}

/**
 * Buttons offered with a reply. Platforms with buttons render them; the terminal says what to
 * type. Using one comes back as the matching `UserAction`.
 */
export type Action =
  | { type: 'choose_student'; label: string; studentId: string }
  | { type: 'draft'; decision: 'save' | 'edit' | 'cancel'; label: string; /** the draft's note, to prefill an edit form */ text?: string }
  | { type: 'undo'; label: string; recordId: string };

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
  /** Files sent with the reply (the digest's attendance chart), to the same audience. */
  attachments?: Attachment[];
}

/** A file made by Yorisoi (the digest's PNG chart, a student's records export); platforms upload it with the message. */
export interface Attachment {
  filename: string;
  contentType: 'image/png' | 'text/markdown' | 'application/json';
  data: Uint8Array;
  /** Says what the file holds, for screen readers and where files are not shown. */
  altText: string;
}

/** A staff member to reach directly (a DM on Slack or Discord; printed in the terminal). */
export interface DirectRecipient {
  staffId: string;
  displayName: string;
  slackUserId?: string;
  discordUserId?: string;
}

/** What an adapter calls: the engine, behind a platform-neutral face. */
export interface ChatHandler {
  /** One message, command or button press, and the reply to it. */
  handleTurn(message: IncomingMessage): Promise<Reply>;
  /** A staff member's home view (Slack's App Home): their students needing attention now. */
  home(platform: Platform, platformUserId: string): Promise<Reply>;
}

export interface ChatAdapter {
  readonly platform: Platform;
  start(handler: ChatHandler): Promise<void>;
  /** Sends a reply straight to one staff member, e.g. a safeguarding alert. */
  sendDirect(recipient: DirectRecipient, reply: Reply): Promise<void>;
  /** Stops taking new events, lets the ones in progress finish, then disconnects. */
  stop(): Promise<void>;
  /**
   * Shared channels (Slack only): who is in one, and posting to it. Used only for a digest whose
   * every reader may see its content; everything else goes to people directly.
   */
  channelMembers?(channelId: string): Promise<string[]>;
  sendToChannel?(channelId: string, reply: Reply): Promise<void>;
}

/**
 * Exactly-once processing of platform events that may be delivered more than once (Slack retries
 * an event it thinks was missed), shared by every instance through the database.
 */
export interface EventLedger {
  /** True when this delivery should be processed: never seen, or an earlier attempt failed or died. */
  claim(key: string): Promise<boolean>;
  /** The event was processed; later deliveries are dropped. */
  complete(key: string): Promise<void>;
  /** The attempt failed; a retry may claim the event again. */
  release(key: string): Promise<void>;
}

/** A chat workspace the app is installed in, with the bot's credentials for it. */
export interface Installation {
  platform: Platform;
  /** Slack team id. */
  workspaceId: string;
  botToken: string;
  botUserId: string;
  botId?: string;
}

/** Where installations are kept; uninstalling removes a workspace's tokens and nothing else. */
export interface InstallationStore {
  save(installation: Installation): Promise<void>;
  find(platform: Platform, workspaceId: string): Promise<Installation | undefined>;
  remove(platform: Platform, workspaceId: string): Promise<void>;
}

/**
 * Whether this instance can do its work now: the database reachable and its migrations applied.
 * HTTP mode serves it at /readyz for a load balancer; `reason` is a code, never data.
 */
export interface Readiness {
  ready: boolean;
  reason?: 'database_unreachable' | 'migrations_pending' | 'shutting_down';
}
export type ReadinessCheck = () => Promise<Readiness>;
