// The LLM engine (YORISOI_ENGINE=openai): what main.ts and the benchmark need.
export { createLlmEngine, LLM_BUDGET_MS, type LlmEngine, type LlmEngineDeps } from './llm-engine.ts';
export { createChatModel, MODEL_MAX_RETRIES, MODEL_TIMEOUT_MS, type ModelOptions, type OpenAiSettings } from './model.ts';
export { loadPrompts, PromptTemplateError, type PromptLibrary } from './prompts.ts';
export { phraseDigestSummary, type DigestSummaryInput } from './digest-summary.ts';
export { createPseudonymiser, type NameDirectory, type PersonName, type Pseudonymiser } from './pseudonymise.ts';
export { estimateTokens, promptSize, summarisePromptSizes, type PromptSize, type PromptSizeSummary } from './prompt-size.ts';
export { classifyLlmFailure, LlmBudgetError, LlmOutputError, type Evidence, type GroundedReply, type LlmFailure, type OfflineEngine } from './types.ts';
