// One turn of a conversation: who is asking, what they mean (understand), may they and what
// happens (act, through the services and the access policy), and the answer. `understand` and
// `act` are separate so the LLM engine can replace the first and reuse the second.
import type { ChatHandler, IncomingMessage, Platform, Reply } from '../chat/types.ts';
import { encodeConversationRef } from '../chat/conversation-ref.ts';
import type { StaffMember } from '../domain/staff.ts';
import type { Language } from '../domain/school.ts';
import type { ServiceContext } from '../services/context.ts';
import { identifyStaff } from '../services/identify-staff.ts';
import { conversationMemory } from '../services/conversation-memory.ts';
import { studentOverview } from '../services/ask-about-student.ts';
import { analyseStudentFor, attentionList } from '../services/student-analysis.ts';
import { weeklyDigest } from '../services/digest/index.ts';
import { setDigestOptIn } from '../services/digest-preference.ts';
import { auditTrail } from '../services/audit-query.ts';
import type { StudentIdentity } from '../services/resolve-student.ts';
import { detectLanguage } from './language.ts';
import { understandOffline } from './offline/understand.ts';
import type { Intent } from './intent.ts';
import type { OfflineEngine } from './llm/types.ts';
import { nameDirectory } from '../services/name-directory.ts';
import { groundReply } from './compose/evidence.ts';
import { ConversationState, MEMORY_TTL_MS } from './memory.ts';
import { messages } from './compose/messages.ts';
import { composeStudentOverview } from './compose/student-overview.ts';
import { composeSuggestions } from './compose/suggestions.ts';
import { composeAttention } from './compose/attention.ts';
import { composePeriodAttendance } from './compose/period-attendance.ts';
import { composeWeeklyDigest } from './compose/weekly-digest.ts';
import { composeAuditOutcome, composeAuditTrail } from './compose/audit.ts';
import { askWhich, chooseStudent, withStudent, type StudentIntent } from './handlers/student.ts';
import { confirmDraft, proposeObservation, proposeSupportAction, undoSaved } from './handlers/writes.ts';
import { intentOfAction } from './action-intent.ts';
import { searchCaseHistory } from './handlers/search.ts';
import { answerRecordsRequest, confirmDeletion } from './handlers/records-rights.ts';
import { plain, type Notify, type Turn } from './turn.ts';

/** What the adapters call (ChatHandler): a turn, and a staff member's home view. */
export type Engine = ChatHandler;

export type { OfflineEngine };

export interface EngineOptions {
  /** Called with an error code (never message text or personal data) when a turn fails. */
  onError?: (code: string, error: unknown) => void;
  /** Direct messages to staff (safeguarding alerts); the adapters deliver them. */
  notify?: Notify;
}

/** A follow-up about the student in focus: 「彼女の記録を見たのは誰？」, "who looked at her records?". */
const REFERS_BACK = /彼女|彼|その子|この子|本人|\b(?:she|he|her|him|his|they|them|their)\b/i;

const SMALLTALK = {
  ja: 'どういたしまして。ほかに気になる生徒がいれば、いつでも聞いてください。',
  en: "You're welcome. Ask me about any student whenever you need.",
};

