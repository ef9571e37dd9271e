// Questions about the audit trail (admins; the services refuse anyone else): who looked at a
// student's records (「今月、鈴木さんの記録を見たのは誰？」, "who looked at Yui's records this month?",
// 「鈴木さんの閲覧履歴」, "access log for Yui"), or what a staff member looked at (「山田先生が見た記録」,
// 「山田先生は誰の記録を見た？」, "what did Yamada look at last week?"). The period comes from the
// same parser as every other question (今月, 先週, 今週, 今年度, "since 2026-11-01").
// Only questions: a note that says a teacher saw something (「山田先生が見たとき泣いていた」) is not one.
import type { Intent } from '../intent.ts';
import { modeOf } from './mode.ts';
import { anyOf } from './text.ts';
import { parsePeriod } from './when.ts';

export type AuditQueryIntent = Extract<Intent, { type: 'audit_query' }>;

/** Looking at records, in the words staff use: 見た, 閲覧した, 開いた, アクセスした ... */
const JA_LOOKED = '(?:見た|見ていた|見てる|見ている|閲覧した|閲覧している|参照した|開いた|アクセスした|アクセスしている|確認した|読んだ)';
const JA_RECORDS = '(?:記録|情報|データ|ファイル|カルテ|プロフィール|個人情報|ページ)';
const WHO = '(?:誰|だれ|どなた|どの先生|どの職員)';

/** Asks who looked at (a student's) records. */
const JA_WHO_LOOKED = anyOf([
  // 〜の記録を見たのは誰？ / 記録を閲覧した人は？ / 記録を見た先生を教えて
  `${JA_RECORDS}(?:を|は|に)?${JA_LOOKED}(?:のは|人|職員|先生|方)(?:は|を|って|、)?\\s*(?:${WHO}|[?]|$|教えて|一覧|リスト|知りたい)`,
  // 誰が鈴木さんの記録を見た？
  `${WHO}(?:が|か)[^。]{0,30}?${JA_RECORDS}(?:を|に)?(?:見|閲覧|参照|開|アクセス|読)`,
  // 鈴木さんの記録を誰が見た？
  `${JA_RECORDS}(?:を|は)?${WHO}(?:が|か)(?:見|閲覧|参照|開|アクセス|読)`,
  // 閲覧履歴, アクセスログ, 監査ログ
  '(?:閲覧|アクセス|参照)(?:履歴|記録|ログ|者|状況)',
  '監査(?:ログ|記録|履歴|証跡)?',
]);

const JA_STAFF_NAME = '([\\p{Script=Han}\\p{Script=Katakana}]{1,6}(?:先生|せんせい|さん)|[A-Z]{1,2}\\d{2,4}(?:先生|さん)?)';

/** A staff member as the one who looked: 山田先生が見た記録 / 山田先生は誰の記録を見た？ / 山田先生の閲覧履歴. */
const JA_STAFF_LOOKED = [
  new RegExp(`${JA_STAFF_NAME}(?:が|は)[^。？?]{0,20}?${JA_LOOKED}(?:記録|生徒|もの|内容|データ|情報|ファイル)`, 'u'),
  new RegExp(`${JA_STAFF_NAME}(?:が|は)[^。]{0,20}?(?:${WHO}|どの生徒|どの子|何|なに)(?:の)?(?:${JA_RECORDS})?を?(?:見|閲覧|参照|開|アクセス|読)`, 'u'),
  new RegExp(`${JA_STAFF_NAME}(?:が|は)[^。]{0,25}?${JA_RECORDS}を?(?:見|閲覧|参照|開|アクセス|読)(?:た|て|し)`, 'u'),
  // 〜さんの閲覧履歴 is a student's: only 先生 or a staff id names the one who looked here.
  new RegExp(`([\\p{Script=Han}\\p{Script=Katakana}]{1,6}(?:先生|せんせい)|[A-Z]{1,2}\\d{2,4})の(?:閲覧|アクセス|参照)(?:履歴|記録|ログ)`, 'u'),
];

/** Role words before 先生 name a role, not a person. */
const ROLE_BEFORE_SENSEI = /^(?:担任|保健|養護|学年|教科|副担任|校長|教頭|副校長|保健室の|担任の|生徒|子供|子ども|お子|保護者|親御|皆|みな)(?:先生|せんせい|さん)$/u;

