// Is the message a question (「様子は？」, "how is Ren?", 「教えて」) or a statement of what happened
// (「今日は山本くんが友達と楽しそうに話していた」, "Airi came to the nurse's office")? Quoted speech is
// ignored: the student's own 「なんで？」 inside a note does not make the note a question. A bare
// noun phrase (「こばやしくんの様子」) is neither: the dispatcher reads it as a question.
import { categorise } from '../../domain/categories/categorise.ts';
import { parseSetting } from './setting.ts';
import { isJapanese, lastSentence, sentences, withoutQuotes } from './text.ts';

export type Mode = 'question' | 'statement' | 'neutral';

/** The last sentence ends like a question or a request: 〜は？, どう, ですか, 教えて, 見せて, ほしい. */
const JA_QUESTION_END =
  /(?:どう(?:だった|でした|ですか|かな|なの|なん(?:だろう|でしょう))?|どんな感じ|ですか|ますか|でしょうか|ありますか|いますか|かな|かしら|のか|だっけ|っけ|教えて(?:ください|下さい|ほしい|欲しい|もらえる|くれる|もらえますか)?|知りたい|見たい|見せて(?:ください|下さい|ほしい)?|聞かせて|確認(?:したい|して(?:ください)?)|出して(?:ください)?|探して(?:ください)?|調べて(?:ください)?|(?:が|を)?(?:ほしい|欲しい)(?:です)?|一覧|(?<![だた])は|って|について|(?<!と)のこと|(?:件|日|回)数|状況|状態|推移|割合|率)$/;

/** Reported speech and hearsay: a note, even when the words reported are a question. */
const JA_REPORT_END = /(?:と(?:話|言|訴|つぶや|呟|書)(?:っ|し|え|い|き)?(?:て)?(?:いた|いる|た|す|う|く|える)?|との(?:こと|事)(?:です)?|らしい|とのことだった)$/;

/** The last sentence ends like a report: past tense, a plain verb, an adjective, a noun of record. */
const JA_STATEMENT_END =
  /(?:た|だ|ていた|ている|てる|でした|ました|ます|です|ようだ|ようです|みたい|そう|模様|なし|あり|中|め|ず|ない|い|気味|状態だった|様子だった|ところ|予定|見込み|[るうすくぐむぶつ])$/;

/** Question words. */
const JA_QUESTION_WORD =
  /どう(?!しても|やら|ぞ|も|にか|せ)|どんな|どの(?:くらい|ぐらい|程度|よう|辺)|どれ(?:くらい|ぐらい|だけ)?|何(?:日|回|人|時|度|か月)(?!も)|何(?:が|を|か|の)|なに|なん(?:で|日|回)(?!も)|いつ|誰|だれ|どこ|なぜ|どうして|(?:教えて|見せて)(?=ください|下さい|ほしい|欲しい|もらえ|くれ|[。!?、]|$)|知りたい|ですか|ますか|でしょうか/;

/** Something happened: a past or progressive verb, reported speech, a visit. */
const JA_EVENT =
  /(?:た|だった|ていた|ている|でした|ました)(?=[。、,.!\s]|$)|と(?:話|言|訴)|来室|来校|登校し|欠席し|早退し|遅刻し|休んだ|泣い|笑顔|眠そう|楽しそう|嬉しそう|つらそう|元気が(?:な|無)|明るめ|暗め/;
const JA_EVENT_NOUN = /登校|欠席|遅刻|早退|来室|保健室|別室|頭痛|腹痛|発熱/;
const JA_TIME = /今日|本日|今朝|昨日|一昨日|おととい|[1-7一二三四五六]\s*(?:限|時間目)|昼休み|放課後|朝の会|給食/;

