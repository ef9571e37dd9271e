// Prompt-size figures from captured request bodies, for the benchmark.
import { describe, expect, it } from 'vitest';
import { estimateTokens, promptSize, summarisePromptSizes } from '../../../../src/engine/llm/prompt-size.ts';
import { TOOL_DEFINITIONS } from '../../../../src/engine/llm/tools.ts';

describe('prompt size', () => {
  it('estimates Japanese at ~1.5 characters a token and other text at ~4', () => {
    expect(estimateTokens('あいうえおかきくけこ')).toBe(7);
    expect(estimateTokens('abcdefgh')).toBe(2);
    expect(estimateTokens('')).toBe(0);
  });

  it('counts message content and tool definitions of a request body', () => {
    const body = { model: 'm', messages: [{ role: 'system', content: 'abcd'.repeat(10) }, { role: 'user', content: '様子は？' }], tools: TOOL_DEFINITIONS };
    const size = promptSize(body);
    expect(size.messageTokens).toBe(10 + 4 + 3 + 4);
    expect(size.toolTokens).toBe(estimateTokens(JSON.stringify(TOOL_DEFINITIONS)));
    expect(size.tokens).toBe(size.messageTokens + size.toolTokens);
    expect(promptSize(JSON.stringify(body))).toEqual(size);
  });

  it('summarises many requests', () => {
    const a = { messages: [{ role: 'user', content: 'abcdefgh' }] };
    const b = { messages: [{ role: 'user', content: 'abcdefghabcdefgh' }] };
    expect(summarisePromptSizes([a, b])).toMatchObject({ requests: 2, totalTokens: 6 + 8, meanTokens: 7, maxTokens: 8 });
    expect(summarisePromptSizes([])).toMatchObject({ requests: 0, totalTokens: 0, meanTokens: 0, maxTokens: 0 });
  });

  it('the tool definitions stay small (they are sent on every understanding request)', () => {
    expect(estimateTokens(JSON.stringify(TOOL_DEFINITIONS))).toBeLessThan(1_200);
  });
});
