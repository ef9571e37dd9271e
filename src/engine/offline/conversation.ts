// The conversation around the records: help, greetings and thanks, answers to an ask-back or to a
// draft, the weekly digest, who needs attention, and requests for support ideas.
import { anyOf, NAME_WITH_HONORIFIC } from './text.ts';

/** Asking what the bot can do. 「何ができる？」 alone is help; 「鈴木さんに何ができる？」 is not. */
const HELP = anyOf([
  '^(?:help|ヘルプ|\\?+|使い方|つかいかた|コマンド(?:一覧)?|commands?)(?:\\s*(?:me|please|pls))?[!.?]*$',
  '使い方',
  'つかいかた',
  '^(?:何|なに)が(?:でき|出来)(?:る|ます)',
  '^(?:あなた|君|きみ|yorisoi|寄り添い|よりそい)?(?:は|って)?(?:何|なに)が(?:でき|出来)',
  '^できること',
  '(?:どう|どのように|どうやって|どうやったら)(?:使え|使う|使っ|つか)',
  '^what (?:can|do) you do(?: for me| here)?[?.!]*$',
  '^what are you(?: for)?[?.!]*$',
  '^how (?:do|can|should) i use',
  '^how (?:does|do) (?:this|you|it|the bot|yorisoi)(?: bot| thing)? work',
  '(?:何|なに|どんなこと)を(?:聞け|聞いた|頼め|質問す)',
  '^what can i (?:ask|say|do)(?: (?:here|you|with (?:this|you|yorisoi)))?[?.!]*$',
  '^(?:show|list) (?:me )?(?:the )?commands',
]);

export function isHelp(text: string): boolean {
  return HELP.test(text);
}

/** Whole-message greetings, thanks and acknowledgements (Latin words only as whole words). */
const SMALLTALK_PHRASES = wholeWords(
  [
    'ありがと(?:う)?(?:ございます|ございました)?',
    'あざす',
    'サンキュー',
    'どうも',
    'ございます',
    'ございました',
    'いたします',
    'お疲れ(?:様|さま)?(?:です|でした)?',
    'おつかれ(?:さま|様)?(?:です|でした)?',
    'おつ',
    'こんにちは',
    'こんにちわ',
    'こんばんは',
    'おはよう(?:ございます)?',
    'よろしく(?:お願いします|おねがいします|お願いいたします|です)?',
    '了解(?:です|しました)?',
    'りょうかい',
    '承知(?:しました|です|いたしました)',
    '(?:わ|分)かりました',
    'なるほど',
    '助か(?:りました|ります|る|った)',
    'いいね',
    'すご(?:い|いね)',
    'さすが',
    '失礼します',
    'すみません',
    'ごめん(?:なさい)?',
    'はじめまして',
    'おやすみ(?:なさい)?',
    'さようなら',
    'また(?:明日|ね|今度)',
    'バイバイ',
    'やあ',
    'はい',
    'うん',
    'ok',
    'okay',
    'thank you(?: (?:so|very) much)?',
    'thanks?(?: (?:a lot|so much|very much))?',
    'thx',
    'ty',
    'cheers',
    'hi',
    'hello',
    'hey',
    'yo',
    'good (?:morning|afternoon|evening|night|job)',
    'morning',
    'bye',
    'goodbye',
    'see (?:you|ya)(?: tomorrow| later)?',
    'got it',
    'great',
    'cool',
    'nice',
    'awesome',
    'perfect',
    'sounds good',
    'noted',
    'understood',
    'sorry',
    "you're welcome",
    'how are you(?: doing)?(?: today)?',
    "how's it going",
    'yorisoi',
    '寄り添い',
    'よりそい',
    'さん',
    'です',
    'ね',
    'よ',
    '(?:so|very) much',
  ],
);

function wholeWords(alternatives: readonly string[]): RegExp {
  return new RegExp(`(?<![A-Za-z])(?:${anyOf(alternatives).source})(?![A-Za-z])`, 'giu');
}

export function isSmalltalk(text: string): boolean {
  if (!SMALLTALK_PHRASES.test(text)) return false;
  SMALLTALK_PHRASES.lastIndex = 0;
  const rest = text.replace(SMALLTALK_PHRASES, '').replace(/[\s\p{P}\p{S}\p{Extended_Pictographic}ー〜~w笑]+/gu, '');
  SMALLTALK_PHRASES.lastIndex = 0;
  return rest.length === 0;
}

/** An answer to an ask-back: 2, #2, 2番, the second, S011. */
export function choiceOf(text: string): string | undefined {
  const t = text.trim();
  const id = /^[A-Za-z]{1,2}\d{2,6}$/.exec(t);
  if (id) return t;
  const n = /^(?:#|no\.?\s*|number\s*)?(\d{1,2})(?:\s*(?:番目?|つ目|人目|番の(?:生徒|子)?))?(?:です|で(?:す|お願いします)?|でお願いします)?[.!。]?$/i.exec(t);
  if (n) return String(Number(n[1]));
  const ordinals: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 };
  const word = /^(?:the\s+)?(first|second|third|fourth|fifth)(?:\s+one)?[.!]?$/i.exec(t) ?? /^([一二三四五])(?:番目?|つ目|人目)$/.exec(t);
  return word ? String(ordinals[word[1]!.toLowerCase()]) : undefined;
}

