// A staff member reporting what the team does for a student: starting, continuing or ending a
// support measure (「月曜朝のチェックインを今日から始めました」, "Started weekly home visits for Ren
// today", 「週1回の面談は続けています。表情が明るくなった」, "We stopped the reduced timetable - no
// change"). It is past tense like an observation; what sets it apart is who acts (the staff, not
// the student: 「鈴木さんが泣き始めた」 is an observation) and what is acted on (a measure, not
// 部活 the student quit). The message is not a question; the dispatcher checks that.
import { dayOf } from './when.ts';
import { anyOf, sentences } from './text.ts';

export type SupportActionKind = 'start' | 'update' | 'end';

export interface SupportAction {
  action: SupportActionKind;
  description: string;
  outcome?: string;
  actedOn: string;
}

/**
 * What a student does that may also be arranged for them (別室登校, online lessons): a measure
 * only when the staff report it, not when the student is the subject (「鈴木さんが保健室登校を始めた」
 * is an observation of a step on the ladder).
 */
const STUDENT_ACTIVITY = /^(?:[^、。]*?(?:の|、)?)?(?:別室|保健室|オンライン|教室)?(?:登校|学習|課題|プリント|日記|授業|参加|部活)$/u;

/** Things a school does for a student: check-ins, visits, plans, rooms, timetables, routines. */
const SUPPORT_NOUN = anyOf([
  'チェックイン',
  'コール',
  '連絡帳',
  'タブレット',
  'アプリ',
  'チェック',
  '面談',
  '面接',
  'カウンセリング',
  '家庭訪問',
  '訪問',
  '支援',
  '対応',
  '声かけ',
  '声掛け',
  '登校',
  '別室',
  '保健室',
  '連絡',
  '電話',
  '日記',
  '交換ノート',
  '個別',
  '学習',
  '計画',
  'プラン',
  '目標',
  '取り組み',
  '取組',
  'ルール',
  '記録表',
  'カード',
  'シール',
  'スケジュール',
  '見通し',
  '配慮',
  '時間割',
  '短縮',
  '送迎',
  'オンライン',
  'SC',
  'SSW',
  'ケース会議',
  '会議',
  '見守り',
  '巡回',
  '課題',
  'プリント',
  '毎朝',
  '毎週',
  '毎日',
  '週\\s*\\d+\\s*回',
  '月\\s*\\d+\\s*回',
  '隔週',
  '曜(?:日)?の?(?:朝|放課後|昼)',
  'ステップ',
  '段階',
  'トークン',
  'ご褒美',
  '契約',
  '約束',
  'ソーシャルスキル',
  'SST',
  '呼吸法',
  'リラクセーション',
  '相談',
  '迎え',
  '手紙',
  'メール',
  '引き継ぎ',
  '(?:学習|登校)?支援員',
  'check-?ins?',
  'visits?',
  '\\bplans?\\b',
  'sessions?',
  '\\bcalls?\\b',
  'meetings?',
  'support',
  'program(?:me)?s?',
  'routines?',
  'schedules?',
  'charts?',
  'rewards?',
  'timetables?',
  'part-time',
  'separate room',
  "nurse'?s office",
  'online',
  'diar(?:y|ies)',
  'journals?',
  'contracts?',
  'breathing',
  'exercises?',
  'mentor(?:ing)?',
  'buddy',
  'counsel+ing',
  'tutoring',
  'exposure',
  'steps?\\b',
  'goals?',
  'targets?',
  'monitoring',
  'texts?\\b',
  'messages?',
  'letters?',
  'pick-?ups?',
  'drop-?offs?',
  'accommodations?',
  'lunch (?:in|with)',
  'weekly',
  'daily',
  'every (?:morning|day|week|monday|tuesday|wednesday|thursday|friday)',
]);

const JA_VERBS: readonly [SupportActionKind, string][] = [
  ['end', '終了(?:しました|した|します|する|と(?:した|しました))?|やめ(?:ました|た|ます|る|にし(?:た|ました))|止め(?:ました|た)|終え(?:ました|た)|中止(?:しました|した|します)?|打ち切(?:りました|った)|完了(?:しました|した)?|取りやめ(?:ました|た)?'],
  ['update', '続け(?:ています|ている|てい|ました|た|ます)|継続(?:中|しています|している|します|した|しました|する)?|引き続き|変更(?:しました|した)|(?:増や|減ら|延ば|伸ば)(?:しました|した)|見直(?:しました|した)|延長(?:しました|した)?|切り替え(?:ました|た)'],
  ['start', '試し(?:てみ(?:ます|る|ました|た|ています|ている)|ています)|始め(?:ました|た|ます|る|ています)|はじめ(?:ました|た|ます)|開始(?:しました|した|します|する)?|スタート(?:しました|した|します|させ(?:ました|た))|導入(?:しました|した|します)|取り入れ(?:ました|た)|試し(?:始め|はじめ)(?:ました|た)|(?:する|行う|実施する|やってみる|試す)ことに(?:しました|した|なりました)'],
];

