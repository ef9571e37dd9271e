// Understanding through a real ChatOpenAI against nock: the request carries the tools and the
// pseudonymised message only; the tool call comes back validated and mapped to an Intent.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { Intent } from '../../../../src/engine/intent.ts';
import { loadPrompts } from '../../../../src/engine/llm/prompts.ts';
import { createPseudonymiser, type NameDirectory } from '../../../../src/engine/llm/pseudonymise.ts';
import { TOOL_NAMES } from '../../../../src/engine/llm/tools.ts';
import { LlmOutputError } from '../../../../src/engine/llm/types.ts';
import { intentFromToolCall, understandWithLlm } from '../../../../src/engine/llm/understand-llm.ts';
import { captured, expectCompletion, firstPlaceholder, testModel, textAnswer, toolCall, userText } from './openai-nock.ts';

const directory: NameDirectory = {
  students: [
    { id: 'S002', familyName: '鈴木', givenName: '結衣', familyNameKana: 'すずき', givenNameKana: 'ゆい' },
    { id: 'S004', familyName: '田中', givenName: '美咲', familyNameKana: 'たなか', givenNameKana: 'みさき' },
  ],
  staff: [{ id: 'C01', familyName: '石井', givenName: '直子' }],
};
const prompts = loadPrompts();
const TODAY = '2026-11-20';

afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

async function understand(text: string, respond: Parameters<typeof expectCompletion>[0], offline?: Intent) {
  const names = createPseudonymiser(directory, { style: /[ぁ-んァ-ン]/.test(text) ? 'ja' : 'en' });
  expectCompletion(respond);
  return understandWithLlm(testModel(), { text, names, today: TODAY, prompts, offline });
}

describe('understanding with tool calls (real @langchain/openai, nock)', () => {
  it('sends one tool per intent, tool_choice required, and the message with placeholders only', async () => {
    const intent = await understand('鈴木結衣さんの先月の欠席は？', (body) =>
      toolCall('ask_about_student', { student: firstPlaceholder(body), period: { from: '2026-10-01', to: '2026-10-31' } }),
    );
    expect(intent).toEqual({ type: 'ask_about_student', text: '鈴木 結衣', period: { from: '2026-10-01', to: '2026-10-31' } });
    const body = captured.at(-1)!;
    expect(body.tools!.map((t) => t.function.name)).toEqual(TOOL_NAMES);
    expect(body.tool_choice).toBe('required');
    expect(userText(body)).toBe('〔生徒1〕さんの先月の欠席は？');
    expect(body.messages[0]!.content).toContain('Today is 2026-11-20 (Friday)');
    expect(JSON.stringify(body)).not.toMatch(/鈴木|結衣|S002/);
  });

  it('keeps the whole message for the services when the model names the student in words ("her")', async () => {
    const intent = await understand('What could we try for her?', () => toolCall('suggest_support', { student: 'her' }));
    expect(intent).toEqual({ type: 'suggest_support', text: 'What could we try for her?' });
  });

  it('logs an observation with the author’s own words as the note, never the model’s', async () => {
    const intent = await understand('記録: 田中さん、今朝3限に保健室へ。表情は明るめ', (body) =>
      toolCall('log_observation', {
        student: firstPlaceholder(body),
        observed_on: TODAY,
        time: '10:40',
        lesson_period: 3,
        setting: 'nurse_office',
        categories: ['health', 'positive'],
        mood: 'positive',
        concern: 'none',
      }),
    );
    expect(intent).toMatchObject({
      type: 'log_observation',
      text: '田中',
      draft: { text: '田中さん、今朝3限に保健室へ。表情は明るめ', observedOn: TODAY, lessonPeriod: 3, setting: 'nurse_office', concern: 'none' },
    });
  });

  it('never lowers an urgent concern the offline rules found', async () => {
    const offline: Intent = {
      type: 'log_observation',
      text: 'x',
      draft: { text: 'x', observedOn: TODAY, categories: ['safeguarding'], concern: 'urgent' },
    };
    const intent = await understand('記録: 鈴木さん「消えたい」と書いていた', () => toolCall('log_observation', { observed_on: TODAY, categories: ['emotional'], concern: 'none' }), offline);
    expect(intent.type === 'log_observation' && intent.draft).toMatchObject({ concern: 'urgent', categories: ['emotional', 'safeguarding'] });
  });

  it('search: an author placeholder and keywords come back as names', async () => {
    const intent = await understand('石井先生が9月に書いた鈴木さんの記録で「胸」を含むもの', () =>
      toolCall('search_history', { student: '〔生徒1・姓〕', keywords: ['胸'], author: '〔職員1・姓〕', period: { from: '2026-09-01', to: '2026-09-30' } }),
    );
    expect(intent).toEqual({ type: 'search_history', text: '鈴木', keywords: ['胸'], author: '石井', period: { from: '2026-09-01', to: '2026-09-30' } });
    expect(userText(captured.at(-1)!)).toBe('〔職員1・姓〕先生が9月に書いた〔生徒1・姓〕さんの記録で「胸」を含むもの');
  });

  it('support actions, the digest (snapped to Monday), help, attention and smalltalk', async () => {
    expect(
      await understand('Started a Monday check-in with Yui today', (body) =>
        toolCall('record_support_action', { student: firstPlaceholder(body), action: 'start', description: 'Monday check-in with [STUDENT_1_GIVEN]', acted_on: TODAY }),
      ),
    ).toEqual({ type: 'record_support_action', text: '結衣', action: 'start', description: 'Monday check-in with 結衣', actedOn: TODAY });
    expect(await understand('今週のまとめを見せて', () => toolCall('digest_preview', { week_of: '2026-11-19' }))).toEqual({ type: 'digest_preview', weekOf: '2026-11-16' });
    expect(await understand('help', () => toolCall('help', {}))).toEqual({ type: 'help' });
    expect(await understand('今週気になる生徒は？', () => toolCall('list_attention', {}))).toEqual({ type: 'list_attention' });
    expect(await understand('ありがとう！', () => toolCall('smalltalk', {}))).toEqual({ type: 'smalltalk', text: 'ありがとう!' });
  });
});

