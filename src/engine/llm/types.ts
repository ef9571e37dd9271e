// The seam between the LLM engine and the offline engine. The LLM engine replaces understanding
// and phrasing; who is asking, what they may see and every read and write stay with the offline
// engine and the services behind it.
import type { Fact, IncomingMessage, Platform, Reply } from '../../chat/types.ts';
import type { StaffMember } from '../../domain/staff.ts';
import type { Intent } from '../intent.ts';
import type { NameDirectory } from './pseudonymise.ts';

export type { NameDirectory, PersonName } from './pseudonymise.ts';

/** One record an answer rests on, as a statement the model may rephrase. */
export interface Evidence {
  fact: Fact;
  /** What the record says, in the reply's language (e.g. the reply's line for it); names allowed, they are replaced before sending. */
  text: string;
  /** How the source is shown under the answer ("2026-11-10 山田"); shown locally, never sent. Default: fact.label. */
  source?: string;
}

/** An offline reply with the statements behind its facts. Without evidence the reply is used as it is. */
export interface GroundedReply extends Reply {
  evidence?: Evidence[];
}

export interface OfflineEngine {
  /** Who is asking; undefined for someone the school has not registered. */
  identify(message: IncomingMessage): Promise<StaffMember | undefined>;
  /**
   * Every name and id that must not reach the model for this asker: at least the students they
   * may see and the staff; passing the whole school also hides names of other students that
   * notes mention. Used only to build placeholders, never sent.
   */
  directory(staff: StaffMember): Promise<NameDirectory>;
  /** Offline understanding, aware of the conversation's memory (ask-backs, drafts waiting). */
  understand(message: IncomingMessage, staff: StaffMember): Promise<Intent>;
  /** Carries out an intent through the services and the access policy. */
  act(intent: Intent, message: IncomingMessage, staff: StaffMember): Promise<GroundedReply>;
  /** The whole offline turn (used for people the school has not registered). */
  handleTurn(message: IncomingMessage): Promise<Reply>;
  /** The home view: needs no language model. */
  home(platform: Platform, platformUserId: string): Promise<Reply>;
}

export type LlmFailure = 'timeout' | 'rate_limited' | 'server_error' | 'connection' | 'invalid_output' | 'budget' | 'other';

export type LlmOutputProblem =
  | 'no_tool_call'
  | 'unknown_tool'
  | 'invalid_arguments'
  | 'unknown_placeholder'
  | 'empty_answer'
  | 'no_cited_claims';

/** The model answered, but not with something we can use: the caller falls back to the offline engine. */
export class LlmOutputError extends Error {
  constructor(readonly problem: LlmOutputProblem, detail?: string) {
    super(detail ? `${problem}: ${detail}` : problem);
    this.name = 'LlmOutputError';
  }
}

/** The time budget for the LLM part of a turn ran out. */
export class LlmBudgetError extends Error {
  constructor() {
    super('llm_budget_exceeded');
    this.name = 'LlmBudgetError';
  }
}

/** What went wrong, as a code safe for logs (no message text, no personal data). */
export function classifyLlmFailure(error: unknown): LlmFailure {
  if (error instanceof LlmOutputError) return 'invalid_output';
  if (error instanceof LlmBudgetError) return 'budget';
  if (typeof error !== 'object' || error === null) return 'other';
  const e = error as { name?: unknown; status?: unknown; code?: unknown; message?: unknown; cause?: unknown; lc_error_code?: unknown };
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : '';
  const status = typeof e.status === 'number' ? e.status : undefined;
  if (name === 'TimeoutError' || /timed? ?out/i.test(message)) return 'timeout';
  if (name === 'AbortError' || message.startsWith('AbortError') || message === 'Aborted') return 'budget';
  if (status === 429 || e.lc_error_code === 'MODEL_RATE_LIMIT') return 'rate_limited';
  if (status !== undefined && status >= 500) return 'server_error';
  const cause = e.cause as { code?: unknown } | undefined;
  const code = typeof e.code === 'string' ? e.code : typeof cause?.code === 'string' ? cause.code : '';
  if (name === 'APIConnectionError' || /^(ECONN|ENOTFOUND|EAI_AGAIN|EPIPE|UND_ERR)/.test(code) || /connection/i.test(message)) return 'connection';
  if (name === 'OutputParserException' || /parse|JSON/i.test(message)) return 'invalid_output';
  return 'other';
}
