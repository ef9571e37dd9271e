// Everything the database holds about one student, for a disclosure request (APPI art. 33): every
// table that refers to the student, read in full. Who may ask is decided by the service.
import type { Db } from '../database.ts';

export async function loadStudentRecords(db: Db, studentId: string) {
  const student = await db.student.findUnique({ where: { id: studentId } });
  if (!student) return undefined;
  // One after another: on SQLite they queue on one connection anyway.
  const schoolClass = await db.schoolClass.findUnique({
    where: { id: student.classId },
    include: { staff: { where: { relation: 'homeroom' }, include: { staff: { select: { id: true, familyName: true, givenName: true } } }, orderBy: { staffId: 'asc' } } },
  });
  const homeroom = student.homeroomId ? await db.staff.findUnique({ where: { id: student.homeroomId }, select: { id: true, familyName: true, givenName: true } }) : null;
  const attendance = await db.attendance.findMany({ where: { studentId }, orderBy: { date: 'asc' } });
  const bigFive = await db.bigFiveResult.findMany({ where: { studentId }, orderBy: [{ assessedOn: 'asc' }, { instrument: 'asc' }] });
  const competencies = await db.competencyRating.findMany({ where: { studentId }, orderBy: [{ assessedOn: 'asc' }, { competency: 'asc' }, { rater: 'asc' }] });
  const environment = await db.environmentFactor.findMany({ where: { studentId }, orderBy: [{ assessedOn: 'asc' }, { factor: 'asc' }] });
  const observations = await db.observation.findMany({
    where: { studentId },
    include: { revisions: { orderBy: { version: 'asc' } } },
    orderBy: [{ observedAt: 'asc' }, { id: 'asc' }],
  });
  const supportPlans = await db.supportPlan.findMany({
    where: { studentId },
    include: { actions: { orderBy: [{ actedOn: 'asc' }, { createdAt: 'asc' }] } },
    orderBy: [{ startedOn: 'asc' }, { id: 'asc' }],
  });
  const corrections = await db.recordCorrection.findMany({ where: { studentId }, orderBy: [{ correctedAt: 'asc' }, { id: 'asc' }] });
  const auditEvents = await db.auditEvent.findMany({ where: { studentId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  return { student, schoolClass, homeroom, attendance, bigFive, competencies, environment, observations, supportPlans, corrections, auditEvents };
}

export type StudentRecords = NonNullable<Awaited<ReturnType<typeof loadStudentRecords>>>;

/** Display names of the staff who wrote, owned, acted on or corrected the student's records. */
export async function staffDisplayNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const names = new Map<string, string>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.staff.findMany({ where: { id: { in: unique.slice(i, i + 500) } }, select: { id: true, familyName: true, givenName: true } });
    for (const r of rows) names.set(r.id, `${r.familyName} ${r.givenName}`);
  }
  return names;
}

