// OpenAI's /v1/chat/completions faked with nock, so the real @langchain/openai and openai SDK
// code runs (TOOLCHAIN.md). Every request body is captured for the privacy assertions.
import nock from 'nock';
import { createChatModel, type OpenAiSettings } from '../../../../src/engine/llm/model.ts';

export const OPENAI = 'https://api.openai.com';
export const SETTINGS: OpenAiSettings = { apiKey: 'sk-test', model: 'gpt-4o-mini' };

let sequence = 0;

export interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  tools?: { type: 'function'; function: { name: string; description: string; parameters: unknown } }[];
  tool_choice?: unknown;
}

/** Every body sent to any fake OpenAI server in this test file. */
export const captured: ChatBody[] = [];

function completion(message: Record<string, unknown>, finishReason: string) {
  return {
    id: `chatcmpl-test-${++sequence}`,
    object: 'chat.completion',
    created: 1_763_600_000 + sequence,
    model: 'gpt-4o-mini',
    choices: [{ index: 0, finish_reason: finishReason, logprobs: null, message: { role: 'assistant', refusal: null, ...message } }],
    usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
  };
}

/** A completion calling one tool; `args` may be a string to send malformed JSON. */
export function toolCall(name: string, args: unknown) {
  const argumentsText = typeof args === 'string' ? args : JSON.stringify(args);
  return completion({ content: null, tool_calls: [{ id: `call_${++sequence}`, type: 'function', function: { name, arguments: argumentsText } }] }, 'tool_calls');
}

export function textAnswer(content: string) {
  return completion({ content }, 'stop');
}

export function userText(body: ChatBody): string {
  return body.messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n');
}

/** The first placeholder the model was shown (what a model would copy into its tool call). */
export function firstPlaceholder(body: ChatBody): string {
  const m = /〔[^〕]+〕|\[(?:STUDENT|STAFF|NAME)_\d+(?:_[A-Z]+)?\]/.exec(userText(body));
  if (!m) throw new Error('no placeholder in the request');
  return m[0];
}

type Responder = (body: ChatBody) => unknown;

/** One fake completion request on `base` answered by `respond` (given the captured body). */
export function expectCompletion(respond: Responder, base = OPENAI, path = '/v1/chat/completions'): nock.Interceptor {
  let body: ChatBody | undefined;
  const interceptor = nock(base).post(path, (b: ChatBody) => {
    body = b;
    captured.push(b);
    return true;
  });
  interceptor.reply(200, () => respond(body!));
  return interceptor;
}

/** A request that gets a failure status, captured like any other. */
export function failCompletion(status: number, base = OPENAI): void {
  nock(base)
    .post('/v1/chat/completions', (b: ChatBody) => {
      captured.push(b);
      return true;
    })
    .reply(status, { error: { message: status === 429 ? 'Rate limit reached' : 'Server error', type: 'server_error', code: null } });
}

export function testModel(options: { timeoutMs?: number; maxRetries?: number; settings?: OpenAiSettings } = {}) {
  return createChatModel(options.settings ?? SETTINGS, { timeoutMs: options.timeoutMs ?? 5_000, maxRetries: options.maxRetries ?? 0 });
}
