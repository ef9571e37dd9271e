import type { Db } from './database.ts';

export interface StudentIdentity {
  id: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  grade: number;
  classId: string;
  enrolledOn: string;
}

const identity = {
  id: true,
  familyName: true,
  givenName: true,
  familyNameKana: true,
  givenNameKana: true,
  grade: true,
  classId: true,
  enrolledOn: true,
} as const;

interface Roster {
  stamp: string;
  students: StudentIdentity[];
}

/**
 * Every turn matches names against the students in the asker's scope: a thousand rows read and
 * decoded per message, the largest cost of a turn. The list is kept per client and re-read only
 * when the table has changed. The change stamp is the row count with the latest `updatedAt`: an
 * update moves the latest time, an insert moves both, a delete moves the count; so a second
 * instance writing to the same database is seen on the next turn, at the price of one indexed
 * aggregate instead of the whole list.
 */
const rosters = new WeakMap<Db, Roster>();

async function roster(db: Db): Promise<StudentIdentity[]> {
  const { _count, _max } = await db.student.aggregate({ _count: { _all: true }, _max: { updatedAt: true } });
  const stamp = `${_count._all}:${_max.updatedAt?.getTime() ?? 0}`;
  const cached = rosters.get(db);
  if (cached?.stamp === stamp) return cached.students;
  // Frozen: the same objects are handed to every caller.
  const students = (await db.student.findMany({ select: identity, orderBy: { id: 'asc' } })).map((s) => Object.freeze(s));
  rosters.set(db, { stamp, students });
  return students;
}

/**
 * Drops this client's roster, so the next turn reads the students again. The change stamp already
 * sees a deletion (the count drops); a records-rights deletion calls this as well, so a student
 * deleted in the same moment as another is added is never matched from the old list.
 */
export function forgetStudentRoster(db: Db): void {
  rosters.delete(db);
}

/** Students in the given classes, or the whole school when `classIds` is 'all'. */
export async function listStudents(db: Db, classIds: readonly string[] | 'all'): Promise<StudentIdentity[]> {
  const everyone = await roster(db);
  if (classIds === 'all') return [...everyone];
  const wanted = new Set(classIds);
  return everyone.filter((s) => wanted.has(s.classId));
}

export async function findStudent(db: Db, studentId: string): Promise<StudentIdentity | undefined> {
  return (await db.student.findUnique({ where: { id: studentId }, select: identity })) ?? undefined;
}
