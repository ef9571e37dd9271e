// What a staff member means by a message. Both engines (offline rules, LLM) produce these, and
// the same services execute them. The student is never decided here: `text` is resolved later,
// by the services, among the students the asker may see (or the conversation's student in focus).
import { z } from 'zod';
import { ObservationCategory } from '../domain/school.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A span of school dates, both ends inclusive ("先月", "last week", "10月"). */
export const Period = z.object({ from: IsoDate, to: IsoDate });
export type Period = z.infer<typeof Period>;

export const SETTINGS = ['classroom', 'nurse_office', 'separate_room', 'home_visit', 'phone', 'online', 'counseling', 'other'] as const;
export const Setting = z.enum(SETTINGS);
export type Setting = z.infer<typeof Setting>;

export const MOODS = ['positive', 'calm', 'tired', 'low', 'anxious', 'distressed', 'withdrawn', 'angry'] as const;
export const Mood = z.enum(MOODS);
export type Mood = z.infer<typeof Mood>;

/** An observation as understood from plain words, before the author confirms it. */
export const ObservationDraft = z.object({
  /** The note as the author wrote it, minus a leading "記録:" / "Log:" marker. */
  text: z.string().min(1),
  /** When it was observed: a school-local date, and the time if the message said one. */
  observedOn: IsoDate,
  /** 'HH:MM' school-local, from 3限, 朝, this morning ...; undefined when the message gave none. */
  observedTime: z.string().regex(/^\d{2}:\d{2}$/).optional(),
  /** The school period (1-6) if the message named one. */
  lessonPeriod: z.number().int().min(1).max(7).optional(),
  setting: Setting.optional(),
  categories: z.array(ObservationCategory),
  mood: Mood.optional(),
  concern: z.enum(['none', 'urgent']),
});
export type ObservationDraft = z.infer<typeof ObservationDraft>;

export const SupportActionKind = z.enum(['start', 'update', 'end']);

export const Intent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('help') }),
  z.object({ type: z.literal('smalltalk'), text: z.string() }),
  z.object({ type: z.literal('unknown') }),
  /** `period` narrows the answer ("先月の欠席は？"); absent means this school year. */
  z.object({ type: z.literal('ask_about_student'), text: z.string(), period: Period.optional() }),
  z.object({ type: z.literal('suggest_support'), text: z.string() }),
  z.object({ type: z.literal('list_attention') }),
  z.object({ type: z.literal('log_observation'), text: z.string(), draft: ObservationDraft }),
  /** Start, update or end a support plan ("月曜朝のチェックインを今日から始めました"). */
  z.object({
    type: z.literal('record_support_action'),
    text: z.string(),
    action: SupportActionKind,
    /** What was done or will be done, in the author's words. */
    description: z.string().min(1),
    /** How it went, when the message says ("効果あり", "no change"). */
    outcome: z.string().optional(),
    actedOn: IsoDate,
  }),
  /** Case-history search: words to find, and filters taken from the message. */
  z.object({
    type: z.literal('search_history'),
    text: z.string(),
    keywords: z.array(z.string()),
    period: Period.optional(),
    /** A staff name or role as written ("石井先生", "SC", "nurse"), resolved by the service. */
    author: z.string().optional(),
    setting: Setting.optional(),
  }),
  /** The asker's weekly digest; `weekOf` is a Monday. */
  z.object({ type: z.literal('digest_preview'), weekOf: IsoDate.optional() }),
  /** A reply to an ask-back: a number from the list, or a student id. */
  z.object({ type: z.literal('choose_student'), choice: z.string() }),
  /** A reply to a draft shown for confirmation. */
  z.object({ type: z.literal('confirm_draft'), decision: z.enum(['save', 'edit', 'cancel']), edit: z.string().optional() }),
  /** Turn the asker's own weekly digest on or off (`/yorisoi digest on|off`). */
  z.object({ type: z.literal('digest_subscription'), enabled: z.boolean() }),
  /** Take back a note just saved: the one named by an Undo button, or the last one saved here. */
  z.object({ type: z.literal('undo_observation'), observationId: z.string().optional() }),
  /**
   * The audit trail (admins only): who read a student's records (「今月、鈴木さんの記録を見たのは誰？」),
   * or what a staff member read (「山田先生が見た記録」). `text` holds the words naming the student,
   * resolved by the services ('' when only a staff member is named); `staff` is a staff name or id
   * as written (「山田先生」, "Yamada", T01). No `period`: everything recorded.
   */
  z.object({ type: z.literal('audit_query'), text: z.string(), staff: z.string().optional(), period: Period.optional() }),
  /**
   * A records-rights request about a student (admins only; APPI): everything held about them
   * (export), a correction, or deletion. `text` names the student, resolved by the services.
   */
  z.object({ type: z.literal('records_request'), action: z.enum(['export', 'correct', 'delete']), text: z.string() }),
  /** The typed confirmation of a deletion asked for just before: 「削除 S002」 / "delete S002". */
  z.object({ type: z.literal('confirm_deletion'), studentId: z.string() }),
]);
export type Intent = z.infer<typeof Intent>;
export type IntentType = Intent['type'];