const SAVE = /^(?:保存|保存(?:して|する|します|お願いします)|登録(?:して|する|します)?|確定|はい|うん|ok|okay|yes|y|yep|yeah|sure|save(?: it)?|confirm|looks good|それで(?:いい|お願い|ok|OK)|お願いします|大丈夫|いいよ|いいです|👍|✅)(?:です|で(?:す|お願いします))?[\s!.。！]*$/iu;
const CANCEL = /^(?:取消|取り消し|取り消す|取り消して|キャンセル(?:して|する|します)?|やめ(?:る|て|ます|ておく)?|中止|破棄|いいえ|いや|保存しない|no|n|nope|cancel(?: it)?|discard|abort|don'?t save|never ?mind|forget it|❌)[\s!.。！]*$/iu;
const EDIT = /^(?:修正|編集|訂正|直す|直して|変更|書き直し|edit|fix|change|correct(?:ion)?)(?:して|する|します|お願いします)?\s*(?:[:：]|[-–—]|\s)?\s*([\s\S]*)$/iu;

/** A reply to a draft shown with Save / Edit / Cancel, or undefined when the text is something else. */
export function confirmReplyOf(text: string): { decision: 'save' | 'edit' | 'cancel'; edit?: string } | undefined {
  const t = text.trim();
  if (SAVE.test(t)) return { decision: 'save' };
  if (CANCEL.test(t)) return { decision: 'cancel' };
  const edit = EDIT.exec(t);
  if (edit) {
    const replacement = edit[1]!.trim();
    return replacement ? { decision: 'edit', edit: replacement } : { decision: 'edit' };
  }
  return undefined;
}

const DIGEST_NAME = '(?:週報|週のまとめ|今週のまとめ|(?:週間|週次)(?:まとめ|レポート)|ダイジェスト|(?:weekly )?digests?|weekly (?:summary|report))';
const DIGEST_ON = new RegExp(`^(?:${DIGEST_NAME}\\s*(?:を|の配信を)?\\s*(?:on|オン|再開(?:して)?|受け取る|受け取ります|送って(?:ください)?|ほしい)|(?:turn on|start|resume|subscribe to|send me)(?: the| my)? ${DIGEST_NAME})[\\s。.!！]*$`, 'iu');
const DIGEST_OFF = new RegExp(`^(?:${DIGEST_NAME}\\s*(?:を|の配信を|は)?\\s*(?:off|オフ|停止(?:して)?|止めて|とめて|やめて|いらない|不要)|(?:turn off|stop|pause|unsubscribe from|no more)(?: the| my)? ${DIGEST_NAME})[\\s。.!！]*$`, 'iu');

/** 「週報 オフ」, "digest on": the asker's own digest subscription; undefined when the text is something else. */
export function digestSubscriptionOf(text: string): boolean | undefined {
  const t = text.trim();
  if (DIGEST_ON.test(t)) return true;
  if (DIGEST_OFF.test(t)) return false;
  return undefined;
}

/** The weekly digest: 今週のまとめ, 週報, weekly digest, digest preview. */
const DIGEST = anyOf([
  '(?:今週|先週|先々週|週|週間|1週間|一週間|\\d{1,2}/\\d{1,2}の週|\\d{1,2}月\\d{1,2}日の週)の?(?:まとめ|サマリー|振り返り|レポート|報告|ダイジェスト)',
  '週報',
  '週次(?:レポート|まとめ|報告)',
  'ダイジェスト',
  '\\bdigest\\b',
  '\\bweekly (?:summary|report|round-?up|review|update)\\b',
  "\\b(?:this|last) week'?s (?:summary|report|round-?up|review)\\b",
  '\\bsummary (?:of|for) (?:this|last|the) week\\b',
  '\\bweek in review\\b',
]);

/** Asks about a group of students, so names none: who needs attention now. */
const ATTENTION = anyOf([
  '(?:気になる|注意が必要な|要注意の?|心配な|見ておくべき|見守るべき|リスクのある|リスクが高い|リスクの高い|危ない|危険な|フォローが必要な|フォローすべき|気にかけるべき|支援が必要な|要支援の?|優先すべき|優先度の高い)(?:生徒|子|人|児童)',
  '(?:欠席|休み|遅刻)が(?:多い|続いている|続く|増えている|目立つ)(?:生徒|子|人)',
  '不登校(?:傾向|になりそう|の恐れ|のリスク|予備軍)',
  '(?:30|三十)日(?:に|を)?(?:達しそう|超えそう|近い|届きそう)',
  '誰が(?:気になる|心配|危ない|要注意)',
  '誰が(?:一番|最も|いちばん)(?:休|欠席|遅刻)',
  "\\bwho(?:'s| has| have)? (?:been )?(?:absent|missing|off|late) (?:the )?most\\b",
  '\\b(?:close to|near|nearing|approaching|reach(?:ing)?|over|above) (?:the )?(?:30|thirty)[- ]days?\\b',
  '\\bwho (?:is|are|might be) (?:close|near|nearing|approaching)\\b',
  '誰を(?:優先|気にかけ|見ておけ|フォロー)',
  '要注意(?:リスト|一覧)',
  '(?:アテンション|注意)(?:リスト|一覧)',
  '\\b(?:which|what) (?:students|kids|pupils|children)\\b',
  '\\bwho (?:needs|should i|should we|is at risk|are at risk|is struggling|might need)',
  '\\b(?:students?|kids|pupils) (?:at risk|who need|needing|to watch|to worry about|with (?:the most|many|a lot of) absences)',
  '\\bat-risk (?:students|kids|pupils)',
  '\\battention list\\b',
  '\\bwatch ?list\\b',
  '\\banyone (?:i|we) should (?:worry|watch|check)',
  '\\bwho(?:\'s| is) (?:struggling|missing a lot)',
]);

/** Names a student by name with an honorific, so is about that student, not the group or the week. */
function namesSomeone(text: string): boolean {
  return NAME_WITH_HONORIFIC.test(text.replace(/(?:皆|みな|生徒|子供|子ども|お子|先生|保護者|親御)さん/g, ''));
}

export function isDigest(text: string): boolean {
  return DIGEST.test(text) && !namesSomeone(text);
}

export function isAttention(text: string): boolean {
  return ATTENTION.test(text) && !namesSomeone(text);
}

/** "What could we try for X?", 「どんな支援ができる？」, 「次の一手は？」. */
const SUGGEST = anyOf([
  '(?:どんな|どういう|どのような|どういった)(?:支援|対応|関わ|手立て|声かけ|声掛け|サポート|配慮|工夫|アプローチ|働きかけ|手|方法|こと(?:が|を)(?:でき|し))',
  '[るすくうつむぶぐ](?:ため)?には(?:どう(?:したら|すれば)(?:いい|よい)?)?\\s*[?？]*$',
  '(?:支援|対応)(?:策|案|方法|方針|のアイデア|の案|のヒント|の仕方|のしかた)',
  '手立て',
  '次の一手',
  '(?<=.)(?:できる|やれる|出来る|打てる)こと(?:は|って|を(?:教え|考え)|が(?:ある|あれば))',
  '次に(?:できる|やれる|すべき|打てる|やるべき)',
  '次の(?:手|ステップ|段階)',
  'どう(?:対応|支援|関わ|接|声をかけ|声かけ|サポート|アプローチ|働きかけ)',
  'どう(?:すれば|したら|すべき|しよう|したもの)',
  '(?:何|なに)が(?:できる|できそう|できます|出来る)',
  '(?:何|なに)を(?:すれば|したら|してあげ|試|すべき)',
  'アドバイス',
  '助言',
  '提案',
  'おすすめ',
  'オススメ',
  'お勧め',
  'お薦め',
  '試せる',
  '試してみ(?:る|たら)',
  '打ち手',
  'した(?:方|ほう)がいい',
  'するべき',
  '関わり方',
  '接し方',
  '声のかけ方',
  'サポート(?:方法|案)',
  '支援(?:を|は)?(?:考え|提案|教え)',
  '支援(?:できる|したら|すれば)',
  '\\bwhat (?:support|could we try|can we try|should we try|can we do|could we do|should we do|would you (?:suggest|recommend)|do you (?:suggest|recommend)|might help|would help|works?)',
  '\\bsuggest',
  '\\brecommend',
  '\\bsupport (?:for|ideas|options|strategies)',
  '\\bideas?\\b',
  '\\badvice\\b',
  '\\bstrateg(?:y|ies)\\b',
  '\\binterventions?\\b',
  '\\bnext steps?\\b',
  '\\bhow (?:can|could|should|do|might) (?:we|i) (?:help|support|approach|handle|deal with|work with|engage|reach)',
  '\\bwhat (?:can|could|should) (?:we|i) (?:do|try)',
  '\\bany (?:tips|thoughts)',
  '\\bhow to (?:help|support|get|encourage|reduce|increase|improve|approach|handle|re-?engage)\\b',
  '\\bways? to (?:help|support|get|encourage|reduce|increase|improve)\\b',
  '\\btips\\b',
  '(?:声かけ|声掛け|関わり|関わる|接し方|接する|対応|支援|サポート|励まし|働きかけ)の?(?:コツ|ヒント|ポイント|秘訣|仕方|方法|アイデア)',
]);

export function asksForSupportIdeas(text: string): boolean {
  return SUGGEST.test(text);
}
