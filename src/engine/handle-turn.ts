// One turn of a conversation: who is asking, what they mean, may they, and the answer.
import type { IncomingMessage, Reply } from '../chat/types.ts';
import { encodeConversationRef } from '../chat/conversation-ref.ts';
import type { StaffMember } from '../domain/staff.ts';
import type { Language } from '../domain/school.ts';
import { mentionsSomeoneByName } from '../domain/names.ts';
import type { ServiceContext } from '../services/context.ts';
import { identifyStaff } from '../services/identify-staff.ts';
import { resolveStudent, visibleStudentById, type StudentIdentity } from '../services/resolve-student.ts';
import { studentOverview } from '../services/ask-about-student.ts';
import { conversationMemory } from '../services/conversation-memory.ts';
import { detectLanguage } from './language.ts';
import { understandOffline } from './offline/understand.ts';
import { ConversationState, MEMORY_TTL_MS } from './memory.ts';
import { messages } from './compose/messages.ts';
import { composeStudentOverview } from './compose/student-overview.ts';
import { composeSuggestions } from './compose/suggestions.ts';
import { composeAttention } from './compose/attention.ts';
import { studentDisplayName } from './compose/format.ts';
import { analyseStudentFor, attentionList } from '../services/student-analysis.ts';

export interface Engine {
  handleTurn(message: IncomingMessage): Promise<Reply>;
}

export interface EngineOptions {
  /** Called with an error code (never message text or personal data) when a turn fails. */
  onError?: (code: string, error: unknown) => void;
}

type StudentQuestion = 'ask_about_student' | 'suggest_support';

const plain = (text: string, language: Language, sensitivity: Reply['sensitivity'] = 'public'): Reply => ({ text, language, sensitivity });

export function createEngine(ctx: ServiceContext, options: EngineOptions = {}): Engine {
  const memory = conversationMemory(ctx, MEMORY_TTL_MS);

  /** What the asker wanted to know about a student, once we know which student. */
  async function answer(question: StudentQuestion, staff: StaffMember, student: StudentIdentity, language: Language): Promise<Reply> {
    if (question === 'suggest_support') return composeSuggestions(student, (await analyseStudentFor(ctx, staff, student, question)).analysis, language);
    return composeStudentOverview(await studentOverview(ctx, staff, student, question), language);
  }

  async function turn(message: IncomingMessage, staff: StaffMember, language: Language): Promise<Reply> {
    const key = encodeConversationRef(message.conversation);
    const state = ConversationState.catch({}).parse((await memory.load(key, staff.id)) ?? {});
    const intent = understandOffline(message.text, { awaitingChoice: Boolean(state.candidates?.length) });

    if (intent.type !== 'choose_student' && state.candidates) await memory.clear(key);

    switch (intent.type) {
      case 'help':
        return plain(messages.help[language], language);
      case 'unknown':
        return plain(messages.unknown[language], language);
      case 'choose_student': {
        const candidates = state.candidates ?? [];
        const n = Number(intent.choice);
        const id = Number.isInteger(n) ? candidates[n - 1] : candidates.find((c) => c.toLowerCase() === intent.choice.toLowerCase());
        const student = id ? await visibleStudentById(ctx, staff, id) : undefined;
        if (!student) return plain(messages.choiceOutOfRange[language], language);
        await memory.clear(key);
        return answer(state.question ?? 'ask_about_student', staff, student, language);
      }
      case 'list_attention': {
        const { items, inScope } = await attentionList(ctx, staff, intent.type);
        return composeAttention(items, inScope, language);
      }
      case 'suggest_support':
      case 'ask_about_student': {
        const resolution = await resolveStudent(ctx, staff, intent.text, intent.type);
        if (resolution.kind === 'found') return answer(intent.type, staff, resolution.student, language);
        if (resolution.kind === 'ambiguous') {
          await memory.save(key, staff.id, { candidates: resolution.candidates.map((c) => c.id), question: intent.type } satisfies ConversationState);
          const lines = resolution.candidates.map((c, i) => ({ index: i + 1, name: studentDisplayName(c, language), classId: c.classId }));
          return {
            text: messages.ambiguous(language, lines),
            language,
            sensitivity: 'restricted',
            actions: resolution.candidates.map((c, i) => ({ type: 'choose_student', label: lines[i]!.name, studentId: c.id })),
          };
        }
        return mentionsSomeoneByName(intent.text)
          ? plain(messages.notFound[language], language)
          : plain(messages.unknown[language], language);
      }
    }
  }

  return {
    async handleTurn(message) {
      const detected = detectLanguage(message.text);
      try {
        const staff = await identifyStaff(ctx, message.conversation.platform, message.author.platformUserId);
        if (!staff) return plain(messages.unregistered[detected ?? 'ja'], detected ?? 'ja');
        return await turn(message, staff, detected ?? staff.preferredLanguage);
      } catch (error) {
        options.onError?.('turn_failed', error);
        const language = detected ?? 'ja';
        return plain(messages.unavailable[language], language);
      }
    },
  };
}
