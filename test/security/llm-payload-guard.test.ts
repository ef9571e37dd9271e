// The suite-wide guard for SECURITY.md checklist 7 (test/setup.ts) must really see the LLM
// engine's requests and really catch a name: otherwise it could never fail.
import { HumanMessage } from '@langchain/core/messages';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createChatModel } from '../../src/engine/llm/model.ts';
import { takeLlmPayloadFindings } from '../helpers/llm-payload-guard.ts';
import { expectCompletion, SETTINGS, textAnswer } from '../unit/engine/llm/openai-nock.ts';

afterEach(() => nock.cleanAll());

describe('SECURITY checklist 7: every outbound LLM payload in the test suite contains none of the fixture names or student numbers', () => {
  it('the guard sees requests the real SDK makes, and names what leaked', async () => {
    takeLlmPayloadFindings();
    expectCompletion(() => textAnswer('ok'));
    expectCompletion(() => textAnswer('ok'));
    const model = createChatModel(SETTINGS);
    await model.invoke([new HumanMessage('〔生徒A〕さんの様子')]);
    await model.invoke([new HumanMessage('鈴木結衣さん (S002) は yui と呼ばれている')]);
    const { leaks, requests } = takeLlmPayloadFindings(); // taken, so this file's own check stays clean
    expect(requests).toBe(2);
    expect(leaks.map((l) => l.split(': ')[1]!.split(' in ')[0])).toEqual(expect.arrayContaining(['S002', '鈴木', '結衣', '鈴木結衣', 'yui']));
  });
});
