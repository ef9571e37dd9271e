// What a conversation remembers between turns (stored in the database, expiring): the student in
// focus for follow-ups ("彼女の先月の欠席は？"), the question waiting for a choice of student, and a
// draft waiting for Save, Edit or Cancel.
import { z } from 'zod';
import { Intent, ObservationDraft } from './intent.ts';

export const PendingDraft = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('observation'), studentId: z.string(), draft: ObservationDraft, alerted: z.boolean() }),
  z.object({
    kind: z.literal('support_action'),
    studentId: z.string(),
    action: z.enum(['start', 'update', 'end']),
    description: z.string(),
    outcome: z.string().optional(),
    actedOn: z.string(),
  }),
]);
export type PendingDraft = z.infer<typeof PendingDraft>;

export const ConversationState = z.object({
  /** The student the conversation is about, for follow-ups that do not name them. */
  focusStudentId: z.string().optional(),
  /** An ask-back: the students offered, in the order shown, and the question to answer. */
  choice: z.object({ candidates: z.array(z.string()), intent: Intent }).optional(),
  draft: PendingDraft.optional(),
  /** The note saved last in this conversation, for a typed 「元に戻す」 / "undo". */
  lastSavedObservationId: z.string().optional(),
  /** A deletion asked for and waiting for its typed confirmation (the student number again). */
  pendingDeletion: z.string().optional(),
});
export type ConversationState = z.infer<typeof ConversationState>;

/** Memory is forgotten after 30 minutes without a turn. */
export const MEMORY_TTL_MS = 30 * 60 * 1000;
