// Everything a handler needs for one turn.
import type { IncomingMessage, Reply } from '../chat/types.ts';
import type { Language } from '../domain/school.ts';
import type { StaffMember } from '../domain/staff.ts';
import type { ServiceContext } from '../services/context.ts';
import type { ConversationState } from './memory.ts';

/** Sends a reply to staff members directly (DM); each adapter decides how. */
export type Notify = (recipients: StaffMember[], reply: Reply) => Promise<void>;

export interface Turn {
  services: ServiceContext;
  message: IncomingMessage;
  staff: StaffMember;
  language: Language;
  state: ConversationState;
  /** Replaces the conversation's memory (undefined fields are forgotten). */
  remember(state: ConversationState): Promise<void>;
  notify: Notify;
}

export const plain = (text: string, language: Language, sensitivity: Reply['sensitivity'] = 'public'): Reply => ({ text, language, sensitivity });
