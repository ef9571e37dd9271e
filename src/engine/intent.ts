// What a staff member means by a message. Both engines (offline rules, LLM) produce these, and
// the same services execute them.
import { z } from 'zod';

export const Intent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('help') }),
  /** The student is found later, from the text, among the students the asker may see. */
  z.object({ type: z.literal('ask_about_student'), text: z.string() }),
  z.object({ type: z.literal('suggest_support'), text: z.string() }),
  z.object({ type: z.literal('list_attention') }),
  /** A reply to "which student did you mean?": a number from the list, or a student id. */
  z.object({ type: z.literal('choose_student'), choice: z.string() }),
  z.object({ type: z.literal('unknown') }),
]);
export type Intent = z.infer<typeof Intent>;
