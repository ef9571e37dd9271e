// The intents as tools the model can call: one tool per intent, arguments as zod schemas. The
// model fills in what it understood; understand-llm.ts validates the call with the same schema
// and maps it to an Intent. The student is a placeholder or the message's own words, never a name.
import { z } from 'zod';
import { OBSERVATION_CATEGORIES } from '../../domain/school.ts';
import { isIsoDate } from '../../domain/dates.ts';
import { MOODS, SETTINGS } from '../intent.ts';

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isIsoDate, 'not a calendar date');

const Student = z.string().trim().min(1).max(80).describe('Placeholder, else the words used');
const Period = z
  .object({ from: IsoDate, to: IsoDate })
  .refine((p) => p.from <= p.to, 'from after to')
  .describe('Dates the question is about, inclusive');
const Setting = z.enum(SETTINGS);

export const TOOL_SCHEMAS = {
  help: z.object({}).describe('What the assistant can do, how to use it'),
  smalltalk: z.object({}).describe('Greetings, thanks, chat with nothing to look up or record'),
  ask_about_student: z
    .object({ student: Student.optional(), period: Period.optional() })
    .describe("How a student is doing: attendance (absences, lateness), records, plans; optionally over a period"),
  suggest_support: z.object({ student: Student.optional() }).describe('Ideas for what to try to support a student'),
  list_attention: z.object({}).describe('Which students need attention now'),
  log_observation: z
    .object({
      student: Student.optional(),
      observed_on: IsoDate,
      time: z.string().regex(/^\d{2}:\d{2}$/).optional().describe('HH:MM if the message gives a time (朝 08:30, 3限 ...)'),
      lesson_period: z.number().int().min(1).max(7).optional(),
      setting: Setting.optional(),
      categories: z.array(z.enum(OBSERVATION_CATEGORIES)).max(8),
      mood: z.enum(MOODS).optional(),
      concern: z.enum(['none', 'urgent']).describe('urgent on any hint of self-harm, suicide, wanting to disappear, abuse, neglect or violence'),
    })
    .describe('A report of what a student did, said or how they were, to record as an observation'),
  record_support_action: z
    .object({
      student: Student.optional(),
      action: z.enum(['start', 'update', 'end']),
      description: z.string().trim().min(1).max(300).describe('What was or will be done, in the message\'s words'),
      outcome: z.string().trim().min(1).max(300).optional().describe('How it went, if said'),
      acted_on: IsoDate,
    })
    .describe('Starting, continuing or ending a support step for a student'),
  search_history: z
    .object({
      student: Student.optional(),
      keywords: z.array(z.string().trim().min(1).max(40)).max(8).describe('Words to find in past records'),
      period: Period.optional(),
      author: z.string().trim().min(1).max(40).optional().describe('Staff placeholder or role (SC, nurse) who wrote them'),
      setting: Setting.optional(),
    })
    .describe('Search past records by words, author, setting or dates'),
  digest_preview: z.object({ week_of: IsoDate.optional() }).describe("The asker's weekly summary; week_of is that week's Monday"),
  audit_query: z
    .object({ student: Student.optional(), staff: z.string().trim().min(1).max(40).optional().describe('Staff placeholder'), period: Period.optional() })
    .describe("Access log: who viewed a student's records, or what a staff member viewed"),
  records_request: z
    .object({ student: Student.optional(), action: z.enum(['export', 'correct', 'delete']) })
    .describe("Records rights: export all of a student's data, correct it, or delete it"),
} as const;

export type ToolName = keyof typeof TOOL_SCHEMAS;
export type ToolArgs<N extends ToolName> = z.output<(typeof TOOL_SCHEMAS)[N]>;

export const TOOL_NAMES = Object.keys(TOOL_SCHEMAS) as ToolName[];

export interface OpenAiToolDefinition {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

/** Limits the zod schemas check locally anyway: sending them would cost tokens on every request. */
const LOCAL_ONLY = new Set(['$schema', 'pattern', 'minLength', 'maxLength', 'maxItems']);

function slim(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(slim);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !LOCAL_ONLY.has(key)).map(([key, v]) => [key, key === 'enum' ? v : slim(v)]));
}

/** OpenAI function definitions, built once from the zod schemas. */
export const TOOL_DEFINITIONS: OpenAiToolDefinition[] = TOOL_NAMES.map((name) => {
  const { description, ...parameters } = slim(z.toJSONSchema(TOOL_SCHEMAS[name], { io: 'input', unrepresentable: 'any' })) as Record<string, unknown>;
  return { type: 'function', function: { name, description: String(description ?? name), parameters } };
});
