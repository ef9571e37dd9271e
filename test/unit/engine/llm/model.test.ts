// The chat model from configuration: OpenAI or an OpenAI-compatible server, one retry layer.
import nock from 'nock';
import { HumanMessage } from '@langchain/core/messages';
import { afterEach, describe, expect, it } from 'vitest';
import { createChatModel, MODEL_MAX_RETRIES, MODEL_TIMEOUT_MS } from '../../../../src/engine/llm/model.ts';
import { captured, expectCompletion, failCompletion, OPENAI, SETTINGS, testModel, textAnswer } from './openai-nock.ts';

afterEach(() => nock.cleanAll());

describe('the chat model', () => {
  it('talks to an OpenAI-compatible server at OPENAI_BASE_URL (Ollama, vLLM, LM Studio), no API key needed', async () => {
    const local = 'http://127.0.0.1:11434';
    let authorization: string | undefined;
    const scope = nock(local)
      .post('/v1/chat/completions', (body) => {
        captured.push(body);
        return true;
      })
      .reply(200, function reply() {
        authorization = String(this.req.headers.authorization);
        return textAnswer('こんにちは');
      });
    const model = createChatModel({ baseUrl: `${local}/v1`, model: 'qwen2.5:7b' }, { maxRetries: 0 });
    const answer = await model.invoke([new HumanMessage('hello')]);
    expect(answer.content).toBe('こんにちは');
    expect(scope.isDone()).toBe(true);
    expect(captured.at(-1)).toMatchObject({ model: 'qwen2.5:7b', temperature: 0 });
    expect(authorization).toBe('Bearer not-needed');
  });

  it('uses the API key against api.openai.com otherwise', async () => {
    let authorization: string | undefined;
    nock(OPENAI)
      .post('/v1/chat/completions')
      .reply(200, function reply() {
        authorization = String(this.req.headers.authorization);
        return textAnswer('ok');
      });
    await testModel().invoke([new HumanMessage('hello')]);
    expect(authorization).toBe('Bearer sk-test');
  });

  it('production defaults: 20 s per request, one retry', () => {
    const model = createChatModel(SETTINGS);
    expect(model.timeout).toBe(MODEL_TIMEOUT_MS);
    expect((model.caller as unknown as { maxRetries: number }).maxRetries).toBe(MODEL_MAX_RETRIES);
    expect(MODEL_MAX_RETRIES).toBe(1);
  });

  it('retries in one layer only: maxRetries 1 makes exactly two requests, 0 makes one', async () => {
    const before = captured.length;
    for (let i = 0; i < 4; i++) failCompletion(500);
    await expect(createChatModel(SETTINGS, { maxRetries: 1, timeoutMs: 2_000 }).invoke([new HumanMessage('x')])).rejects.toMatchObject({ status: 500 });
    expect(captured.length - before).toBe(2);
    await expect(testModel().invoke([new HumanMessage('x')])).rejects.toMatchObject({ status: 500 });
    expect(captured.length - before).toBe(3);
  });

  it('takes a fetch for recording requests without nock (the benchmark)', async () => {
    const bodies: unknown[] = [];
    const recording: typeof fetch = async (_url, init) => {
      bodies.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify(textAnswer('ok')), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const answer = await createChatModel(SETTINGS, { maxRetries: 0, fetch: recording }).invoke([new HumanMessage('hello')]);
    expect(answer.content).toBe('ok');
    expect(bodies).toEqual([expect.objectContaining({ messages: [{ role: 'user', content: 'hello' }] })]);
  });

  it('needs an API key or a base URL', () => {
    expect(() => createChatModel({ model: 'gpt-4o-mini' })).toThrow(/OPENAI_API_KEY or OPENAI_BASE_URL/);
  });

  it('a completion with a fresh id each time (the fake itself)', async () => {
    expectCompletion(() => textAnswer('a'));
    expectCompletion(() => textAnswer('b'));
    const model = testModel();
    const [a, b] = [await model.invoke('1'), await model.invoke('2')];
    expect(a.id).not.toBe(b.id);
  });
});
