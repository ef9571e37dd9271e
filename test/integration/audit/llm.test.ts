// The audit question through the LLM engine (real @langchain/openai against nock), over the real
// offline engine on the sample school: the model can produce the intent (a tool), only
// placeholders leave, the access decision stays in code, and the answer is never sent back to
// the model for phrasing (it carries no facts), so no audit content leaves the school.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseShellLine } from '../../../src/adapters/shell/parse.ts';
import { createEngine } from '../../../src/engine/handle-turn.ts';
import { intentFromToolCall } from '../../../src/engine/llm/understand-llm.ts';
import { createPseudonymiser } from '../../../src/engine/llm/pseudonymise.ts';
import { createLlmEngine, type LlmEngine } from '../../../src/engine/llm/llm-engine.ts';
import { nameDirectory } from '../../../src/services/name-directory.ts';
import { serviceContext } from '../../../src/services/context.ts';
import { importSchool } from '../../../src/store/import/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { SAMPLE_SCHOOL_DIR } from '../../helpers/sample-school.ts';
import { captured, expectCompletion, firstPlaceholder, testModel, toolCall, userText } from '../../unit/engine/llm/openai-nock.ts';

let database: TestDatabase;
let engine: LlmEngine;
let clock = new Date('2026-11-20T08:10:00+09:00');
let sequence = 0;
const ask = (staffId: string, text: string) => engine.handleTurn(parseShellLine(text, staffId, ++sequence, clock));

beforeAll(async () => {
  database = await createTestDatabase();
  await importSchool(database.db, SAMPLE_SCHOOL_DIR, {});
  const services = serviceContext(database, () => clock);
  const offline = createEngine(services);
  engine = createLlmEngine({ offline, model: testModel(), now: () => clock });
  // 山田先生 asks about 鈴木結衣 (offline: the model is not needed for the history).
  await offline.handleTurn(parseShellLine('鈴木結衣さんの様子は？', 'T01', ++sequence, clock));
  clock = new Date('2026-11-20T16:00:00+09:00');
});
afterAll(async () => database.destroy());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('the audit question through the LLM engine', () => {
  it('the model picks audit_query for a staff member (a placeholder); the trail comes from the database, unphrased', async () => {
    const before = captured.length;
    expectCompletion((body) => toolCall('audit_query', { staff: firstPlaceholder(body), period: { from: '2026-11-16', to: '2026-11-20' } }));
    const reply = await ask('A01', '山田先生が今週見た記録は？');
    expect(reply.sensitivity).toBe('restricted');
    expect(reply.text).toContain('山田 健一（T01・担任）がアクセスした記録 — 2026-11-16〜2026-11-20');
    expect(reply.text).toContain('・鈴木 結衣（S002・2-1）: 1回（最終 2026-11-20 08:10）');
    // One request (understanding); nothing of the answer went to the model.
    const sent = captured.slice(before);
    expect(sent).toHaveLength(1);
    expect(userText(sent[0]!)).toBe('〔職員1・姓〕先生が今週見た記録は？');
    expect(JSON.stringify(sent)).not.toMatch(/山田|健一|T01|鈴木|S002/);
  });

  it('a phrasing the rules miss still reaches the audit, for the admin only', async () => {
    expectCompletion((body) => toolCall('audit_query', { student: firstPlaceholder(body) }));
    const reply = await ask('A01', "Has anyone been snooping around in Yui's file?");
    expect(reply.text).toContain('Who accessed the records of Yui Suzuki (鈴木 結衣), S002, class 2-1 — everything recorded');
    expect(reply.text).toContain('山田 健一 (T01, homeroom teacher): 1 time (last 2026-11-20 08:10)');

    expectCompletion((body) => toolCall('audit_query', { student: firstPlaceholder(body) }));
    const refused = await ask('T02', "Has anyone been snooping around in Yui's file?");
    expect(refused.text).toBe('Only administrators can see the access log (who looked at which records). Please ask an administrator.');
    expect(await database.db.auditEvent.findMany({ where: { actorId: 'T02', kind: 'audit' } })).toEqual([
      expect.objectContaining({ studentId: 'S002', result: 'denied', intent: 'audit_query' }),
    ]);
  });

  it('maps the tool call: names restored, no student words when only a staff member is meant', async () => {
    const names = createPseudonymiser(await nameDirectory(serviceContext(database, () => clock)), { style: 'ja' });
    const sent = names.pseudonymise('山田先生は鈴木さんの記録を見た？');
    const [staff, student] = sent.match(/〔[^〕]+〕/g)!;
    const input = { text: '山田先生は鈴木さんの記録を見た？', names, today: '2026-11-20' };
    expect(intentFromToolCall('audit_query', { staff, student }, input)).toEqual({ type: 'audit_query', text: '鈴木', staff: '山田' });
    expect(intentFromToolCall('audit_query', { staff }, input)).toEqual({ type: 'audit_query', text: '', staff: '山田' });
    expect(intentFromToolCall('audit_query', {}, input)).toEqual({ type: 'audit_query', text: '山田先生は鈴木さんの記録を見た?' });
    expect(() => intentFromToolCall('audit_query', { staff: '〔職員9〕' }, input)).toThrow('unknown_placeholder');
    expect(() => intentFromToolCall('audit_query', { period: { from: '2026-11-20', to: '2026-11-01' } }, input)).toThrow('invalid_arguments');
  });
});
