// With the LLM engine, the digest's summary paragraph is phrased by the model over pseudonymised,
// cited statements; on failure the template stands. OpenAI is faked at its HTTP API (nock).
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serviceContext } from '../../../src/services/context.ts';
import { weeklyDigest, type WeeklyDigest } from '../../../src/services/digest/index.ts';
import { nameDirectory } from '../../../src/services/name-directory.ts';
import { loadPrompts, phraseDigestSummary } from '../../../src/engine/llm/index.ts';
import { composeWeeklyDigest } from '../../../src/engine/compose/weekly-digest.ts';
import { findStaffMember } from '../../../src/store/staff-repository.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { captured, expectCompletion, failCompletion, firstPlaceholder, testModel, textAnswer, userText } from '../../unit/engine/llm/openai-nock.ts';
import { buildConstructedSchool, NOW, WEEK } from './constructed-school.ts';

let database: TestDatabase;
let digest: WeeklyDigest;
let input: Omit<Parameters<typeof phraseDigestSummary>[1], 'digest'>;
beforeAll(async () => {
  database = await createTestDatabase();
  await buildConstructedSchool(database.db);
  const ctx = serviceContext(database, () => NOW);
  digest = await weeklyDigest(ctx, (await findStaffMember(database.db, 'T1'))!, WEEK, 'weekly_digest');
  input = { language: 'ja', directory: await nameDirectory(ctx), prompts: loadPrompts() };
});
afterEach(() => nock.cleanAll());
afterAll(async () => database.destroy());

describe("the digest's summary paragraph by the LLM engine", () => {
  it('sends no student or staff name, and restores them in the cited paragraph', async () => {
    expectCompletion((body) => textAnswer(`${firstPlaceholder(body)}は今週、欠席が増えて状況が重くなりました[F1]。来週は様子を確かめてください。`));
    const summary = await phraseDigestSummary(testModel(), { ...input, digest });
    const sent = JSON.stringify(captured.at(-1));
    for (const name of ['坂本', '大和', '土屋', '大地', '青山', '山田']) expect(sent).not.toContain(name);
    expect(userText(captured.at(-1)!)).toContain('<data>');
    expect(summary).toContain('坂本');
    expect(summary).toContain('[1]');
    // The uncited advice was dropped; the sections below stay as the template lists them.
    expect(summary).not.toContain('来週は');
    const reply = composeWeeklyDigest(digest, 'ja', summary);
    expect(reply.text).toContain(summary);
    expect(reply.text).toContain('■ 状況が重くなった生徒（1）');
  });

  it('a failed model call leaves the template (the caller catches it)', async () => {
    failCompletion(500);
    await expect(phraseDigestSummary(testModel(), { ...input, digest })).rejects.toMatchObject({ status: 500 });
  });

  it('a week with nothing to summarise never calls the model', async () => {
    const empty = { ...digest, escalations: [], newStreaks: [], improvements: [], reviewsDue: [], unwatched: [], urgentNotes: [] };
    const before = captured.length;
    await expect(phraseDigestSummary(testModel(), { ...input, digest: empty })).rejects.toThrow(/no_cited_claims/);
    expect(captured.length).toBe(before);
  });
});