const EN_LOOK = '(?:look(?:ed|ing)? at|view(?:ed|ing)?|access(?:ed|ing)?|open(?:ed|ing)?|read(?:ing)?|see|seen|saw|check(?:ed|ing)?|pull(?:ed|ing)? up)';
const EN_RECORDS = '(?:records?|notes?|files?|data|info(?:rmation)?|profile|attendance|history|observations?)';

/** Asks who looked at (a student's) records. */
const EN_WHO_LOOKED = anyOf([
  `\\bwho(?:'s| has| have| had| else)?(?: been| ever)? ${EN_LOOK}\\b.{0,60}\\b${EN_RECORDS}\\b`,
  '\\bwho(?: has| have|\'s)?(?: been)? (?:viewed|accessed|opened|viewing|accessing)\\b',
  `\\b(?:access|audit|viewing|view) (?:log|logs|trail|history)\\b`,
  '\\baudit(?:ed)?\\b',
]);

const EN_NAME = '((?:(?:Mr|Ms|Mrs|Miss|Dr)\\.?\\s+)?[A-Z][a-z]+(?:\\s+[A-Z][a-z]+)?(?:-sensei|\\s+sensei)?|[A-Z]{1,2}\\d{2,4})';

/** A staff member as the one who looked: what did Yamada look at / whose records did Ms Ishii open. */
const EN_STAFF_LOOKED = [
  new RegExp(`\\b(?:[Ww]hat|WHAT)(?:\\s+(?:records?|notes?|files?|students?|else))?\\s+(?:did|has|have)\\s+${EN_NAME}\\s+(?:been\\s+)?${EN_LOOK}`),
  new RegExp(`\\b(?:[Ww]hich|[Ww]hose)\\s+(?:students?(?:'s?)?\\s*)?(?:records?|notes?|files?|students?)?\\s*(?:did|has|have)\\s+${EN_NAME}\\s+(?:been\\s+)?${EN_LOOK}`),
  new RegExp(`\\b(?:[Dd]id|[Hh]as|[Hh]ave)\\s+${EN_NAME}\\s+(?:ever\\s+)?${EN_LOOK}\\b.{0,60}\\b${EN_RECORDS}\\b`),
  new RegExp(`\\b(?:records?|notes?|files?)\\s+(?:that\\s+)?${EN_NAME}\\s+(?:has\\s+|had\\s+)?(?:looked at|viewed|accessed|opened|read|checked|pulled up)\\b`),
];

/** Not a staff name: pronouns and words a capitalised sentence may start with. */
const NOT_A_NAME = /^(?:I|You|He|She|They|We|It|Anyone|Someone|Everyone|Somebody|Anybody|Nobody|The|This|That|Who|Which|What)$/;

/** Time words written straight before a name (「今週山田先生が」) are not part of it. */
const LEADING_TIME = /^(?:先々週|先週|今週|先々月|先月|今月|今年度|昨年度|今学期|前学期|本日|今日|昨日|一昨日|最近|\d{1,2}月)/u;

function staffOf(text: string): { staff: string; rest: string } | undefined {
  for (const pattern of JA_STAFF_LOOKED) {
    const m = pattern.exec(text);
    if (!m) continue;
    const name = m[1]!.replace(LEADING_TIME, '');
    if (name && !ROLE_BEFORE_SENSEI.test(name) && !/^(?:先生|せんせい|さん)$/.test(name)) return { staff: name, rest: text.replace(name, ' ') };
  }
  for (const pattern of EN_STAFF_LOOKED) {
    const m = pattern.exec(text);
    if (m && !NOT_A_NAME.test(m[1]!)) return { staff: m[1]!, rest: text.replace(m[1]!, ' ') };
  }
  return undefined;
}

/** The audit question in `text` (already prepared), or undefined when it asks something else. */
export function parseAuditQuery(text: string, now: Date): AuditQueryIntent | undefined {
  const staff = staffOf(text);
  if (!staff && !JA_WHO_LOOKED.test(text) && !EN_WHO_LOOKED.test(text)) return undefined;
  if (modeOf(text) === 'statement') return undefined;
  const period = parsePeriod(text, now);
  return {
    type: 'audit_query',
    text: staff ? staff.rest.replace(/\s+/g, ' ').trim() : text,
    ...(staff ? { staff: staff.staff } : {}),
    ...(period ? { period } : {}),
  };
}
