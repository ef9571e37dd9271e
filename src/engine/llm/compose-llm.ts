// Phrasing a grounded answer. The offline engine has already decided what the asker may see and
// which records answer the question; the model only rewords those records. They go in as JSON
// lines inside <data>, pseudonymised, under an instruction that data is never instructions (a
// note may say "ignore previous instructions"). The model has no tools here, so nothing it
// writes can read or write records. What comes back is sanitised, and only sentences citing a
// record that was sent survive; the reply's facts are the records actually cited. A sentence
// naming a student other than the one(s) the answer is about is dropped too: a classmate a note
// mentions, or the student an injected note asks for (SECURITY.md checklist 3). An answer whose
// records name no student (a search over everyone) therefore names none.
import { HumanMessage, SystemMessage, type AIMessage } from '@langchain/core/messages';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Fact, Reply } from '../../chat/types.ts';
import type { PromptLibrary } from './prompts.ts';
import type { Pseudonymiser } from './pseudonymise.ts';
import { sanitiseModelText } from './sanitise.ts';
import { LlmOutputError, type Evidence, type GroundedReply } from './types.ts';

/** Enough for any one question's records; the offline engine already chose the few that matter. */
const MAX_EVIDENCE = 20;
const MAX_EVIDENCE_CHARS = 400;
const MAX_SENTENCES = 5;

export interface ComposeInput {
  /** The staff member's message. */
  question: string;
  /** The offline answer, with the evidence for its facts. */
  reply: GroundedReply;
  names: Pseudonymiser;
  prompts: PromptLibrary;
  /** Students the answer is about when its facts do not say (the digest's students), by student number. */
  about?: ReadonlySet<string>;
  signal?: AbortSignal;
}

/** Whether an offline reply should be rephrased: it rests on records, and has no buttons to keep exact. */
export function isPhraseable(reply: GroundedReply): boolean {
  return (reply.evidence?.length ?? 0) > 0 && !(reply.actions?.length ?? 0);
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_EVIDENCE_CHARS ? `${line.slice(0, MAX_EVIDENCE_CHARS)}…` : line;
}

/** A JSON line no note can break out of: `<` and `>` are escaped, so "</data>" inside a note stays text. */
function dataLine(id: string, evidence: Evidence, names: Pseudonymiser): string {
  return JSON.stringify({ id, kind: evidence.fact.kind, text: names.pseudonymise(clip(evidence.text)) }).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
}

export function composeMessages(input: Omit<ComposeInput, 'signal'>) {
  const evidence = (input.reply.evidence ?? []).slice(0, MAX_EVIDENCE);
  const system = input.prompts.render('compose.system', {
    language: input.reply.language === 'ja' ? 'Japanese' : 'English',
    maxSentences: String(MAX_SENTENCES),
  });
  const lines = evidence.map((e, i) => dataLine(`F${i + 1}`, e, input.names));
  const user = `Question: ${input.names.pseudonymise(input.question.replace(/\s+/g, ' ').trim())}\n<data>\n${lines.join('\n')}\n</data>`;
  return { messages: [new SystemMessage(system), new HumanMessage(user)], evidence };
}

export async function composeWithLlm(model: BaseChatModel, input: ComposeInput): Promise<Reply> {
  const { messages, evidence } = composeMessages(input);
  const answer = (await model.invoke(messages, { signal: input.signal })) as AIMessage;
  // Who the answer is about when its records do not say (a search of one student's notes): the
  // student the asker named, if the question names exactly one.
  const named = new Set(input.names.studentsNamed(input.question).flatMap((ids) => (ids.length === 1 ? ids : [])));
  const about = new Set([...(input.about ?? []), ...(named.size === 1 ? named : [])]);
  return finishAnswer(textOf(answer), evidence, input.reply, input.names, about);
}

/**
 * The students an answer is about, as the offline engine decided after the access checks: the
 * student of an overview, suggestion or attention list, the student of attendance figures.
 */
export function subjectsOf(reply: GroundedReply): Set<string> {
  const subjects = new Set<string>();
  for (const fact of [...(reply.facts ?? []), ...(reply.evidence ?? []).map((e) => e.fact)]) {
    if (fact.kind === 'student') subjects.add(fact.recordId);
    else if (fact.kind === 'attendance' && fact.recordId.includes(':')) subjects.add(fact.recordId.slice(0, fact.recordId.indexOf(':')));
  }
  return subjects;
}