/** 「〜を今日から始めました」: the object, then within the clause the verb. */
function japaneseAction(text: string): { kind: SupportActionKind; object: string; between?: string; verbEnd: number } | undefined {
  for (const [kind, verbs] of JA_VERBS) {
    // The object starts where a sentence does: `(?<![^。!?])`. Without it every position of a long
    // message is tried as a start and each scans to the sentence's end (quadratic: a 10,000-character
    // message took over 30 s, found by test/property). A match from inside a sentence also matches
    // from its start, so the first match found is the same.
    const re = new RegExp(`(?<![^。!?])([^。!?]*?)(?:を|は|も|、)([^。を]{0,20}?)(?:${verbs})`, 'u');
    const m = re.exec(text);
    if (m) return { kind, object: m[1]!, between: m[2], verbEnd: m.index + m[0].length };
  }
  // 「今日から別室登校」「明日から週1回の面談を行います」: a start date and a measure.
  const from = /(?:今日|本日|明日|今週|来週|\d{1,2}月\d{1,2}日|\d{1,2}\/\d{1,2})から([^。]*?)(?:を(?:行|実施|し|やっ)[^。]*|[。]|$)/u.exec(text);
  if (from && SUPPORT_NOUN.test(from[1]!)) return { kind: 'start', object: from[1]!, verbEnd: from.index + from[0].length };
  return undefined;
}

/** First person or a staff role acting: 私が, 担任で, 学年として, SCと. */
const JA_STAFF_SUBJECT = /(?:私|わたし|僕|ぼく|自分|担任|学年|チーム|こちら|我々|学校|SC|SSW|養護教諭|管理職|校長|教頭)(?:が|で|から|は|として|と)/;
/** The student as the subject: 鈴木さんが / 鈴木さんは ... (then a hobby quit is the student's act). */
const JA_STUDENT_SUBJECT = /(?:さん|くん|君|ちゃん)(?:が|は)/;

const HONORIFIC_NAME_LEAD = /^(?:[^、。\s]{1,10}?(?:さん|くん|君|ちゃん)(?:への|に対する|に対して|について|の|に|には|が|は|と|へ|、|,|\s)*)+/u;
const JA_DATE_LEAD = /^(?:(?:今日|本日|明日|昨日|今週|来週|先週|\d{1,2}月\d{1,2}日|\d{1,2}\/\d{1,2})(?:から|より)?[、,\s]*)+/u;

function cleanJapaneseObject(object: string): string {
  return object
    .replace(/^.*[、,]\s*(?=[^、,]*$)/u, (lead) => (SUPPORT_NOUN.test(lead) && !HONORIFIC_NAME_LEAD.test(lead) ? lead : ''))
    .replace(HONORIFIC_NAME_LEAD, '')
    .replace(JA_DATE_LEAD, '')
    .replace(/^(?:の|を|は|、|\s)+|(?:を|は|、|\s)+$/gu, '')
    .trim();
}

const OUTCOME = anyOf([
  '効果',
  '変化',
  '改善',
  '成果',
  '結果',
  'うまく',
  '順調',
  '少しずつ',
  '(?:良|よ)くな',
  '悪化',
  'できるようにな',
  'ようにな(?:った|ってきた|りました)',
  '増え',
  '減っ',
  '見られ',
  'なし$',
  'あり$',
  '落ち着',
  '明るく',
  '安定',
  '\\bhelp(?:ed|s|ing)?\\b',
  '\\bwork(?:ed|s|ing)\\b',
  '\\bno (?:change|effect|difference|improvement)\\b',
  '\\bimprov',
  '\\bbetter\\b',
  '\\bworse\\b',
  '\\beffective\\b',
  '\\bresult',
  '\\boutcome',
  '\\bprogress',
  '\\bseems?\\b',
  '\\bseemed\\b',
  '\\bresponded\\b',
  '\\bgoing well\\b',
  '\\bsettled\\b',
  '\\bbecause\\b',
  '\\bsince\\b',
]);

function outcomeFrom(rest: string, others: readonly string[]): string | undefined {
  const tail = rest.replace(/^[\s、。,.;:：!\-–—]+|(?:が|けど|けれど|ので|から)[、,]?\s*(?=\S)/u, '').replace(/[\s。.!]+$/u, '').trim();
  if (tail && OUTCOME.test(tail)) return tail.replace(/^(?:and|but|so|which|as)\s+/i, '');
  for (const s of others) {
    const clean = s.replace(/[\s。.!]+$/u, '').trim();
    if (clean && OUTCOME.test(clean)) return clean.replace(/^(?:and|but|so|which|as)\s+/i, '');
  }
  return undefined;
}

