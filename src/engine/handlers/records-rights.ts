// Records rights asked for in chat (APPI: disclosure, correction, deletion). The services decide
// who may (admins only, audited either way); this turns their answers into replies. A deletion
// takes two turns: the request, answered with what will go, and the student number typed back.
import type { Reply } from '../../chat/types.ts';
import {
  authoriseRecordsRights,
  deleteStudent,
  exportStudent,
  isRecordsRightsRefusal,
  RECORDS_RIGHTS_INTENTS,
  renderStudentExport,
} from '../../services/records-rights/index.ts';
import type { StudentIdentity } from '../../services/resolve-student.ts';
import type { Intent } from '../intent.ts';
import { composeCorrectionHowTo, composeDeletionDone, composeDeletionQuestion, composeExport, RECORDS_RIGHTS_MESSAGES } from '../compose/records-rights.ts';
import { plain, type Turn } from '../turn.ts';

type RecordsRequest = Extract<Intent, { type: 'records_request' }>;

/** The services' refusal becomes the polite answer; anything else is a real failure. */
async function refusedOr(turn: Turn, work: () => Promise<Reply>): Promise<Reply> {
  try {
    return await work();
  } catch (error) {
    if (isRecordsRightsRefusal(error)) return plain(RECORDS_RIGHTS_MESSAGES.adminsOnly[turn.language], turn.language);
    throw error;
  }
}

export function answerRecordsRequest(turn: Turn, intent: RecordsRequest, student: StudentIdentity): Promise<Reply> {
  const { services, staff, language } = turn;
  return refusedOr(turn, async () => {
    switch (intent.action) {
      case 'export': {
        const exported = await exportStudent(services, staff, student.id);
        return composeExport(exported, renderStudentExport(exported, language), language);
      }
      case 'correct':
        await authoriseRecordsRights(services, staff, { action: 'write', intent: RECORDS_RIGHTS_INTENTS.correction, studentId: student.id });
        return composeCorrectionHowTo(student, staff.id, language);
      case 'delete':
        await authoriseRecordsRights(services, staff, { action: 'write', intent: RECORDS_RIGHTS_INTENTS.deletion, studentId: student.id });
        await turn.remember({ ...turn.state, pendingDeletion: student.id });
        return composeDeletionQuestion(student, language);
    }
  });
}

/** 「削除 S002」: deletes only the student whose deletion this conversation asked for just before. */
export async function confirmDeletion(turn: Turn, typed: string): Promise<Reply> {
  const { services, staff, language } = turn;
  const pending = turn.state.pendingDeletion;
  if (!pending || pending.toLowerCase() !== typed.toLowerCase()) return plain(RECORDS_RIGHTS_MESSAGES.noPendingDeletion[language], language);
  return refusedOr(turn, async () => {
    const deletion = await deleteStudent(services, staff, pending, pending);
    // The conversation forgets the student too (the deletion already removed its stored memory).
    await turn.remember({});
    return composeDeletionDone(deletion, language);
  });
}