function textOf(message: AIMessage): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  return content.map((part) => (part.type === 'text' && typeof part.text === 'string' ? part.text : '')).join('');
}

/**
 * Phrasing never acts, so a sentence in which the model claims to have done something ("I have
 * ended every plan", a note's injected instruction obeyed in words) is false by construction.
 */
const ACTION_CLAIM = [
  /\b(?:I|we)(?:'ve| have| just)?\s+(?:just\s+)?(?:ended|deleted|removed|saved|recorded|logged|updated|changed|sent|closed|started|created|notified|alerted|granted|disabled)\b/i,
  /(?:私|わたし|僕|当方|こちら|AI)(?:が|で|は|の方で)[^。]*?(?:しました|しておきました|いたしました)/,
];

/** What is left of a sentence once a link or mention was cut out of it ("See [F5]."): not a claim. */
function isStub(sentence: string): boolean {
  const words = sentence.replace(CITATION, ' ').replace(/[〔[][^〕\]]*[〕\]]/g, ' X ');
  const letters = words.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(words)) return letters < 4;
  return (words.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) < 2;
}

const CITATION = /\[\s*F\d+(?:\s*[,，、]\s*F?\d+)*\s*\]/g;
const TERMINATOR = /[。！？!?]/;

/** Sentences with what follows them (closing brackets, citations, spaces) kept on the sentence. */
export function splitSentences(text: string): string[] {
  const pieces: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    current += ch;
    const ends = TERMINATOR.test(ch) || ch === '\n' || (ch === '.' && (i + 1 === text.length || /\s/.test(text[i + 1]!)));
    if (ends) {
      pieces.push(current);
      current = '';
    }
  }
  if (current) pieces.push(current);
  // A piece with no words of its own ("[F1]" after the full stop, "」", a second "？") belongs to the sentence before.
  const sentences: string[] = [];
  for (const piece of pieces) {
    const words = piece.replace(CITATION, '').replace(/[\s。！？!?.」』）)\]]/g, '');
    if (!words && sentences.length) sentences[sentences.length - 1] += piece;
    else sentences.push(piece);
  }
  return sentences;
}

/**
 * The model's answer as a Reply: sanitised, cited sentences only, citations renumbered, names restored.
 * `about`: students the answer is about besides those its facts name (subjectsOf).
 */
export function finishAnswer(raw: string, evidence: readonly Evidence[], offline: GroundedReply, names: Pseudonymiser, about: ReadonlySet<string> = new Set()): Reply {
  const text = sanitiseModelText(raw);
  if (!text) throw new LlmOutputError('empty_answer');
  const subjects = new Set([...subjectsOf(offline), ...about]);
  /** A student other than the one(s) asked about: a classmate a note mentions, or one an injected note asks for. */
  const namesSomeoneElse = (sentence: string) => names.studentsNamed(sentence).some((ids) => !ids.some((id) => subjects.has(id)));
  const cited: number[] = [];
  const kept: string[] = [];
  for (const sentence of splitSentences(text)) {
    const groups = [...sentence.matchAll(CITATION)].map((m) => [...m[0].matchAll(/\d+/g)].map((d) => Number(d[0])).filter((n) => n >= 1 && n <= evidence.length));
    // Uncited, about someone this turn never sent (a guessed placeholder), about another student, or claiming an action: dropped.
    if (!groups.some((g) => g.length > 0) || names.unknownPlaceholders(sentence).length > 0 || namesSomeoneElse(sentence)) continue;
    if (ACTION_CLAIM.some((claim) => claim.test(sentence)) || isStub(sentence)) continue;
    let g = 0;
    kept.push(
      sentence.replace(CITATION, () =>
        [...new Set(groups[g++]!)]
          .map((n) => {
            if (!cited.includes(n)) cited.push(n);
            return `[${cited.indexOf(n) + 1}]`;
          })
          .join(''),
      ),
    );
  }
  const body = kept.join('').replace(/\n{3,}/g, '\n\n').trim();
  if (!body) throw new LlmOutputError('no_cited_claims');

  const facts: Fact[] = cited.map((n) => evidence[n - 1]!.fact);
  const ja = offline.language === 'ja';
  const sources = cited.map((n, i) => `[${i + 1}] ${evidence[n - 1]!.source ?? evidence[n - 1]!.fact.label}`);
  return {
    text: `${names.restore(body, offline.language)}\n\n${ja ? '出典' : 'Sources'}\n${sources.join('\n')}`,
    language: offline.language,
    sensitivity: offline.sensitivity,
    facts,
  };
}
