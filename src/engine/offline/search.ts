// Case-history search: 「加藤さんの過去の記録で「ノート」が出てくるものを探して」, "Show me the notes on
// Misaki from October", 「石井先生の家庭訪問の記録」. Filters (period, author, setting) come out of
// the message; the words to find are what is quoted, or else the content words that are left once
// names, filters and the words of asking are taken away.
import type { Period, Setting } from '../intent.ts';
import { isTopicWord } from '../../domain/categories/categorise.ts';
import { parseSetting, withoutSettingWords } from './setting.ts';
import { anyOf, quotedParts } from './text.ts';
import { parsePeriod } from './when.ts';

export interface SearchRequest {
  keywords: string[];
  period?: Period;
  author?: string;
  setting?: Setting;
}

/** Asking for records rather than for a summary of the student. */
export const SEARCH_REQUEST = anyOf([
  '探して',
  'さがして',
  '検索',
  '調べて',
  '(?:記録|メモ|観察|所見|履歴|ログ|書き込み|ノート|メモ書き)(?:を|が|は|で|の中|から|、)?\\s*(?:見せ|出し|一覧|教え|表示|確認|全部|全て|すべて|ある|あり|探|見たい|ちょうだい|ください|下さい|\\?|$)',
  '(?:記録|メモ|所見|履歴)(?:は|って)$',
  '(?:記録|メモ|所見|履歴)(?:で|の中で|の中から|から)',
  '(?:に関する|についての)(?:もの|記録|メモ|所見)',
  '出てくる',
  '(?:が|を)含(?:む|まれ)',
  '書かれ(?:た|て)',
  'という(?:言葉|単語|記述|語)',
  '(?:に関する|についての)(?:記録|メモ|所見)',
  '過去の(?:記録|メモ|所見)',
  '\\b(?:search|find|look up|lookup|look for|pull up|dig up|retrieve)\\b',
  '\\b(?:show|give|list|get|see|read)\\b.{0,25}\\b(?:notes?|records?|observations?|entries|history|logs?)\\b',
  '\\b(?:notes?|records?|observations?|entries)\\b.{0,25}\\b(?:on|about|from|mentioning|containing|for|by|of|with|where|that|in)\\b',
  '\\bmention(?:ing|ed|s)?\\b',
  '\\b(?:write|wrote|written|writes|note|noted|record|recorded|log|logged)\\b.{0,30}\\babout\\b',
  '(?:が|は)(?:[^。]{0,20})(?:書いた|書いている|書いてい|記録した|記録している)(?:記録|メモ|こと|内容|もの)?(?:は|を|って|\\?|$)',
  '\\bcase history\\b',
]);

