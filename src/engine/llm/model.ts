// The chat model: OpenAI, or any OpenAI-compatible server (Ollama, vLLM, LM Studio) through
// OPENAI_BASE_URL. Retries happen in exactly one place, LangChain's caller (`maxRetries`): the
// OpenAI SDK underneath is given none by @langchain/openai, and the engine adds none on top.
import { ChatOpenAI } from '@langchain/openai';

export const MODEL_TIMEOUT_MS = 20_000;
export const MODEL_MAX_RETRIES = 1;

/** Config['openai'] (the engine does not import config: ARCHITECTURE.md). */
export interface OpenAiSettings {
  apiKey?: string;
  baseUrl?: string;
  model: string;
}

export interface ModelOptions {
  /** Per request; a retry gets its own. The engine's turn budget caps the total. */
  timeoutMs?: number;
  /** Tests set 0. */
  maxRetries?: number;
  maxTokens?: number;
  /** The HTTP client under the SDK: the benchmark records requests with it (tests use nock instead). */
  fetch?: typeof fetch;
}

/** Local servers need no key, but the SDK insists on one. */
const LOCAL_SERVER_KEY = 'not-needed';

/** Models that reject a temperature (reasoning models). */
const NO_TEMPERATURE = /^(o\d|gpt-5)/;

export function createChatModel(openai: OpenAiSettings, options: ModelOptions = {}): ChatOpenAI {
  const apiKey = openai.apiKey ?? (openai.baseUrl ? LOCAL_SERVER_KEY : undefined);
  if (!apiKey) throw new Error('OPENAI_API_KEY or OPENAI_BASE_URL is required for the openai engine');
  return new ChatOpenAI({
    apiKey,
    model: openai.model,
    ...(NO_TEMPERATURE.test(openai.model) ? {} : { temperature: 0 }),
    maxTokens: options.maxTokens ?? 700,
    timeout: options.timeoutMs ?? MODEL_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? MODEL_MAX_RETRIES,
    configuration: {
      ...(openai.baseUrl ? { baseURL: openai.baseUrl } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    },
  });
}
