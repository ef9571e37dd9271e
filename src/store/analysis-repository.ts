// Loads what the analysis engine reads, for one student or a whole scope at once: one query per
// kind of record, grouped in memory, so a school of a thousand students is a handful of queries.
// Callers decide (through the access guard) which kinds may be loaded at all.
import { ATTENDANCE_STATUSES, type AttendanceStatus, parseCategories } from '../domain/school.ts';
import { schoolDateOf, schoolHourOf } from '../domain/dates.ts';
import type {
  AttendanceDayRecord,
  BigFiveInput,
  CalendarRecord,
  CompetencyInput,
  EnvironmentInput,
  ObservationInput,
  SupportPlanInput,
} from '../analysis/types.ts';
import type { Db } from './database.ts';
import { join, sqltag as sql } from '@prisma/client/runtime/client';

export interface RecordKinds {
  attendance: boolean;
  observations: boolean;
  environment: boolean;
  assessments: boolean;
  plans: boolean;
}

export interface LoadedRecords {
  attendance: AttendanceDayRecord[];
  /** Observations with their author and visibility, for the caller to filter by access. */
  observations: (ObservationInput & { authorId: string; visibility: 'team' | 'confidential' })[];
  environment: EnvironmentInput[];
  competencies: CompetencyInput[];
  bigFive: BigFiveInput[];
  /** Plans with their owner, for showing who carries each one. */
  plans: (SupportPlanInput & { ownerId: string })[];
}

/** Prisma refuses a query with more bound parameters than SQLite allows (999 here), so long
 * `IN` lists are sent in chunks. */
const CHUNK = 500;

async function inChunks<T>(ids: readonly string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) rows.push(...(await query(ids.slice(i, i + CHUNK))));
  return rows;
}

const empty = (): LoadedRecords => ({ attendance: [], observations: [], environment: [], competencies: [], bigFive: [], plans: [] });

export async function loadCalendar(db: Db, from: string, to: string): Promise<CalendarRecord[]> {
  return db.calendarEntry.findMany({ where: { date: { gte: from, lte: to } }, select: { date: true, kind: true, label: true }, orderBy: { date: 'asc' } });
}

/** This school year's records for each student, from `from` to `to` (school dates). */
const KNOWN_STATUSES: ReadonlySet<string> = new Set(ATTENDANCE_STATUSES);

/** A set lookup, not a schema parse: a whole school's year is over 100,000 rows. */
function attendanceStatus(status: string): AttendanceStatus {
  if (!KNOWN_STATUSES.has(status)) throw new Error(`unknown attendance status in the database: ${JSON.stringify(status)}`);
  return status as AttendanceStatus;
}

