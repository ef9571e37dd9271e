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

/** Students in the given classes, or the whole school when `classIds` is 'all'. */
export async function listStudents(db: Db, classIds: readonly string[] | 'all'): Promise<StudentIdentity[]> {
  return db.student.findMany({
    where: classIds === 'all' ? {} : { classId: { in: [...classIds] } },
    select: identity,
    orderBy: { id: 'asc' },
  });
}

export async function findStudent(db: Db, studentId: string): Promise<StudentIdentity | undefined> {
  return (await db.student.findUnique({ where: { id: studentId }, select: identity })) ?? undefined;
}