function japaneseSupportAction(text: string, now: Date): SupportAction | undefined {
  const found = japaneseAction(text);
  if (!found) return undefined;
  const object = cleanJapaneseObject(found.object);
  const clause = found.object;
  const staffActs = JA_STAFF_SUBJECT.test(clause) || /(?:今日|本日|明日|来週|今週|\d{1,2}月\d{1,2}日|\d{1,2}\/\d{1,2})から/.test(text);
  // A measure the team judges by its effect (「〜は効果がなかったのでやめました」) is one, whatever its name.
  const isMeasure = SUPPORT_NOUN.test(object) || /効果|成果|手応え|手ごたえ/.test(text);
  const studentActs = JA_STUDENT_SUBJECT.test(clause) && !JA_STAFF_SUBJECT.test(clause);
  if (studentActs && (!isMeasure || STUDENT_ACTIVITY.test(object))) return undefined;
  if (!isMeasure && !staffActs) return undefined;
  const rest = text.slice(found.verbEnd);
  const others = sentences(text).filter((s) => !s.includes(found.object.trim() || '\u0000'));
  // 「〜は効果がなかったのでやめました」: the reason given between the measure and the verb.
  const between = found.between?.replace(/(?:ので|から|ため|ため、|けど|が)[、,]?\s*$/u, '').replace(/^[、,\s]+/u, '').trim();
  const outcome = between && OUTCOME.test(between) ? between : outcomeFrom(rest, others);
  const description = object || cleanJapaneseObject(text.slice(0, found.verbEnd)) || text;
  return { action: found.kind, description, ...(outcome ? { outcome } : {}), actedOn: dayOf(text, now, 90) };
}

const EN_VERBS: readonly [SupportActionKind, string][] = [
  ['end', 'stopped|ended|ending|finished|discontinued|dropped|paused|wrapped up|closed|called off|cancelled|canceled|will stop|are stopping|will end|no longer (?:doing|running)'],
  ['update', 'continuing|continued|kept up|keep up|still doing|still running|carrying on|carried on|extended|increased|reduced|changed|switched|moved|adjusted|will continue|are continuing'],
  ['start', 'started|starting|began|begun|beginning|set up|setting up|introduced|put in place|launched|kicked off|trialled|trialed|trialing|trialling|arranged|will start|will begin|are starting|are going to start|have started|will try|are trying|are going to try|(?:are )?trying out|tried|try'],
];
/** Group 1: the staff subject, when there is one (a subjectless note is written by its author). */
const EN_SUBJECT = String.raw`(?:^|[.!;]\s+)(?:(i|we|the team|our team|the school|the sc|the nurse|the counsel+or|i've|we've|i have|we have|we're|we are|i'm|i am|i'll|we'll)\s+)?(?:just\s+|now\s+|also\s+|finally\s+)?`;

/**
 * What follows the action in English: after "; - :" it is how it went ("- no change"); a following
 * sentence is when it speaks of the effect or of the student ("She seems calmer.").
 */
function englishOutcome(rest: string, others: readonly string[]): string | undefined {
  const tail = rest.replace(/^[\s;:,.!\-–—]+/, '').replace(/^(?:and|but|so|which|as)\s+/i, '').replace(/[\s.!]+$/, '').trim();
  if (tail && /^[\s]*[;:\-–—]/.test(rest)) return tail;
  if (tail && (OUTCOME.test(tail) || /^(?:he|she|they|it)\b/i.test(tail))) return tail;
  for (const s of others) {
    const clean = s.replace(/[\s.!]+$/, '').trim();
    if (clean && (OUTCOME.test(clean) || /^(?:he|she|they|it)\b/i.test(clean))) return clean;
  }
  return undefined;
}

const FREQUENCY = /\b(?:once|twice|(?:two|three|four|\d) times) (?:a|per) (?:day|week|month)\b|\bevery (?:other )?(?:day|week|morning|afternoon|monday|tuesday|wednesday|thursday|friday)\b|\b(?:daily|weekly|fortnightly|monthly)\b/i;

const STAFF_GERUND = /^(?:visiting|calling|phoning|ringing|texting|messaging|meeting|checking|using|giving|sending|running|holding|doing|seeing|offering|providing|trying|picking|collecting|escorting|tutoring|mentoring|monitoring|writing)$/i;

