// Writing from plain language, safely: the understood record is shown back first, and only
// "save" writes it (SECURITY.md). An urgent note alerts the counselor and leaders at once, before
// the author even confirms: safeguarding comes first, and a cancelled draft must not silence it.
import type { Action, Reply } from '../../chat/types.ts';
import { schoolDateOf, schoolLocalTimeToInstant } from '../../domain/dates.ts';
import type { StudentIdentity } from '../../services/resolve-student.ts';
import { visibleStudentById } from '../../services/resolve-student.ts';
import { isSafeguardingText, saveObservation, visibilityForAuthor } from '../../services/record-observation.ts';
import { recordSupportAction } from '../../services/record-support-action.ts';
import { undoObservation } from '../../services/undo-observation.ts';
import { authoriseAlert, safeguardingRecipients } from '../../services/safeguarding-alert.ts';
import { analyseStudentFor } from '../../services/student-analysis.ts';
import type { Intent, ObservationDraft } from '../intent.ts';
import type { PendingDraft } from '../memory.ts';
import { composeObservationDraft, composeSafeguardingAlert, composeSupportActionDraft } from '../compose/drafts.ts';
import { studentDisplayName } from '../compose/format.ts';
import { plain, type Turn } from '../turn.ts';

type LogIntent = Extract<Intent, { type: 'log_observation' }>;
type SupportIntent = Extract<Intent, { type: 'record_support_action' }>;

async function alertSafeguarding(turn: Turn, student: StudentIdentity, draft: ObservationDraft): Promise<void> {
  const recipients = await authoriseAlert(turn.services, await safeguardingRecipients(turn.services, turn.staff.id), student);
  const byLanguage = (lang: 'ja' | 'en') => recipients.filter((r) => r.preferredLanguage === lang);
  for (const lang of ['ja', 'en'] as const) {
    const group = byLanguage(lang);
    if (group.length) await turn.notify(group, composeSafeguardingAlert(student, turn.staff.familyName, draft, lang));
  }
}

export async function proposeObservation(turn: Turn, intent: LogIntent, student: StudentIdentity): Promise<Reply> {
  const urgent = intent.draft.concern === 'urgent';
  if (urgent) await alertSafeguarding(turn, student, intent.draft);
  await turn.remember({ ...turn.state, focusStudentId: student.id, draft: { kind: 'observation', studentId: student.id, draft: intent.draft, alerted: urgent } });
  return composeObservationDraft(student, intent.draft, visibilityForAuthor(turn.staff), turn.language, urgent);
}

export async function proposeSupportAction(turn: Turn, intent: SupportIntent, student: StudentIdentity): Promise<Reply> {
  const draft: PendingDraft = { kind: 'support_action', studentId: student.id, action: intent.action, description: intent.description, outcome: intent.outcome, actedOn: intent.actedOn };
  await turn.remember({ ...turn.state, focusStudentId: student.id, draft });
  return composeSupportActionDraft(student, draft, turn.language);
}

function observedAt(draft: ObservationDraft, now: Date): Date {
  if (draft.observedTime) return schoolLocalTimeToInstant(`${draft.observedOn}T${draft.observedTime}`);
  // No time given: now if it happened today, else the middle of the school day.
  return draft.observedOn === schoolDateOf(now) ? now : schoolLocalTimeToInstant(`${draft.observedOn}T12:00`);
}

