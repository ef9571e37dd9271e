// Every row the demo writes, in key order, for comparing two builds.
import type { Db } from '../../../src/store/database.ts';

export async function dumpSchool(db: Db) {
  return {
    classes: await db.schoolClass.findMany({ orderBy: { id: 'asc' } }),
    staff: await db.staff.findMany({ orderBy: { id: 'asc' } }),
    staffClasses: await db.staffClass.findMany({ orderBy: [{ staffId: 'asc' }, { classId: 'asc' }, { relation: 'asc' }] }),
    students: await db.student.findMany({ orderBy: { id: 'asc' } }),
    calendar: await db.calendarEntry.findMany({ orderBy: { id: 'asc' } }),
    attendance: await db.attendance.findMany({ orderBy: [{ studentId: 'asc' }, { date: 'asc' }] }),
    bigFive: await db.bigFiveResult.findMany({ orderBy: { id: 'asc' } }),
    competencies: await db.competencyRating.findMany({ orderBy: { id: 'asc' } }),
    environment: await db.environmentFactor.findMany({ orderBy: { id: 'asc' } }),
    observations: await db.observation.findMany({ orderBy: { id: 'asc' } }),
    plans: await db.supportPlan.findMany({ orderBy: { id: 'asc' } }),
    actions: await db.supportAction.findMany({ orderBy: { id: 'asc' } }),
  };
}