export async function loadRecords(
  db: Db,
  studentIds: readonly string[],
  kinds: (studentId: string) => RecordKinds,
  from: string,
  to: string,
): Promise<Map<string, LoadedRecords>> {
  const result = new Map(studentIds.map((id) => [id, empty()]));
  const want = (k: keyof RecordKinds) => studentIds.filter((id) => kinds(id)[k]);
  const bucket = (id: string) => result.get(id)!;

  // The kinds are independent: on PostgreSQL they travel in parallel over the pool.
  const loaders: Promise<void>[] = [];
  const load = (ids: string[], work: (ids: string[]) => Promise<void>) => {
    if (ids.length) loaders.push(work(ids));
  };

  load(want('attendance'), async (ids) => {
    // The largest read by far (a row per student per school day). Each student's days come back
    // packed in one string, in date order: Prisma's cost is per row and cell, and a school's year
    // is 125,000 rows; packed, it is 1,000 and the read takes about a sixth of the time. Codes and
    // dates hold no spaces or commas. string_agg ... ORDER BY is the same SQL on PostgreSQL and
    // SQLite (3.44+; better-sqlite3 bundles 3.49).
    const rows = await inChunks(ids, (chunk) =>
      db.$queryRaw<{ studentId: string; days: string }[]>(
        sql`SELECT "studentId", string_agg("date" || ' ' || "status" || ' ' || "periodsAttended", ',' ORDER BY "date") AS "days" FROM "Attendance" WHERE "studentId" IN (${join(chunk)}) AND "date" >= ${from} AND "date" <= ${to} GROUP BY "studentId"`,
      ),
    );
    for (const r of rows) {
      const days = bucket(r.studentId).attendance;
      for (const day of r.days.split(',')) {
        const [date, status, periods] = day.split(' ') as [string, string, string];
        days.push({ date, status: attendanceStatus(status), periodsAttended: Number(periods) });
      }
    }
  });

  load(want('observations'), async (ids) => {
    const rows = await inChunks(ids, (chunk) =>
      db.observation.findMany({
        where: { studentId: { in: chunk }, observedAt: { lte: endOfSchoolDay(to) } },
        select: { id: true, studentId: true, observedAt: true, authorId: true, text: true, categories: true, concern: true, visibility: true, author: { select: { role: true } } },
        orderBy: { observedAt: 'asc' },
      }),
    );
    for (const r of rows) {
      bucket(r.studentId).observations.push({
        id: r.id,
        date: schoolDateOf(r.observedAt),
        hour: schoolHourOf(r.observedAt),
        authorId: r.authorId,
        authorRole: r.author.role,
        text: r.text,
        categories: parseCategories(r.categories),
        concern: r.concern === 'urgent' ? 'urgent' : 'none',
        visibility: r.visibility === 'confidential' ? 'confidential' : 'team',
      });
    }
  });

  load(want('environment'), async (ids) => {
    const rows = await inChunks(ids, (chunk) => db.environmentFactor.findMany({ where: { studentId: { in: chunk }, assessedOn: { lte: to } }, orderBy: { assessedOn: 'asc' } }));
    for (const r of rows) bucket(r.studentId).environment.push({ id: String(r.id), assessedOn: r.assessedOn, factor: r.factor, value: r.value });
  });

  load(want('assessments'), async (ids) => {
    const rows = await inChunks(ids, (chunk) => db.competencyRating.findMany({ where: { studentId: { in: chunk }, assessedOn: { lte: to } }, orderBy: { assessedOn: 'asc' } }));
    for (const r of rows) {
      const rater = r.rater === 'peer' || r.rater === 'teacher' ? r.rater : 'self';
      bucket(r.studentId).competencies.push({ id: String(r.id), assessedOn: r.assessedOn, competency: r.competency, score: r.score, rater });
    }
  });
  load(want('assessments'), async (ids) => {
    const rows = await inChunks(ids, (chunk) => db.bigFiveResult.findMany({ where: { studentId: { in: chunk }, assessedOn: { lte: to } }, orderBy: { assessedOn: 'asc' } }));
    for (const r of rows) {
      const { studentId, instrument: _instrument, id, ...scores } = r;
      bucket(studentId).bigFive.push({ id: String(id), ...scores });
    }
  });

  load(want('plans'), async (ids) => {
    const rows = await inChunks(ids, (chunk) => db.supportPlan.findMany({ where: { studentId: { in: chunk }, startedOn: { lte: to } }, orderBy: { startedOn: 'asc' } }));
    for (const r of rows) {
      const status = r.status === 'completed' || r.status === 'stopped' ? r.status : 'active';
      bucket(r.studentId).plans.push({ id: r.id, startedOn: r.startedOn, tier: r.tier, goal: r.goal, strategy: r.strategy, status, outcome: r.outcome, reviewOn: r.reviewOn, ownerId: r.ownerId });
    }
  });

  await Promise.all(loaders);
  return result;
}

/** The last instant of a school date (Asia/Tokyo, no daylight saving). */
function endOfSchoolDay(date: string): Date {
  return new Date(`${date}T23:59:59.999+09:00`);
}
