// The offline engine's understanding: rules and vocabulary, no network, nothing leaves the school.
// A small dispatcher over the parsers in this folder; the order of the checks is the design:
//  1. replies to what the conversation is waiting for (a draft to confirm, a student to choose);
//  2. a note marked as one (記録:, Log:) is an observation, whatever it says;
//  3. conversation (help, greetings, the weekly digest, who needs attention), which names no student,
//     and questions about the audit trail (who looked at whose records; admins only, decided later);
//  4. safeguarding words in anything that does not plainly ask make a note to log (and alert on);
//  5. about one student: a statement of what the team does (start/continue/end a measure), a
//     search of the records, a request for support ideas, a statement of what happened (an
//     observation), and otherwise a question (the services resolve the name in it).
// Whether a message asks or tells is decided by mode.ts (question marks and words, request
// endings, past-tense and reporting verbs), never by matching known sentences.
// The safeguarding screen (analysis/safeguarding.ts), reached through the services as the engine's
// import rules require.
import { isSafeguardingText as mentionsSafeguardingConcern } from '../../services/record-observation.ts';
import type { Intent } from '../intent.ts';
import { asksForSupportIdeas, choiceOf, confirmReplyOf, digestSubscriptionOf, isAttention, isDigest, isHelp, isSmalltalk } from './conversation.ts';
import { parseAuditQuery } from './audit.ts';
import { deletionConfirmationOf, parseRecordsRequest } from './records-rights.ts';
import { asksExplicitly, modeOf } from './mode.ts';
import { parseSearch, SEARCH_REQUEST } from './search.ts';
import { hasLogMarker, structureObservation } from './structure-observation.ts';
import { parseSupportAction } from './support-action.ts';
import { prepare } from './text.ts';
import { parsePeriod, weekOfFrom } from './when.ts';

export interface UnderstandContext {
  /** The clock; dates in the message (今日, 先月, last Friday) are relative to it, in Asia/Tokyo. */
  now: Date;
  /** An ask-back listed candidate students: a number or a student id chooses one. */
  awaitingChoice: boolean;
  /** A draft was shown with Save / Edit / Cancel. */
  awaitingConfirmation: boolean;
}

/** A typed Undo of the note just saved (a button names the note; typed, it is the last one). */
const UNDO = /^(?:元に戻す|元に戻して|もとに戻す|もとに戻して|保存を取り消す|保存を取り消して|undo(?: that| it)?|undo the (?:last )?(?:note|save))[\s!.。！]*$/iu;

const NAMES_A_DRAFT_DECISION = /保存|取消|取り消|キャンセル|破棄|\b(?:save|cancel|discard)\b/i;

export function understandOffline(text: string, context: UnderstandContext): Intent {
  const t = prepare(text);
  if (!t) return { type: 'unknown' };

  if (UNDO.test(t)) return { type: 'undo_observation' };
  const reply = confirmReplyOf(t);
  // 「保存」 or "cancel" after the draft has expired still means the draft: the answer is that
  // nothing is waiting, not an overview of whoever was last discussed. A bare はい or OK is not.
  if (reply && (context.awaitingConfirmation || (reply.decision !== 'edit' && NAMES_A_DRAFT_DECISION.test(t)))) {
    return { type: 'confirm_draft', ...reply };
  }
  if (context.awaitingChoice) {
    const choice = choiceOf(t);
    if (choice) return { type: 'choose_student', choice };
  }
  if (!/[\p{L}]/u.test(t)) return /^[?？]+$/.test(t) ? { type: 'help' } : { type: 'unknown' };

  if (hasLogMarker(t)) return logObservation(t, context.now);
  if (isHelp(t)) return { type: 'help' };
  if (isSmalltalk(t)) return { type: 'smalltalk', text: t };
  const subscription = digestSubscriptionOf(t);
  if (subscription !== undefined) return { type: 'digest_subscription', enabled: subscription };
  const confirmation = deletionConfirmationOf(t);
  if (confirmation) return confirmation;
  const audit = parseAuditQuery(t, context.now);
  if (audit) return audit;
  const records = parseRecordsRequest(t);
  if (records) return records;
  if (isDigest(t)) {
    const weekOf = weekOfFrom(t, context.now);
    return { type: 'digest_preview', ...(weekOf ? { weekOf } : {}) };
  }
  if (isAttention(t)) return { type: 'list_attention' };

  // Safeguarding comes first (DOMAIN.md): words of self-harm, abuse or wanting to disappear make
  // a note to record (and alert on), unless the message plainly asks for something.
  if (mentionsSafeguardingConcern(t) && !asksExplicitly(t)) return logObservation(t, context.now);

  const mode = modeOf(t);
  if (mode !== 'question') {
    const action = parseSupportAction(t, context.now);
    if (action) return { type: 'record_support_action', text: t, ...action };
  }
  if (mode !== 'statement' && SEARCH_REQUEST.test(t)) return { type: 'search_history', text: t, ...parseSearch(t, context.now) };
  if (mode !== 'statement' && asksForSupportIdeas(t)) return { type: 'suggest_support', text: t };
  if (mode === 'statement') return logObservation(t, context.now);

  // Anything else may name a student; the services decide whether it does, among the students
  // this asker may see.
  const period = parsePeriod(t, context.now);
  return { type: 'ask_about_student', text: t, ...(period ? { period } : {}) };
}

function logObservation(text: string, now: Date): Intent {
  const draft = structureObservation(text, now);
  return { type: 'log_observation', text, draft };
}
