// Prompt size per request, measured from captured request bodies (the benchmark, issue 4 item 9).
// Tokens are estimated without a tokenizer (no rank files are available offline): Japanese
// script runs about 1.5 characters per token, everything else about 4. Tool definitions count:
// OpenAI bills them as prompt tokens on every request.

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]/u;
const JA_CHARS_PER_TOKEN = 1.5;
const OTHER_CHARS_PER_TOKEN = 4;

export interface PromptSize {
  /** Characters of message content and tool definitions. */
  chars: number;
  japaneseChars: number;
  /** Estimated prompt tokens. */
  tokens: number;
  messageTokens: number;
  toolTokens: number;
}

export interface PromptSizeSummary {
  requests: number;
  totalTokens: number;
  meanTokens: number;
  maxTokens: number;
  perRequest: PromptSize[];
}

/** Estimated tokens of a text. */
export function estimateTokens(text: string): number {
  let japanese = 0;
  let other = 0;
  for (const ch of text) {
    if (JAPANESE.test(ch)) japanese++;
    else other++;
  }
  return Math.ceil(japanese / JA_CHARS_PER_TOKEN + other / OTHER_CHARS_PER_TOKEN);
}

function japaneseCount(text: string): number {
  let n = 0;
  for (const ch of text) if (JAPANESE.test(ch)) n++;
  return n;
}

interface ChatBody {
  messages?: { role?: string; content?: unknown }[];
  tools?: unknown[];
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (p && typeof p === 'object' && 'text' in p ? String((p as { text: unknown }).text) : '')).join('');
  return '';
}

/** The size of one /v1/chat/completions request body (parsed JSON or its text). */
export function promptSize(body: unknown): PromptSize {
  const parsed = (typeof body === 'string' ? JSON.parse(body) : body) as ChatBody;
  // Each message costs a few tokens of framing (role, separators) on top of its content.
  const messages = (parsed.messages ?? []).map((m) => contentText(m.content));
  const tools = parsed.tools?.length ? JSON.stringify(parsed.tools) : '';
  const messageTokens = messages.reduce((n, text) => n + estimateTokens(text) + 4, 0);
  const toolTokens = tools ? estimateTokens(tools) : 0;
  const all = messages.join('') + tools;
  return { chars: [...all].length, japaneseChars: japaneseCount(all), tokens: messageTokens + toolTokens, messageTokens, toolTokens };
}

/** Figures over many captured requests. */
export function summarisePromptSizes(bodies: readonly unknown[]): PromptSizeSummary {
  const perRequest = bodies.map(promptSize);
  const totalTokens = perRequest.reduce((n, s) => n + s.tokens, 0);
  return {
    requests: perRequest.length,
    totalTokens,
    meanTokens: perRequest.length ? Math.round(totalTokens / perRequest.length) : 0,
    maxTokens: perRequest.reduce((n, s) => Math.max(n, s.tokens), 0),
    perRequest,
  };
}
