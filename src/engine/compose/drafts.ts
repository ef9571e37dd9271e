// A draft shown back as a structured record before anything is written (SECURITY.md: writes are
// confirmed and reversible), with Save / Edit / Cancel.
import type { Action, Reply } from '../../chat/types.ts';
import type { Language } from '../../domain/school.ts';
import type { StudentIdentity } from '../../services/resolve-student.ts';
import type { ObservationDraft } from '../intent.ts';
import type { PendingDraft } from '../memory.ts';
import { studentDisplayName } from './format.ts';
import { CATEGORY_LABEL } from './labels.ts';

const SETTING: Record<string, Record<Language, string>> = {
  classroom: { ja: '教室', en: 'classroom' },
  nurse_office: { ja: '保健室', en: "nurse's office" },
  separate_room: { ja: '別室', en: 'separate room' },
  home_visit: { ja: '家庭訪問', en: 'home visit' },
  phone: { ja: '電話', en: 'phone' },
  online: { ja: 'オンライン', en: 'online' },
  counseling: { ja: '面談', en: 'counseling' },
  other: { ja: 'その他', en: 'other' },
};
const MOOD: Record<string, Record<Language, string>> = {
  positive: { ja: '明るい', en: 'bright' },
  calm: { ja: '落ち着いている', en: 'calm' },
  tired: { ja: '疲れている', en: 'tired' },
  low: { ja: '元気がない', en: 'low' },
  anxious: { ja: '不安そう', en: 'anxious' },
  distressed: { ja: 'つらそう', en: 'distressed' },
  withdrawn: { ja: '引きこもりがち', en: 'withdrawn' },
  angry: { ja: 'いらだっている', en: 'angry' },
};

/** Save / Edit / Cancel; `text` prefills the edit form where the platform has one. */
export const draftActions = (language: Language, text: string): Action[] => [
  { type: 'draft', decision: 'save', label: language === 'ja' ? '保存' : 'Save' },
  { type: 'draft', decision: 'edit', label: language === 'ja' ? '修正' : 'Edit', text },
  { type: 'draft', decision: 'cancel', label: language === 'ja' ? '取消' : 'Cancel' },
];

const HOW_TO_CONFIRM = {
  ja: '「保存」で保存、「修正: 新しい内容」で書き直し、「取消」で取り消します。',
  en: 'Reply "save" to save it, "edit: <new text>" to rewrite it, or "cancel".',
};

export function composeObservationDraft(student: StudentIdentity, draft: ObservationDraft, visibility: 'team' | 'confidential', language: Language, alerted: boolean): Reply {
  const ja = language === 'ja';
  const when = `${draft.observedOn}${draft.observedTime ? ` ${draft.observedTime}` : ''}${draft.lessonPeriod ? (ja ? `（${draft.lessonPeriod}限）` : ` (period ${draft.lessonPeriod})`) : ''}`;
  const list = (codes: string[], table: Record<string, Record<Language, string>>) => codes.map((c) => table[c]?.[language] ?? c).join(ja ? '、' : ', ');
  const lines = [
    ja ? '記録の下書き（まだ保存していません）' : 'Draft observation (not saved yet)',
    `  ${ja ? '生徒' : 'Student'}: ${studentDisplayName(student, language)}${ja ? `（${student.classId}）` : `, ${student.classId}`}`,
    `  ${ja ? '日時' : 'When'}: ${when}`,
    `  ${ja ? '場面' : 'Setting'}: ${draft.setting ? list([draft.setting], SETTING) : ja ? '（なし）' : '(none)'}`,
    `  ${ja ? '分類' : 'Categories'}: ${draft.categories.length ? list(draft.categories, CATEGORY_LABEL) : ja ? '（なし）' : '(none)'}`,
    `  ${ja ? '様子' : 'Mood'}: ${draft.mood ? list([draft.mood], MOOD) : ja ? '（なし）' : '(none)'}`,
    `  ${ja ? '内容' : 'Note'}: ${draft.text}`,
    `  ${ja ? '公開範囲' : 'Visible to'}: ${visibility === 'confidential' ? (ja ? 'SCと管理職のみ' : 'the counselor and school leaders only') : ja ? '担当の先生方（チーム）' : 'the staff team responsible for the student'}`,
  ];
  if (draft.concern === 'urgent') {
    lines.push(
      '',
      ja
        ? `⚠ 安全に関わる内容です（要対応）。${alerted ? 'SCと管理職にすでに知らせました。' : ''}一人で抱えず、今日中に本人の安全を確認してください。`
        : `⚠ This concerns the student's safety (urgent). ${alerted ? 'The counselor and school leaders have been told. ' : ''}Do not handle it alone: make sure the student is safe today.`,
    );
  }
  lines.push('', HOW_TO_CONFIRM[language]);
  return { text: lines.join('\n'), language, sensitivity: 'restricted', actions: draftActions(language, draft.text) };
}

const ACTION_LABEL = {
  start: { ja: '開始', en: 'start' },
  update: { ja: '経過の記録', en: 'progress update' },
  end: { ja: '終了', en: 'end' },
} as const;

export function composeSupportActionDraft(student: StudentIdentity, draft: Extract<PendingDraft, { kind: 'support_action' }>, language: Language): Reply {
  const ja = language === 'ja';
  const lines = [
    ja ? '支援の記録の下書き（まだ保存していません）' : 'Draft support record (not saved yet)',
    `  ${ja ? '生徒' : 'Student'}: ${studentDisplayName(student, language)}${ja ? `（${student.classId}）` : `, ${student.classId}`}`,
    `  ${ja ? '種類' : 'Kind'}: ${ACTION_LABEL[draft.action][language]}`,
    `  ${ja ? '内容' : 'What'}: ${draft.description}`,
    `  ${ja ? '日付' : 'Date'}: ${draft.actedOn}`,
  ];
  if (draft.outcome) lines.push(`  ${ja ? '経過' : 'Outcome'}: ${draft.outcome}`);
  lines.push('', HOW_TO_CONFIRM[language]);
  return { text: lines.join('\n'), language, sensitivity: 'restricted', actions: draftActions(language, draft.description) };
}

export function composeSafeguardingAlert(student: StudentIdentity, author: string, draft: ObservationDraft, language: Language): Reply {
  const ja = language === 'ja';
  return {
    text: ja
      ? `【要対応・安全確認】${studentDisplayName(student, 'ja')}（${student.classId}）について、${author}先生から安全に関わる記録がありました（${draft.observedOn}）。\n内容: ${draft.text}\n本人の安全確認と対応の分担を、今日中に決めてください。`
      : `[URGENT - safeguarding] ${author} logged a note about ${studentDisplayName(student, 'en')}, ${student.classId}, that concerns the student's safety (${draft.observedOn}).\nNote: ${draft.text}\nPlease check the student's safety and agree who does what today.`,
    language,
    sensitivity: 'restricted',
  };
}
