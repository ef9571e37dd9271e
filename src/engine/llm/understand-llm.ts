// Understanding through LangChain tool calling. The model sees the system prompt and the
// pseudonymised message, nothing else: no records, no memory, so stored notes can never steer
// which intent runs. Its one tool call is validated with the tool's zod schema and mapped to an
// Intent, with names restored; anything unusable throws LlmOutputError for the offline fallback.
import { HumanMessage, SystemMessage, type AIMessage } from '@langchain/core/messages';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { addDays, weekday } from '../../domain/dates.ts';
import type { ObservationCategory } from '../../domain/school.ts';
import { Intent } from '../intent.ts';
import type { PromptLibrary } from './prompts.ts';
import type { Pseudonymiser } from './pseudonymise.ts';
import { TOOL_DEFINITIONS, TOOL_SCHEMAS, type ToolArgs, type ToolName } from './tools.ts';
import { LlmOutputError } from './types.ts';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const LOG_MARKER = /^\s*(?:記録|メモ|log|note)\s*[:：]\s*/i;

export interface UnderstandInput {
  /** The message as the staff member wrote it; it leaves only pseudonymised. */
  text: string;
  names: Pseudonymiser;
  /** The school-local date, YYYY-MM-DD. */
  today: string;
  /** What the offline rules understood: an urgent concern they found is never dropped. */
  offline?: Intent;
  prompts: PromptLibrary;
  signal?: AbortSignal;
}

export function understandMessages(input: Pick<UnderstandInput, 'text' | 'names' | 'today' | 'prompts'>) {
  const system = input.prompts.render('understand.system', { today: input.today, weekday: WEEKDAYS[weekday(input.today)]! });
  return [new SystemMessage(system), new HumanMessage(input.names.pseudonymise(input.text))];
}

export async function understandWithLlm(model: BaseChatModel, input: UnderstandInput): Promise<Intent> {
  if (!model.bindTools) throw new Error('the chat model does not support tool calling');
  const bound = model.bindTools(TOOL_DEFINITIONS, { tool_choice: 'required' });
  const answer = (await bound.invoke(understandMessages(input), { signal: input.signal })) as AIMessage;
  const call = answer.tool_calls?.[0];
  if (!call) throw new LlmOutputError(answer.invalid_tool_calls?.length ? 'invalid_arguments' : 'no_tool_call');
  return intentFromToolCall(call.name, call.args, input);
}

/** Validates one tool call and maps it to an Intent (exported for tests and for other model wrappers). */
export function intentFromToolCall(name: string, rawArgs: unknown, input: Pick<UnderstandInput, 'text' | 'names' | 'today' | 'offline'>): Intent {
  if (!(name in TOOL_SCHEMAS)) throw new LlmOutputError('unknown_tool', name);
  const tool = name as ToolName;
  const parsed = TOOL_SCHEMAS[tool].safeParse(rawArgs ?? {});
  if (!parsed.success) throw new LlmOutputError('invalid_arguments', tool);

  const { names } = input;
  const message = input.text.normalize('NFKC').trim();
  /** Names back, as the services match them (kanji); a placeholder this turn never sent is invalid. */
  const restore = (value: string): string => {
    const unknown = names.unknownPlaceholders(value);
    if (unknown.length) throw new LlmOutputError('unknown_placeholder');
    return names.restore(value, 'ja');
  };
  /** The services find the student in `text`: the one the model pointed at, else the whole message. */
  const studentText = (student: string | undefined): string => {
    if (!student) return message;
    const restored = restore(student);
    return restored === student ? message : restored;
  };
  const notAfterToday = (date: string): string => {
    if (date > input.today) throw new LlmOutputError('invalid_arguments', 'date after today');
    return date;
  };

  const intent = ((): unknown => {
    switch (tool) {
      case 'help':
      case 'list_attention':
        return { type: tool };
      case 'smalltalk':
        return { type: 'smalltalk', text: message };
      case 'ask_about_student': {
        const a = parsed.data as ToolArgs<'ask_about_student'>;
        return { type: tool, text: studentText(a.student), ...(a.period ? { period: a.period } : {}) };
      }
      case 'suggest_support': {
        const a = parsed.data as ToolArgs<'suggest_support'>;
        return { type: tool, text: studentText(a.student) };
      }
      case 'log_observation': {
        const a = parsed.data as ToolArgs<'log_observation'>;
        const offlineUrgent = input.offline?.type === 'log_observation' && input.offline.draft.concern === 'urgent';
        const urgent = a.concern === 'urgent' || offlineUrgent;
        const categories = [...new Set<ObservationCategory>([...a.categories, ...(urgent ? (['safeguarding'] as const) : [])])];
        const noteText = message.replace(LOG_MARKER, '').trim() || message;
        return {
          type: tool,
          text: studentText(a.student),
          draft: {
            text: noteText,
            observedOn: notAfterToday(a.observed_on),
            ...(a.time ? { observedTime: a.time } : {}),
            ...(a.lesson_period ? { lessonPeriod: a.lesson_period } : {}),
            ...(a.setting ? { setting: a.setting } : {}),
            categories,
            ...(a.mood ? { mood: a.mood } : {}),
            concern: urgent ? 'urgent' : 'none',
          },
        };
      }
      case 'record_support_action': {
        const a = parsed.data as ToolArgs<'record_support_action'>;
        return {
          type: tool,
          text: studentText(a.student),
          action: a.action,
          description: restore(a.description),
          ...(a.outcome ? { outcome: restore(a.outcome) } : {}),
          actedOn: notAfterToday(a.acted_on),
        };
      }
      case 'search_history': {
        const a = parsed.data as ToolArgs<'search_history'>;
        return {
          type: tool,
          text: studentText(a.student),
          keywords: [...new Set(a.keywords.map(restore).filter(Boolean))],
          ...(a.period ? { period: a.period } : {}),
          ...(a.author ? { author: restore(a.author) } : {}),
          ...(a.setting ? { setting: a.setting } : {}),
        };
      }
      case 'audit_query': {
        const a = parsed.data as ToolArgs<'audit_query'>;
        const staff = a.staff ? restore(a.staff) : undefined;
        // Only a staff member named: no student to look for (their name is not a student's).
        const text = a.student ? studentText(a.student) : staff ? '' : message;
        return { type: tool, text, ...(staff ? { staff } : {}), ...(a.period ? { period: a.period } : {}) };
      }
      case 'records_request': {
        const a = parsed.data as ToolArgs<'records_request'>;
        return { type: tool, action: a.action, text: studentText(a.student) };
      }
      case 'digest_preview': {
        const a = parsed.data as ToolArgs<'digest_preview'>;
        // The week's Monday, whatever day of it the model named.
        return a.week_of ? { type: tool, weekOf: addDays(a.week_of, -((weekday(a.week_of) + 6) % 7)) } : { type: tool };
      }
    }
  })();

  const checked = Intent.safeParse(intent);
  if (!checked.success) throw new LlmOutputError('invalid_arguments', tool);
  return checked.data;
}
