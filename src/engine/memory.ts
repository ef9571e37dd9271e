// The engine's memory of a conversation: which students it offered when a name was ambiguous.
import { z } from 'zod';

export const ConversationState = z.object({
  /** Student ids offered in an ask-back, in the order shown (1-based choices). */
  candidates: z.array(z.string()).optional(),
  /** What was asked about the student being chosen. */
  question: z.enum(['ask_about_student', 'suggest_support']).optional(),
});
export type ConversationState = z.infer<typeof ConversationState>;

/** An ask-back is forgotten after this long. */
export const MEMORY_TTL_MS = 30 * 60 * 1000;