function englishSupportAction(text: string, now: Date): SupportAction | undefined {
  for (const [kind, verbs] of EN_VERBS) {
    const alternatives = verbs.split('|').filter(Boolean).join('|');
    const m = new RegExp(`${EN_SUBJECT}(${alternatives})\\b\\s*`, 'i').exec(text);
    if (!m) continue;
    // "Try breathing exercises" is advice; "We'll try ..." is a plan.
    if (/^try$/i.test(m[2]!) && !m[1]) continue;
    const after = text.slice(m.index + m[0].length);
    // "Moved to the separate room after 2nd period": where the student went, not a measure.
    if (/^(?:to|into|in|at|from|back|out|over|up|down|home)\b/i.test(after)) continue;
    // "started crying", "began to cry": the student's act, not a measure.
    const clauseEnd = after.search(/[.;!]\s|[.;!]$|\s[-–—]\s|,\s*(?:and |but |which |it |she |he |they |no |with no )/i);
    const clause = clauseEnd === -1 ? after : after.slice(0, clauseEnd);
    // "Started joining lessons online": the student began doing something; "started visiting" is staff.
    // A gerund that names a measure ("breathing exercises", "reading sessions") is a noun.
    const gerund = /^(\w+ing)\b\s*([\w-]*)/i.exec(clause);
    if (gerund && !STAFF_GERUND.test(gerund[1]!) && !SUPPORT_NOUN.test(gerund[2]!)) continue;
    // The measure is what was started, not where: "finished her art piece in the separate room".
    const head = clause.split(/\s(?:in|at|inside|during)\s(?:the|a|an|her|his|their)\b/i)[0]!;
    // "Started Aoi on lunch in the classroom twice a week": a regular arrangement is a measure.
    if (!SUPPORT_NOUN.test(head) && !FREQUENCY.test(clause) && !/^[A-Z][a-z]+ on\b/.test(clause)) continue;
    const description =
      clause
        .replace(/\s+(?:for|with|to|at)\s+(?:[A-Z][a-z]+|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+)(?:\s+[A-Z][a-z]+)?.*$/u, '')
        .replace(/\s+(?:today|yesterday|this (?:week|morning|afternoon)|last week|from (?:today|monday|tomorrow|next week)|on (?:monday|tuesday|wednesday|thursday|friday)|again)\b.*$/i, '')
        .trim() || clause.trim();
    const outcome = englishOutcome(clauseEnd === -1 ? '' : after.slice(clauseEnd), sentences(text).slice(1));
    return { action: kind, description: description.replace(/^[A-Z][a-z]+ on\s+/, '') || text, ...(outcome ? { outcome } : {}), actedOn: dayOf(text, now, 90) };
  }
  return undefined;
}

/** "The daily check-in with Mei is continuing", "Ren's home visits have ended": the measure is the subject. */
const EN_STATE: readonly [SupportActionKind, string][] = [
  ['end', '(?:has|have) (?:now )?(?:ended|stopped|finished|been (?:stopped|cancelled|canceled|dropped))|(?:is|are) (?:now )?(?:over|finished|done|ending|stopping)|ended|stopped'],
  ['update', '(?:is|are) (?:still )?(?:continuing|ongoing|still (?:going|running|on)|going (?:well|ok|okay|fine)|working|extended|carrying on)|(?:has|have) been (?:extended|continued|changed|moved|reduced|increased)|continues|(?:is|are) now (?=(?:every|once|twice|daily|weekly|fortnightly|monthly|on|at|in|only|\\d))'],
  ['start', '(?:has|have) (?:now )?(?:started|begun)|(?:is|are) (?:starting|beginning|now in place)|started|began'],
];

function englishMeasureAsSubject(text: string, now: Date): SupportAction | undefined {
  for (const [kind, states] of EN_STATE) {
    const m = new RegExp(`(?:^|[.!;]\\s+)((?:the |our |a |an )?[^.!;?]{2,60}?)\\s+(?:${states})\\b`, 'i').exec(text);
    if (!m || !SUPPORT_NOUN.test(m[1]!)) continue;
    let description = m[1]!.replace(/\s+(?:for|with|to)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?$/u, '').replace(/^(?:[A-Z][a-z]+'s\s+)/u, '').trim();
    let rest = text.slice(m.index + m[0].length);
    // "Misaki's counseling is now every other week": the change is part of what was done.
    if (/\bnow\s*$/i.test(m[0])) {
      description = `${description} ${rest.replace(/[.!;].*$/s, '').trim()}`.trim();
      rest = rest.replace(/^[^.!;]*/, '');
    }
    const outcome = outcomeFrom(rest, sentences(text).slice(1)) ?? (OUTCOME.test(m[0]) ? m[0].slice(m[1]!.length).trim() : undefined);
    return { action: kind, description: description || m[1]!.trim(), ...(outcome ? { outcome } : {}), actedOn: dayOf(text, now, 90) };
  }
  return undefined;
}

/** The support action a statement reports, or undefined when it reports none. */
export function parseSupportAction(text: string, now: Date): SupportAction | undefined {
  return /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)
    ? japaneseSupportAction(text, now)
    : (englishSupportAction(text, now) ?? englishMeasureAsSubject(text, now));
}