export async function confirmDraft(turn: Turn, decision: 'save' | 'edit' | 'cancel', edit: string | undefined): Promise<Reply> {
  const { services, staff, language, state } = turn;
  const ja = language === 'ja';
  const pending = state.draft;
  if (!pending) return plain(ja ? '保存を待っている下書きはありません。' : 'There is no draft waiting to be saved.', language);
  const student = await visibleStudentById(services, staff, pending.studentId);
  if (!student) {
    await turn.remember({ ...state, draft: undefined });
    return plain(ja ? 'この下書きの生徒の記録には書き込めません。下書きは破棄しました。' : "You can no longer write to this student's records; the draft was discarded.", language);
  }

  if (decision === 'cancel') {
    await turn.remember({ ...state, draft: undefined });
    return plain(ja ? '下書きを取り消しました。何も保存していません。' : 'Draft cancelled. Nothing was saved.', language);
  }

  if (decision === 'edit') {
    const text = edit?.trim();
    if (!text) return plain(ja ? '「修正: 新しい内容」の形で書いてください。' : 'Write "edit: <new text>".', language);
    if (pending.kind === 'support_action') {
      const updated = { ...pending, description: text };
      await turn.remember({ ...state, draft: updated });
      return composeSupportActionDraft(student, updated, language);
    }
    const urgent = pending.draft.concern === 'urgent' || isSafeguardingText(text);
    const draft: ObservationDraft = { ...pending.draft, text, concern: urgent ? 'urgent' : 'none' };
    if (urgent && !pending.alerted) await alertSafeguarding(turn, student, draft);
    await turn.remember({ ...state, draft: { ...pending, draft, alerted: pending.alerted || urgent } });
    return composeObservationDraft(student, draft, visibilityForAuthor(staff), language, pending.alerted || urgent);
  }

  if (pending.kind === 'observation') {
    const d = pending.draft;
    const saved = await saveObservation(services, staff, student, { text: d.text, observedAt: observedAt(d, services.now()), categories: d.categories, setting: d.setting, mood: d.mood, concern: d.concern }, 'log_observation');
    await turn.remember({ ...state, draft: undefined, focusStudentId: student.id, lastSavedObservationId: saved.id });
    const name = studentDisplayName(student, language);
    const next =
      saved.concern === 'urgent'
        ? ja
          ? '\n要対応の記録として保存しました。SCと管理職には通知済みです。今日中に本人の安全を確認し、対応の分担はSCと決めてください。'
          : '\nSaved as urgent. The counselor and school leaders have been alerted; make sure the student is safe today and agree next steps with the counselor.'
        : '';
    // A safeguarding note cannot be undone (undo-observation.ts), so it offers no Undo.
    const undo: Action[] = saved.concern === 'urgent' ? [] : [{ type: 'undo', label: ja ? '元に戻す' : 'Undo', recordId: saved.id }];
    return {
      text: (ja ? `${name}さんの記録を保存しました。` : `Saved the observation for ${name}.`) + next,
      language,
      sensitivity: 'restricted',
      facts: [{ kind: 'observation', recordId: saved.id, label: d.observedOn }],
      ...(undo.length ? { actions: undo } : {}),
    };
  }

  const { analysis } = await analyseStudentFor(services, staff, student, 'record_support_action');
  const result = await recordSupportAction(services, staff, student, { action: pending.action, description: pending.description, outcome: pending.outcome, actedOn: pending.actedOn, tier: analysis.tier.tier }, 'record_support_action');
  await turn.remember({ ...state, draft: undefined, focusStudentId: student.id });
  if (result.kind === 'unmatched') {
    const goals = result.activeGoals.map((g) => `  ・${g}`).join('\n');
    return plain(ja ? `どの支援計画の記録か特定できませんでした。進行中の計画:\n${goals || '  （なし）'}\n計画の名前を含めてもう一度書いてください。` : `I could not tell which support plan this is about. Active plans:\n${goals || '  (none)'}\nPlease write it again naming the plan.`, language, 'restricted');
  }
  const verb = { started: ja ? '開始しました' : 'started', updated: ja ? '経過を記録しました' : 'updated', ended: ja ? '終了として記録しました' : 'ended' }[result.kind];
  return {
    text: ja ? `支援計画「${result.goal}」を${verb}（見直し ${result.reviewOn}）。` : `Support plan "${result.goal}" ${verb} (review ${result.reviewOn}).`,
    language,
    sensitivity: 'restricted',
    facts: [{ kind: 'support_plan', recordId: result.planId, label: result.goal }],
  };
}

const UNDO_REPLY = {
  undone: { ja: '保存した記録を取り消しました。', en: 'Undone: the note is no longer saved.' },
  not_found: { ja: '取り消せる記録がありません（取り消せるのは、ご自身がこの会話で保存した記録だけです）。', en: 'There is no note to undo (only a note you saved in this conversation can be undone).' },
  too_late: { ja: 'この記録は保存から30分以上たったか、すでに修正されているため、取り消せません。', en: 'This note was saved more than 30 minutes ago or has been corrected since, so it cannot be undone.' },
  urgent: {
    ja: '要対応（安全に関わる）記録は、通知済みのため取り消せません。内容の訂正はSCに相談してください。',
    en: 'An urgent (safeguarding) note cannot be undone: the alert has gone out. Ask the counselor to correct it if needed.',
  },
} as const;

/** Undo of a saved note: the one a button names, or the last one saved in this conversation. */
export async function undoSaved(turn: Turn, observationId: string | undefined): Promise<Reply> {
  const { services, staff, language, state } = turn;
  const id = observationId ?? state.lastSavedObservationId;
  const result = id ? await undoObservation(services, staff, id, 'undo_observation') : { kind: 'not_found' as const };
  if (result.kind === 'undone' && state.lastSavedObservationId === id) await turn.remember({ ...state, lastSavedObservationId: undefined });
  return plain(UNDO_REPLY[result.kind][language], language, 'restricted');
}
