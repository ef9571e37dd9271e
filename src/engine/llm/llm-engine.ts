// The LLM engine: the offline engine with two steps handed to a model. Understanding goes to the
// model (the offline rules answer if it fails), acting stays with the offline engine and the
// services (so access, audit and confirmation of writes are exactly the same), and the grounded
// answer is rephrased by the model (the offline answer stands if that fails). The model's part
// of a turn has one time budget; whatever fails inside it, the asker gets the offline answer,
// never an error or a stack trace.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { ChatHandler, IncomingMessage, Reply } from '../../chat/types.ts';
import { schoolDateOf } from '../../domain/dates.ts';
import type { Language } from '../../domain/school.ts';
import type { Intent } from '../intent.ts';
import { detectLanguage } from '../language.ts';
import { messages } from '../compose/messages.ts';
import { composeWithLlm, isPhraseable } from './compose-llm.ts';
import { loadPrompts, type PromptLibrary } from './prompts.ts';
import { createPseudonymiser } from './pseudonymise.ts';
import { understandWithLlm } from './understand-llm.ts';
import { classifyLlmFailure, LlmBudgetError, type LlmFailure, type OfflineEngine } from './types.ts';

/** The model's share of one turn, both calls together (Slack acks first, so this is about the asker's patience). */
export const LLM_BUDGET_MS = 25_000;

/** Intents that answer the conversation's own question (an ask-back, a draft): the offline engine handles them. */
const CONVERSATIONAL: ReadonlySet<Intent['type']> = new Set(['choose_student', 'confirm_draft', 'undo_observation', 'digest_subscription', 'confirm_deletion']);

export interface LlmEngineDeps {
  offline: OfflineEngine;
  /** A tool-calling chat model (createChatModel). */
  model: BaseChatModel;
  now: () => Date;
  budgetMs?: number;
  prompts?: PromptLibrary;
  /** A fallback happened: which step and why, as codes (no text, no personal data). */
  onFallback?: (step: 'understand' | 'compose', reason: LlmFailure) => void;
  /** A turn failed outside the model (database down ...): code only. */
  onError?: (code: string, error: unknown) => void;
}

/** The same face as the offline engine (ChatHandler). */
export type LlmEngine = ChatHandler;

/** Runs `work`, giving up when the budget's signal fires even if the work ignores it. */
function withinBudget<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(new LlmBudgetError());
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(new LlmBudgetError());
    signal.addEventListener('abort', stop, { once: true });
    work()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', stop));
  });
}

export function createLlmEngine(deps: LlmEngineDeps): LlmEngine {
  const { offline, model } = deps;
  const prompts = deps.prompts ?? loadPrompts();
  const budgetMs = deps.budgetMs ?? LLM_BUDGET_MS;

  async function turn(message: IncomingMessage): Promise<Reply> {
    const staff = await offline.identify(message);
    if (!staff) return offline.handleTurn(message);

    const offlineIntent = await offline.understand(message, staff);
    if (CONVERSATIONAL.has(offlineIntent.type)) return offline.act(offlineIntent, message, staff);

    const language: Language = detectLanguage(message.text) ?? staff.preferredLanguage;
    const names = createPseudonymiser(await offline.directory(staff), { style: language });
    const budget = AbortSignal.timeout(budgetMs);

    let intent = offlineIntent;
    try {
      intent = await withinBudget(budget, () =>
        understandWithLlm(model, { text: message.text, names, today: schoolDateOf(deps.now()), offline: offlineIntent, prompts, signal: budget }),
      );
    } catch (error) {
      deps.onFallback?.('understand', classifyLlmFailure(error));
    }

    const reply = await offline.act(intent, message, staff);
    if (!isPhraseable(reply)) return withoutEvidence(reply);
    try {
      return await withinBudget(budget, () => composeWithLlm(model, { question: message.text, reply, names, prompts, signal: budget }));
    } catch (error) {
      deps.onFallback?.('compose', classifyLlmFailure(error));
      return withoutEvidence(reply);
    }
  }

  return {
    home: (platform, platformUserId) => offline.home(platform, platformUserId),
    async handleTurn(message) {
      try {
        return await turn(message);
      } catch (error) {
        deps.onError?.('turn_failed', error);
        const language = detectLanguage(message.text) ?? 'ja';
        return { text: messages.unavailable[language], language, sensitivity: 'public' };
      }
    },
  };
}

/** Evidence is for the model only; adapters get a plain Reply. */
function withoutEvidence(reply: Reply & { evidence?: unknown }): Reply {
  const { evidence: _evidence, ...plain } = reply;
  return plain;
}