export function createEngine(services: ServiceContext, options: EngineOptions = {}): OfflineEngine {
  const memory = conversationMemory(services, MEMORY_TTL_MS);
  const notify: Notify = options.notify ?? (async () => {});

  /** A turn reads the conversation's memory once; what it remembers is written once, at the end. */
  async function openTurn(message: IncomingMessage, staff: StaffMember): Promise<Turn & { flush(): Promise<void> }> {
    const key = encodeConversationRef(message.conversation);
    const state = ConversationState.catch({}).parse((await memory.load(key, staff.id)) ?? {});
    let changed = false;
    const turn = {
      services,
      message,
      staff,
      language: detectLanguage(message.text) ?? staff.preferredLanguage,
      state,
      notify,
      async remember(next: ConversationState) {
        turn.state = next;
        changed = true;
      },
      async flush() {
        if (changed) await memory.save(key, staff.id, turn.state);
      },
    };
    return turn;
  }

  function understandIn(turn: Turn): Intent {
    const action = turn.message.action;
    if (action) return intentOfAction(action);
    return understandOffline(turn.message.text, {
      now: services.now(),
      awaitingChoice: Boolean(turn.state.choice),
      awaitingConfirmation: Boolean(turn.state.draft),
    });
  }

  async function actIn(intent: Intent, turn: Turn & { flush(): Promise<void> }): Promise<Reply> {
    const reply = await act(intent, turn);
    await turn.flush();
    return reply;
  }

  async function answerAbout(turn: Turn, intent: StudentIntent, student: StudentIdentity): Promise<Reply> {
    const { staff, language } = turn;
    switch (intent.type) {
      case 'suggest_support':
        return composeSuggestions(student, (await analyseStudentFor(services, staff, student, intent.type)).analysis, language);
      case 'log_observation':
        return proposeObservation(turn, intent, student);
      case 'record_support_action':
        return proposeSupportAction(turn, intent, student);
      case 'search_history':
        return searchCaseHistory(turn, intent, student);
      case 'ask_about_student':
        if (intent.period) return composePeriodAttendance(student, await analyseStudentFor(services, staff, student, intent.type), intent.period, language);
        return composeStudentOverview(await studentOverview(services, staff, student, intent.type), language);
      case 'audit_query':
        return answerAudit(turn, intent, student);
      case 'records_request':
        return answerRecordsRequest(turn, intent, student);
    }
  }

  /**
   * Who read a student's records, or what a staff member read: admins only (the service refuses
   * and audits anyone else before resolving any name out loud). `chosen` is the student picked
   * from an ask-back.
   */
  async function answerAudit(turn: Turn, intent: Extract<Intent, { type: 'audit_query' }>, chosen?: StudentIdentity): Promise<Reply> {
    const { staff, language } = turn;
    const result = await auditTrail(
      services,
      staff,
      {
        ...(chosen ? { studentId: chosen.id } : { studentText: intent.text }),
        ...(intent.staff ? { staffText: intent.staff } : {}),
        // "Who looked at her records?" is about the student in focus.
        ...(!chosen && turn.state.focusStudentId && REFERS_BACK.test(intent.text) ? { focusStudentId: turn.state.focusStudentId } : {}),
        ...(intent.period ? { from: intent.period.from, to: intent.period.to } : {}),
      },
      intent.type,
    );
    switch (result.kind) {
      case 'trail':
        if (result.trail.student) await turn.remember({ ...turn.state, focusStudentId: result.trail.student.id });
        return composeAuditTrail(result.trail, language);
      case 'student_ambiguous':
        return askWhich(turn, intent, result.candidates);
      default:
        return composeAuditOutcome(result, language);
    }
  }

  async function act(intent: Intent, turn: Turn): Promise<Reply> {
    const { staff, language } = turn;
    // A pending ask-back or draft is only for the very next answer.
    if (intent.type !== 'choose_student' && turn.state.choice) await turn.remember({ ...turn.state, choice: undefined });
    // So is a deletion waiting for its typed confirmation: anything else in between calls it off.
    if (intent.type !== 'confirm_deletion' && turn.state.pendingDeletion) await turn.remember({ ...turn.state, pendingDeletion: undefined });
    switch (intent.type) {
      case 'help':
        return plain(messages.help[language], language);
      case 'smalltalk':
        return plain(SMALLTALK[language], language);
      case 'unknown':
        return plain(messages.unknown[language], language);
      case 'list_attention': {
        const { items, inScope } = await attentionList(services, staff, intent.type);
        return composeAttention(items, inScope, language);
      }
      case 'digest_preview':
        return composeWeeklyDigest(await weeklyDigest(services, staff, intent.weekOf, intent.type), language);
      case 'choose_student':
        return chooseStudent(turn, intent.choice, (pending, student) => answerAbout(turn, pending, student));
      case 'confirm_draft':
        return confirmDraft(turn, intent.decision, intent.edit);
      case 'digest_subscription':
        await setDigestOptIn(services, staff, intent.enabled);
        return plain(messages.digestSubscription[intent.enabled ? 'on' : 'off'][language], language);
      case 'undo_observation':
        return undoSaved(turn, intent.observationId);
      case 'search_history':
        // A search may name no student: then it covers every student the asker may see.
        return searchCaseHistory(turn, intent, undefined);
      case 'audit_query':
        return answerAudit(turn, intent);
      case 'confirm_deletion':
        return confirmDeletion(turn, intent.studentId);
      default:
        return withStudent(turn, intent, (student) => answerAbout(turn, intent, student));
    }
  }

  const engine: OfflineEngine = {
    identify: (message) => identifyStaff(services, message.conversation.platform, message.author.platformUserId),
    async understand(message, staff) {
      return understandIn(await openTurn(message, staff));
    },
    directory: () => nameDirectory(services),
    async act(intent, message, staff) {
      return groundReply(await actIn(intent, await openTurn(message, staff)));
    },
    async home(platform: Platform, platformUserId: string) {
      try {
        const staff = await identifyStaff(services, platform, platformUserId);
        if (!staff) return plain(messages.unregistered.ja, 'ja');
        const { items, inScope } = await attentionList(services, staff, 'list_attention');
        return composeAttention(items, inScope, staff.preferredLanguage);
      } catch (error) {
        options.onError?.('home_failed', error);
        return plain(messages.unavailable.ja, 'ja');
      }
    },
    async handleTurn(message) {
      const detected: Language = detectLanguage(message.text) ?? 'ja';
      try {
        const staff = await engine.identify(message);
        if (!staff) return plain(messages.unregistered[detected], detected);
        const turn = await openTurn(message, staff);
        return await actIn(understandIn(turn), turn);
      } catch (error) {
        options.onError?.('turn_failed', error);
        return plain(messages.unavailable[detected], detected);
      }
    },
  };
  return engine;
}