/** Who wrote it: a teacher by name (石井先生, Ishii-sensei, by Ms Ishii) or a role. */
function authorOf(text: string): string | undefined {
  const teacher = /([\p{Script=Han}\p{Script=Katakana}]{1,4})先生/u.exec(text);
  if (teacher && !/^(?:担任|保健|養護|学年|教科|副担任|校長|教頭)$/.test(teacher[1]!)) return teacher[0];
  const role = /スクールカウンセラー|カウンセラー|(?<![A-Za-z])SC(?![A-Za-z])|スクールソーシャルワーカー|(?<![A-Za-z])SSW(?![A-Za-z])|養護教諭|養護の先生|保健の先生|副担任|担任|管理職|校長|教頭|学年主任/u.exec(text);
  if (role) return role[0];
  const sensei = /\b([A-Z][a-z]+)[- ]sensei\b/.exec(text);
  if (sensei) return sensei[0];
  const by = /\bby\s+((?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?[A-Z][a-z]+)/.exec(text);
  if (by) return by[1];
  const en = /\b(?:the\s+)?(school counsel+or|counsel+or|school nurse|nurse|social worker|homeroom teacher|principal|vice[- ]principal|head teacher|SC|SSW)(?!'?s? (?:office|room))\b/i.exec(text);
  return en ? en[1] : undefined;
}

/** Words of asking and searching, never search terms themselves. */
const JA_FILLER = new Set([
  '記録', 'メモ', '観察', '所見', '履歴', 'ログ', '書き込み', 'もの', 'こと', '件', '全部', '全て', 'すべて', '一覧', '内容', '過去', '最近', '今まで',
  '関する', 'ついて', '出てくる', '含む', '書かれた', '書かれている', '書いた', '書いている', '書いてある', '記入', '記載', '入力', '言葉', '単語', '記述', '探して', '検索', '調べて', '見せて', '出して', '教えて',
  'ください', '下さい', '欲しい', 'ほしい', '見たい', '生徒', '先生', '様子', 'データ', '情報', '表示', '確認', 'ある', 'あるもの', 'ものを', '中', '期間',
]);
const EN_STOP = new Set(
  ('show me find search look up for the a an any all notes note records record observations observation entries entry history log logs on about from in of with by ' +
    'please can you could i we that which mention mentioning mentioned containing where when what his her their this last month week year past previous old ' +
    'and or to is are was were there do does did have has had some every case get give list see read pull dig retrieve write writes written wrote say says said ' +
    'nurse counselor counsellor teacher homeroom sc ssw school sensei mr ms mrs dr since during between it them they he she him').split(/\s+/),
);

const PERIOD_WORDS =
  /\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?|\d{1,2}月\d{1,2}日|\d{1,2}\/\d{1,2}|\d{1,2}月(?:中|以降|から)?|先々月|先月|今月|先々週|先週|今週|今年度|[123一二三]学期|今学期|前学期|昨日|今日|一昨日|ここ\d+(?:日間?|週間?|か月)|過去\d+(?:日間?|週間?|か月)|\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b|\b(?:last|this|past|previous) (?:\d+ )?(?:weeks?|months?|days?|term|year)\b|\byesterday\b|\btoday\b/giu;

function keywordsOf(text: string, author: string | undefined): string[] {
  const quoted = quotedParts(text);
  if (quoted.length > 0) return [...new Set(quoted)];

  // 「〜が出てくる」「〜を含む」「〜に関する記録」, "mentioning X", "containing X".
  // The term starts where its run of characters does (the lookbehind): otherwise every position of
  // a long run is tried as a start and each scans the run again (quadratic; a 10,000-character
  // message took seconds, found by test/property). The first match found is the same.
  const marked =
    /(?<![\p{Script=Han}\p{Script=Katakana}ーA-Za-z0-9])([\p{Script=Han}\p{Script=Katakana}ーA-Za-z0-9]{2,})(?:という(?:言葉|単語|記述)?)?(?:が出てくる|が含まれ|を含む|が書かれ|に関する|についての)/u.exec(text) ??
    /\b(?:mentioning|containing|mentions|about the word|with the word|that mention|word)\s+((?:(?:the|a|an)\s+)?[A-Za-z][A-Za-z-]+)/i.exec(text);
  const term = marked?.[1]?.replace(/^(?:the|a|an)\s+/i, '');
  if (term && !JA_FILLER.has(term) && !EN_STOP.has(term.toLowerCase())) return [term];

  let rest = text.replace(PERIOD_WORDS, ' ');
  if (author) rest = rest.split(author).join(' ');
  rest = withoutSettingWords(rest);
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(rest)) {
    // Names with an honorific, then the particles between content words.
    rest = rest.replace(/[\p{Script=Han}\p{Script=Katakana}ー]{1,8}(?:さん|くん|君|ちゃん)|[\p{Script=Hiragana}]{2,6}(?:さん|くん|ちゃん)(?=[のはがをにと、\s]|$)/gu, ' ');
    const chunks = rest
      .split(/[のをがはにでともやへ、。,.!?「」\s]+|から|まで|について|に関する|を含む|(?:を|で)?(?:探して|検索して?|見せて|出して|教えて|調べて)(?:ください|下さい)?/u)
      .map((c) => c.trim())
      .filter((c) => c.length >= 2 && !JA_FILLER.has(c) && /[\p{Script=Han}\p{Script=Katakana}A-Za-z]/u.test(c) && !/^[\p{Script=Hiragana}]+$/u.test(c));
    // A leading chunk that is no topic word is the student's name written without an honorific.
    if (chunks.length > 0 && text.trimStart().startsWith(chunks[0]!) && !isTopicWord(chunks[0]!) && /^[\p{Script=Han}]{2,6}$/u.test(chunks[0]!)) chunks.shift();
    return [...new Set(chunks)];
  }
  const words = rest
    .replace(/[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}ー]+/gu, ' ')
    .split(/[^A-Za-z'-]+/)
    .map((w) => w.replace(/'s$/i, '').replace(/^'+|'+$/g, ''))
    // A capitalised word is a name (the student's, a teacher's) unless it is a topic word.
    .filter((w) => w.length >= 3 && !EN_STOP.has(w.toLowerCase()) && !(/^[A-Z]/.test(w) && !isTopicWord(w)));
  return [...new Set(words.map((w) => w.toLowerCase()))];
}

/** The filters and words of a case-history search. */
export function parseSearch(text: string, now: Date): SearchRequest {
  const author = authorOf(text);
  const period = parsePeriod(text, now);
  const setting = parseSetting(text);
  return {
    keywords: keywordsOf(text, author),
    ...(period ? { period } : {}),
    ...(author ? { author } : {}),
    ...(setting ? { setting } : {}),
  };
}
