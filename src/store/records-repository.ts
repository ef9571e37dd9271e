// Reads of one student's records. Callers have already passed the access guard.
import { AttendanceStatus, parseCategories, type ObservationCategory, type Visibility } from '../domain/school.ts';
import type { AttendanceRecord } from '../analysis/attendance-summary.ts';
import type { Db } from './database.ts';

/** The first and last dates the school has recorded attendance for in [from, to]. */
export async function recordedAttendanceRange(db: Db, from: string, to: string): Promise<{ first?: string; last?: string }> {
  const r = await db.attendance.aggregate({ where: { date: { gte: from, lte: to } }, _min: { date: true }, _max: { date: true } });
  return { first: r._min.date ?? undefined, last: r._max.date ?? undefined };
}

export async function attendanceOf(db: Db, studentId: string, from: string, to: string): Promise<AttendanceRecord[]> {
  const rows = await db.attendance.findMany({
    where: { studentId, date: { gte: from, lte: to } },
    select: { date: true, status: true },
    orderBy: { date: 'asc' },
  });
  return rows.map((r) => ({ date: r.date, status: AttendanceStatus.parse(r.status) }));
}

export interface ObservationRecord {
  id: string;
  observedAt: Date;
  authorId: string;
  text: string;
  categories: ObservationCategory[];
  visibility: Visibility;
  concern: string;
}

/** The most recent observations, newest first (more than will be shown: some may be filtered out). */
export async function recentObservations(db: Db, studentId: string, upTo: Date, take: number): Promise<ObservationRecord[]> {
  const rows = await db.observation.findMany({
    where: { studentId, observedAt: { lte: upTo } },
    orderBy: { observedAt: 'desc' },
    take,
    select: { id: true, observedAt: true, authorId: true, text: true, categories: true, visibility: true, concern: true },
  });
  return rows.map((r) => ({
    ...r,
    categories: parseCategories(r.categories),
    visibility: r.visibility === 'confidential' ? 'confidential' : 'team',
  }));
}

export interface SupportPlanRecord {
  id: string;
  tier: number;
  goal: string;
  strategy: string;
  ownerId: string;
  startedOn: string;
  reviewOn: string;
  outcome: string;
}

export async function openSupportPlans(db: Db, studentId: string): Promise<SupportPlanRecord[]> {
  return db.supportPlan.findMany({
    where: { studentId, status: 'active' },
    orderBy: { startedOn: 'desc' },
    select: { id: true, tier: true, goal: true, strategy: true, ownerId: true, startedOn: true, reviewOn: true, outcome: true },
  });
}