describe('invalid model output throws LlmOutputError (the engine falls back)', () => {
  it.each([
    ['no tool call', () => textAnswer('I think you mean Yui.'), 'no_tool_call'],
    ['malformed JSON arguments', () => toolCall('ask_about_student', '{"student": "〔生徒1〕",'), 'invalid_arguments'],
    ['an unknown tool', () => toolCall('delete_student', { student: '〔生徒1〕' }), 'unknown_tool'],
    ['arguments failing the schema', () => toolCall('ask_about_student', { period: { from: '2026-13-01', to: '2026-10-31' } }), 'invalid_arguments'],
    ['a period running backwards', () => toolCall('search_history', { keywords: [], period: { from: '2026-10-31', to: '2026-10-01' } }), 'invalid_arguments'],
    ['a placeholder never sent (a guessed student)', () => toolCall('ask_about_student', { student: '〔生徒9〕' }), 'unknown_placeholder'],
    ['an observation dated in the future', () => toolCall('log_observation', { observed_on: '2026-12-01', categories: [], concern: 'none' }), 'invalid_arguments'],
  ])('%s', async (_name, respond, problem) => {
    const error = await understand('鈴木さんの様子は？', respond).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmOutputError);
    expect((error as LlmOutputError).problem).toBe(problem);
  });

  it('maps only what the schemas allow (pure check, no model)', () => {
    const names = createPseudonymiser(directory);
    names.pseudonymise('鈴木さん');
    expect(() => intentFromToolCall('log_observation', { observed_on: TODAY, categories: ['gossip'], concern: 'none' }, { text: 'x', names, today: TODAY })).toThrow(LlmOutputError);
    expect(intentFromToolCall('ask_about_student', {}, { text: ' 様子は？ ', names, today: TODAY })).toEqual({ type: 'ask_about_student', text: '様子は?' });
  });
});
