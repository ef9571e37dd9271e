// Finding the student a request is about: by name among the asker's students, or the student in
// focus when the message names nobody ("彼女の先月の欠席は？", "and last month?"). Ambiguity is
// asked back with the candidates; nobody matching is answered without revealing anyone.
import type { Reply } from '../../chat/types.ts';
import { mentionsSomeoneByName } from '../../domain/names.ts';
import { resolveStudent, visibleStudentById, type StudentIdentity } from '../../services/resolve-student.ts';
import type { Intent } from '../intent.ts';
import { messages } from '../compose/messages.ts';
import { studentDisplayName } from '../compose/format.ts';
import { plain, type Turn } from '../turn.ts';

export type StudentIntent = Extract<Intent, { text: string }> & { type: 'ask_about_student' | 'suggest_support' | 'log_observation' | 'record_support_action' | 'search_history' | 'audit_query' | 'records_request' };

export async function withStudent(turn: Turn, intent: StudentIntent, run: (student: StudentIdentity) => Promise<Reply>): Promise<Reply> {
  const { services, staff, language } = turn;
  const resolution = await resolveStudent(services, staff, intent.text, intent.type);
  if (resolution.kind === 'found') {
    await turn.remember({ ...turn.state, choice: undefined, focusStudentId: resolution.student.id });
    return run(resolution.student);
  }
  if (resolution.kind === 'ambiguous') return askWhich(turn, intent, resolution.candidates);
  // A follow-up that names nobody is about the student in focus.
  const focus = turn.state.focusStudentId && !mentionsSomeoneByName(intent.text) ? await visibleStudentById(services, staff, turn.state.focusStudentId) : undefined;
  if (focus) return run(focus);
  return mentionsSomeoneByName(intent.text) || intent.type !== 'ask_about_student'
    ? plain(messages.notFound[language], language)
    : plain(messages.unknown[language], language);
}

/** Asks which student was meant, remembering the question to answer once they choose. */
export async function askWhich(turn: Turn, intent: StudentIntent, candidates: StudentIdentity[]): Promise<Reply> {
  const { language } = turn;
  await turn.remember({ ...turn.state, choice: { candidates: candidates.map((c) => c.id), intent } });
  const lines = candidates.map((c, i) => ({ index: i + 1, name: studentDisplayName(c, language), classId: c.classId }));
  return {
    text: messages.ambiguous(language, lines),
    language,
    sensitivity: 'restricted',
    actions: candidates.map((c, i) => ({ type: 'choose_student', label: lines[i]!.name, studentId: c.id })),
  };
}

/** The answer to an ask-back: the chosen student, then the question that was waiting. */
export async function chooseStudent(turn: Turn, choice: string, answer: (intent: StudentIntent, student: StudentIdentity) => Promise<Reply>): Promise<Reply> {
  const pending = turn.state.choice;
  const n = Number(choice);
  const id = pending ? (Number.isInteger(n) ? pending.candidates[n - 1] : pending.candidates.find((c) => c.toLowerCase() === choice.toLowerCase())) : undefined;
  const student = id ? await visibleStudentById(turn.services, turn.staff, id) : undefined;
  if (!pending || !student) return plain(messages.choiceOutOfRange[turn.language], turn.language);
  await turn.remember({ ...turn.state, choice: undefined, focusStudentId: student.id });
  return answer(pending.intent as StudentIntent, student);
}
