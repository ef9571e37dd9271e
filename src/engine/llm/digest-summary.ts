// The digest's summary paragraph, phrased by the model when the school runs the LLM engine: the
// same path as any phrased answer (pseudonymised statements in, every sentence cited, names
// restored), over the digest's items. The items themselves stay as the template lists them, so
// nothing urgent can be phrased away.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Language } from '../../domain/school.ts';
import type { WeeklyDigest } from '../../services/digest/index.ts';
import { digestEvidence, digestSummary } from '../compose/weekly-digest.ts';
import { composeWithLlm } from './compose-llm.ts';
import type { PromptLibrary } from './prompts.ts';
import { createPseudonymiser, type NameDirectory } from './pseudonymise.ts';
import { LlmOutputError } from './types.ts';

export interface DigestSummaryInput {
  digest: WeeklyDigest;
  language: Language;
  directory: NameDirectory;
  prompts: PromptLibrary;
  signal?: AbortSignal;
}

/** The phrased paragraph; throws (the caller keeps the template) when there is nothing to cite or the model fails. */
export async function phraseDigestSummary(model: BaseChatModel, input: DigestSummaryInput): Promise<string> {
  const { digest, language } = input;
  const evidence = digestEvidence(digest, language);
  if (!evidence.length) throw new LlmOutputError('no_cited_claims', 'a week with nothing to summarise keeps the template');
  const phrased = await composeWithLlm(model, {
    question: language === 'ja' ? '今週の担当の生徒の様子を、2〜4文で要約してください。' : 'Summarise my students this week in two to four sentences.',
    reply: { text: digestSummary(digest, language), language, sensitivity: 'restricted', evidence },
    names: createPseudonymiser(input.directory, { style: language }),
    prompts: input.prompts,
    // The digest's students: the paragraph may name any of them, and no one else.
    about: new Set([...digest.urgentNotes, ...digest.escalations, ...digest.newStreaks, ...digest.improvements, ...digest.reviewsDue, ...digest.unwatched].map((item) => item.student.id)),
    ...(input.signal ? { signal: input.signal } : {}),
  });
  return phrased.text;
}
