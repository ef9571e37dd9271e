// Records-rights requests in plain words (admins; the services refuse anyone else):
//   export:  「鈴木結衣さんの記録をすべて書き出して」「…の保有個人データを開示」 "export Yui Suzuki's records"
//   correct: 「鈴木結衣さんの記録を訂正したい」 "correct Yui's record"
//   delete:  「鈴木結衣さんの記録を削除して」「…のデータを全部消して」 "delete all of Yui's records"
// and the typed confirmation of a deletion: 「削除 S002」 / "delete S002" (the student number, so a
// stray 「はい」 can never erase a child's records).
// A request must name records or data and ask for the operation; a note that merely mentions
// deleting something (「ノートを消していた」) is not one.
import type { Intent } from '../intent.ts';
import { anyOf } from './text.ts';

export type RecordsRequestIntent = Extract<Intent, { type: 'records_request' }>;

const JA_RECORDS = '(?:記録|データ|情報|個人データ|個人情報|保有個人データ)';
const JA_ASK = '(?:して|してください|したい|して下さい|お願い|願います|できる|できますか|する|せよ|して欲しい|してほしい|を?依頼)?';

const JA: [RecordsRequestIntent['action'], RegExp][] = [
  ['delete', anyOf([`${JA_RECORDS}を?(?:すべて|全部|全て)?(?:削除|消去|抹消|完全に削除)${JA_ASK}`, `${JA_RECORDS}を?(?:すべて|全部|全て)?消して`, '(?:削除|消去)(?:請求|依頼|要求)'])],
  ['export', anyOf([`${JA_RECORDS}を?(?:すべて|全部|全て)?(?:書き出|エクスポート|出力|開示|ダウンロード)`, '開示(?:請求|依頼|要求)', '(?:書き出し|エクスポート)'])],
  ['correct', anyOf([`${JA_RECORDS}を?(?:の)?(?:訂正|修正)${JA_ASK}`, '訂正(?:請求|依頼|要求)'])],
];

const EN: [RecordsRequestIntent['action'], RegExp][] = [
  ['delete', /\b(delete|erase|remove|purge|wipe)\b.{0,40}\b(records?|data|file|everything|information)\b|\b(deletion|erasure) request\b/i],
  ['export', /\b(export|download|disclose)\b.{0,40}\b(records?|data|file|everything|information)\b|\b(disclosure|subject access|data access) request\b|\beverything (we|you) hold\b/i],
  ['correct', /\b(correct|rectify|amend)\b.{0,40}\b(records?|data|file|entry|name)\b|\b(correction|rectification) request\b/i],
];

/** A records-rights request, or undefined. Questions *about* deleting ("can notes be deleted?") are help, not a request. */
export function parseRecordsRequest(text: string): RecordsRequestIntent | undefined {
  for (const [action, pattern] of [...JA, ...EN]) if (pattern.test(text)) return { type: 'records_request', action, text };
  return undefined;
}

const CONFIRMATION = /^(?:削除|delete|erase)\s*[:：]?\s*([A-Za-z]{0,3}\d{1,8})$/i;

/** 「削除 S002」 / "delete S002": the student number typed back to confirm a deletion. */
export function deletionConfirmationOf(text: string): Extract<Intent, { type: 'confirm_deletion' }> | undefined {
  const m = CONFIRMATION.exec(text.trim());
  return m ? { type: 'confirm_deletion', studentId: m[1]! } : undefined;
}
