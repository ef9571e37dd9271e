// One way to talk to an adapter from a contract test: a staff member says something privately
// (a DM, the terminal), sees the replies, and presses buttons on them. Each platform's driver
// does this through the platform's own wire format, so the same cases run on all of them.
import type { ChatHandler } from '../../../../src/chat/types.ts';

export interface SeenReply {
  text: string;
  /** Only the asker can see it (a DM, an ephemeral message, the terminal). */
  private: boolean;
  /** Button labels offered with it (the terminal lists what to type). */
  buttons: string[];
}

export interface ContractDriver {
  readonly name: string;
  start(handler: ChatHandler): Promise<void>;
  /** `who` is the staff member's platform user id; resolves with the replies this message produced. */
  say(who: string, text: string): Promise<SeenReply[]>;
  /** Presses the button with this label on `reply` (typed, in the terminal). */
  press(who: string, reply: SeenReply, label: string): Promise<SeenReply[]>;
  stop(): Promise<void>;
}

/** Staff of the sample school as each platform knows them. */
export interface SampleStaffIds {
  T01: string;
  T04: string;
  unknown: string;
}