const EN_WH = /^(?:how|what|what's|whats|when|where|why|who|whose|which)\b/i;
/** "When I handed back the quiz, ..." is a clause of a note, not a question. */
const EN_SUBORDINATE = /^(?:[Ww]hen|[Ww]hile|[Ww]here|[Aa]fter|[Bb]efore|[Aa]s)\s+(?:[Ii]|[Ww]e|[Hh]e|[Ss]he|[Tt]hey|[Mm]y|[Hh]is|[Hh]er|[A-Z][a-z]+)\s+(?!(?:is|are|was|were|do|does|did|has|have|will|can|could|should|would)\b)\w+/;
const EN_AUX = /^(?:is|are|was|were|do|does|did|has|have|had|can|could|should|would|will)\s+(\S+)/i;
/** After a leading auxiliary, a subject makes a question ("Is Mei okay"); a verb or adjective makes a note ("Was absent today"). */
const EN_SUBJECTS = /^(?:i|we|you|he|she|they|it|there|this|that|the|his|her|their|any|anyone|anything|someone|everyone|[A-Z][a-z]+(?:'s)?)$/;
const EN_REQUEST = /^(?:(?:please|can you|could you)\s+)?(?:tell me|show me|show|give me|let me know|list|find|search|look up|look for|pull up|pull|dig up|bring up|fetch|get me|get|retrieve|display|open|check|update on|status|summary|summari[sz]e|overview|remind me|any|everything|all (?:the )?(?:notes|records|entries|observations)|notes|records|history|entries)\b(?!:)/i;
const EN_QUESTION_ANYWHERE = /\bhow(?:'s| is| are| was| has| have| did| does| do| about)\b|\bwhat about\b|\bany (?:news|updates?|concerns?)\b|\bhow .* doing\b|\bwhat'?s (?:up|going on|happening) with\b/i;
const EN_PAST =
  /\b(?:was|were|had|came|went|left|said|says|told|felt|feels|seemed|seems|looked|looks|got|ate|sat|spoke|ran|took|gave|made|saw|brought|wrote|kept|keeps|stayed|arrived|missed|cried|joined|refused|complained|reported|mentioned|didn't|did not|couldn't|could not|wouldn't|would not|won't|isn't|wasn't|hasn't|has been|have been|fell|slept|woke|forgot|lost|won|threw|hid|sent|met|spent|broke|began|begun|led|found|heard|thought|knew|bought|caught|chose|drew|drove|fought|held|meant|paid|rode|rang|rose|sang|shook|stood|stuck|taught|tore|understood|wore|handed)\b/i;
const EN_DESCRIPTIVE = /\b(?:is|are) (?:absent|late|off|back|still|now|feeling|looking|struggling|doing (?:well|better|badly|okay|ok|fine)|in (?:the|a)|at home|refusing|crying|upset|anxious|worried)\b/i;
const EN_REGULAR_PAST = /\b(?!(?:need|speed|seed|feed|indeed|bed|red|shed|hundred|sacred|embed|breed|proceed|succeed|exceed)\b)[a-z]{3,}ed\b/i;
/** "Yui often lingers", "she says": a person and a present-tense verb. */
const EN_THIRD_PERSON = /\b(?:[Ss]he|[Hh]e|[Tt]hey|[A-Z][a-z]+)\s+(?:(?:often|always|still|usually|sometimes|never|now|also|really|just)\s+)?(?!is\b|was\b|has\b|does\b|this\b|his\b|always\b)[a-z]{2,}s\b/;
const EN_EVENT_WORD = /\b(?:absent|late|left early|nurse'?s office|crying|cried|tired|sleepy|smiling|upset)\b/i;

function hasQuestionMark(text: string): boolean {
  return /[?？]/.test(withoutQuotes(text));
}

/** Long enough, or several sentences, and about things notes are about: a note without a verb form we know. */
function readsLikeANote(text: string, japanese: boolean): boolean {
  // A message about the records (「〜に関する記録」, "notes on") is a request for them.
  if (/記録|メモ|所見|履歴|\b(?:notes?|records?|history)\b/i.test(text)) return false;
  const long = japanese ? text.length >= 20 : text.split(/\s+/).length >= 7;
  const several = sentences(text).length >= 2;
  return (long || several) && (categorise(text, false).length > 0 || parseSetting(text) !== undefined);
}

function japaneseMode(text: string): Mode {
  const plain = withoutQuotes(text);
  const last = lastSentence(plain);
  if (hasQuestionMark(text)) return 'question';
  if (JA_QUESTION_END.test(last)) return 'question';
  if (JA_REPORT_END.test(last)) return 'statement';
  if (JA_QUESTION_WORD.test(last)) return 'question';
  if (JA_STATEMENT_END.test(last)) return 'statement';
  if (JA_QUESTION_WORD.test(plain)) return 'question';
  if (JA_EVENT.test(plain)) return 'statement';
  if (JA_EVENT_NOUN.test(plain) && JA_TIME.test(plain)) return 'statement';
  if (readsLikeANote(plain, true)) return 'statement';
  return 'neutral';
}

function englishAsks(plain: string): boolean {
  if (EN_WH.test(plain) && !EN_SUBORDINATE.test(plain)) return true;
  const aux = EN_AUX.exec(plain);
  if (aux && EN_SUBJECTS.test(aux[1]!)) return true;
  return EN_REQUEST.test(plain) || EN_QUESTION_ANYWHERE.test(plain);
}

function englishMode(text: string): Mode {
  const plain = withoutQuotes(text).trim();
  if (hasQuestionMark(text)) return 'question';
  if (englishAsks(plain)) return 'question';
  if (EN_PAST.test(plain) || EN_DESCRIPTIVE.test(plain) || EN_REGULAR_PAST.test(plain) || EN_THIRD_PERSON.test(plain)) return 'statement';
  if (EN_EVENT_WORD.test(plain)) return 'statement';
  if (readsLikeANote(plain, false)) return 'statement';
  return 'neutral';
}

function readAsJapanese(text: string): boolean {
  return isJapanese(text) && /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text);
}

/** Whether the message asks, tells, or only names (a student, a topic). */
export function modeOf(text: string): Mode {
  return readAsJapanese(text) ? japaneseMode(text) : englishMode(text);
}

/** Asks in so many words: a question mark, a question word, a request (教えて, 探して, show me). */
export function asksExplicitly(text: string): boolean {
  const plain = withoutQuotes(text);
  if (hasQuestionMark(text)) return true;
  if (readAsJapanese(text)) return JA_QUESTION_WORD.test(plain) || JA_QUESTION_END.test(lastSentence(plain)) || /(?:探して|調べて|見せて|出して)(?=ください|下さい|ほしい|欲しい|もらえ|くれ|[。!?、]|$)/.test(plain);
  return englishAsks(plain.trim());
}
