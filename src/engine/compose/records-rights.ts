// Replies to records-rights requests in chat (admins): the export as files with a summary, the
// deletion's confirmation question and outcome, where corrections are made, and the refusal.
import type { Attachment, Reply } from '../../chat/types.ts';
import type { Language } from '../../domain/school.ts';
import type { StudentExport, StudentDeletion } from '../../services/records-rights/index.ts';
import type { StudentIdentity } from '../../services/resolve-student.ts';
import { studentDisplayName } from './format.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** What is held, counted, with the full export attached as a readable document and as JSON. */
export function composeExport(exported: StudentExport, document: string, language: Language): Reply {
  const ja = language === 'ja';
  const s = exported.student;
  const no = s.studentNo;
  const counts: [string, string, number][] = [
    ['出欠', 'attendance days', exported.attendance.length],
    ['記録（観察）', 'observations', exported.observations.length],
    ['支援計画', 'support plans', exported.supportPlans.length],
    ['性格検査', 'Big Five results', exported.bigFive.length],
    ['資質・能力の評価', 'competency ratings', exported.competencies.length],
    ['環境調査', 'environment survey answers', exported.environment.length],
    ['訂正の履歴', 'corrections', exported.corrections.length],
    ['アクセス記録（監査）', 'audit events', exported.auditEvents.length],
    ['会話の記憶', 'remembered conversations', exported.conversationMemory.length],
  ];
  const name = `${s.familyName} ${s.givenName}`;
  const lines = ja
    ? [`${name}（${no}）について学校が保有している記録をすべて書き出しました。添付の文書（読みやすい形）とJSON（機械可読）が同じ内容です。`, '', ...counts.map(([label, , n]) => `  ・${label}: ${n}件`), '', '取り扱いに注意してください。本人・保護者への開示は学校の手続きに沿って行ってください。この書き出しは監査記録に残ります。']
    : [`Everything the school holds about ${name} (${no}), exported. The attached document (readable) and JSON (machine-readable) hold the same.`, '', ...counts.map(([, label, n]) => `  • ${label}: ${n}`), '', 'Handle with care; disclose to the student or guardians through the school’s procedure. This export is recorded in the audit.'];
  const attachments: Attachment[] = [
    { filename: `${no}-export.md`, contentType: 'text/markdown', data: utf8(document), altText: ja ? `${no} の保有個人データ（文書）` : `Records held about ${no} (document)` },
    { filename: `${no}-export.json`, contentType: 'application/json', data: utf8(`${JSON.stringify(exported, null, 2)}\n`), altText: ja ? `${no} の保有個人データ（JSON）` : `Records held about ${no} (JSON)` },
  ];
  return { text: lines.join('\n'), language, sensitivity: 'restricted', attachments };
}

export function composeDeletionQuestion(student: StudentIdentity, language: Language): Reply {
  const name = studentDisplayName(student, language);
  const text =
    language === 'ja'
      ? `${name}（${student.id}、${student.classId}）の記録を、出欠・記録・支援計画・検査結果・会話の記憶まで含めてすべて完全に削除します。元に戻せません。監査記録には、個人を特定できない削除の記録だけが残ります。\n\n実行するには「削除 ${student.id}」と送ってください。やめる場合は何もしなくて構いません（30分で取り消されます）。`
      : `This permanently deletes everything about ${name} (${student.id}, ${student.classId}): attendance, notes, plans, assessments and remembered conversations. It cannot be undone; the audit keeps only a record of the deletion that identifies no one.\n\nTo go ahead, send "delete ${student.id}". To stop, do nothing (it lapses in 30 minutes).`;
  return { text, language, sensitivity: 'restricted' };
}

export function composeDeletionDone(deletion: StudentDeletion, language: Language): Reply {
  // Audit rows are kept (anonymised), not deleted.
  const rows = Object.entries(deletion.deleted).reduce((n, [table, count]) => n + (table === 'auditEventsAnonymised' || typeof count !== 'number' ? 0 : count), 0);
  const text =
    language === 'ja'
      ? `${deletion.studentId} の記録をすべて削除しました（${rows}件）。以後、この生徒について聞かれても、在籍しない名前と同じ答えになります。`
      : `Deleted everything about ${deletion.studentId} (${rows} rows). From now on a question about them is answered as for a name the school never had.`;
  return { text, language, sensitivity: 'staff' };
}

export function composeCorrectionHowTo(student: StudentIdentity, adminId: string, language: Language): Reply {
  const command = `npm run cli -- student correct ${student.id} --as ${adminId} --reason "…" [--family-name … --given-name … --class … --left-on YYYY-MM-DD] [--attendance YYYY-MM-DD --status absent|present|…] [--observation <id> --text "…"]`;
  const text =
    language === 'ja'
      ? `${studentDisplayName(student, 'ja')}（${student.id}）の記録の訂正は、理由とともに次のコマンドで行います。訂正前の内容は履歴として残ります。\n${command}\n自分が保存した直後の記録なら、チャットで「元に戻す」と送って取り消すこともできます。`
      : `Corrections to ${studentDisplayName(student, 'en')}'s (${student.id}) records are made with a reason, by this command; the earlier version is kept as history:\n${command}\nA note you saved a moment ago can also be taken back here by sending "undo".`;
  return { text, language, sensitivity: 'staff' };
}

export const RECORDS_RIGHTS_MESSAGES = {
  adminsOnly: {
    ja: '記録の開示・訂正・削除は管理職のみが行えます。必要な場合は管理職に依頼してください。（自分が保存した直後の記録は「元に戻す」で取り消せます。）',
    en: 'Only an administrator can export, correct or delete a student’s records; please ask one. (A note you just saved can be taken back with "undo".)',
  },
  noPendingDeletion: {
    ja: '確認を待っている削除はありません。先に「〇〇さんの記録を削除して」と送ってください。',
    en: 'No deletion is waiting for confirmation. First ask, e.g. "delete all of Yui Suzuki’s records".',
  },
} as const;
