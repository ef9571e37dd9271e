// Which conversation memories concern a student. Memory is JSON (engine/memory.ts): the student in
// focus, the candidates of an ask-back, a draft note with its text, the last saved note's id; a
// question's own words are kept in intents. A memory mentions the student when any string in it is
// the student's id or one of their records' ids, contains the student number, or names them the
// way the bot resolves names (domain/names.ts). Matching errs on the side of "mentions": for a
// deletion, forgetting a conversation too many is harmless; remembering one too many is not.
import { findMentionedStudents, type NamedStudent } from '../../domain/names.ts';

export interface MentionTarget extends NamedStudent {
  /** Ids of the student's records (observations, plans, actions) a memory can point at. */
  recordIds: ReadonlySet<string>;
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const token = (id: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(id)}(?![\\p{L}\\p{N}])`, 'u');

export function memoryMentions(state: unknown, target: MentionTarget): boolean {
  const id = token(target.id);
  return strings(state).some((s) => s === target.id || target.recordIds.has(s) || id.test(s) || findMentionedStudents(s, [target]).length > 0);
}

/**
 * A memory as disclosed to the student: other students' ids (the other candidates of an ask-back,
 * a number typed in a question) become a placeholder. Other free text stays as written: it is the
 * staff member's words about this student.
 */
export function withoutOtherStudents(state: unknown, otherIds: ReadonlySet<string>): unknown {
  if (typeof state === 'string') {
    const others = state.split(/[^\p{L}\p{N}_-]+/u).filter((t) => otherIds.has(t));
    return others.reduce((text, other) => text.replace(new RegExp(token(other).source, 'gu'), OTHER_STUDENT), state);
  }
  if (Array.isArray(state)) return state.map((v) => withoutOtherStudents(v, otherIds));
  if (state && typeof state === 'object') return Object.fromEntries(Object.entries(state).map(([k, v]) => [k, withoutOtherStudents(v, otherIds)]));
  return state;
}

export const OTHER_STUDENT = '[other student]';
