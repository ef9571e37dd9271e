// Case-history search. A search may name a student, refer back to the one in focus ("彼の10月の
// 記録"), or name nobody and cover every student the asker may see.
import type { Reply } from '../../chat/types.ts';
import { mentionsSomeoneByName } from '../../domain/names.ts';
import { resolveStudent, type StudentIdentity } from '../../services/resolve-student.ts';
import { searchHistory } from '../../services/search-history.ts';
import type { Intent } from '../intent.ts';
import { messages } from '../compose/messages.ts';
import { composeSearchResults } from '../compose/search-results.ts';
import { plain, type Turn } from '../turn.ts';
import { askWhich } from './student.ts';

type SearchIntent = Extract<Intent, { type: 'search_history' }>;

const REFERS_BACK = /彼女|彼|その子|この子|本人|\b(?:she|he|her|him|his|they|them)\b/i;

export async function searchCaseHistory(turn: Turn, intent: SearchIntent, chosen: StudentIdentity | undefined): Promise<Reply> {
  const { services, staff, language } = turn;
  const run = async (studentId: string | undefined) => {
    const result = await searchHistory(services, staff, { focusStudentId: studentId, keywords: intent.keywords, period: intent.period, author: intent.author, setting: intent.setting }, intent.type);
    return composeSearchResults(result, language);
  };
  if (chosen) return run(chosen.id);

  const resolution = await resolveStudent(services, staff, intent.text, intent.type);
  if (resolution.kind === 'found') {
    await turn.remember({ ...turn.state, focusStudentId: resolution.student.id });
    return run(resolution.student.id);
  }
  if (resolution.kind === 'ambiguous') return askWhich(turn, intent, resolution.candidates);
  if (mentionsSomeoneByName(intent.text)) return plain(messages.notFound[language], language);
  if (turn.state.focusStudentId && REFERS_BACK.test(intent.text)) return run(turn.state.focusStudentId);
  return run(undefined);
}
