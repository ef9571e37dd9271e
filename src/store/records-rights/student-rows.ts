// Every row held about one student, table by table: counted for a retention report and deleted by
// a deletion request or a retention run. Both walk the same list, so a report's counts are exactly
// what the deletion then removes.
//
// Student relations cascade in the schema, but each table is deleted explicitly here: the counts
// are what the admin is told, and a table added later without a cascade fails loudly (a foreign
// key error rolls the whole deletion back) rather than keeping a row behind silently.
import type { Tx } from './transaction.ts';

export interface StudentRowCounts {
  students: number;
  attendance: number;
  bigFive: number;
  competencies: number;
  environment: number;
  observations: number;
  observationRevisions: number;
  supportPlans: number;
  supportActions: number;
  recordCorrections: number;
}

type Table = { [K in keyof StudentRowCounts]: { count(tx: Tx, id: string): Promise<number>; remove(tx: Tx, id: string): Promise<number> } };

const removed = (p: Promise<{ count: number }>) => p.then((r) => r.count);

/** Children before parents, so nothing is left to a cascade. */
const TABLES: Table = {
  observationRevisions: {
    count: (tx, id) => tx.observationRevision.count({ where: { observation: { studentId: id } } }),
    remove: (tx, id) => removed(tx.observationRevision.deleteMany({ where: { observation: { studentId: id } } })),
  },
  // Each deleted observation also leaves the search index (SQLite: FTS5 triggers; PostgreSQL: the
  // trigram index is on the column itself).
  observations: {
    count: (tx, id) => tx.observation.count({ where: { studentId: id } }),
    remove: (tx, id) => removed(tx.observation.deleteMany({ where: { studentId: id } })),
  },
  supportActions: {
    count: (tx, id) => tx.supportAction.count({ where: { plan: { studentId: id } } }),
    remove: (tx, id) => removed(tx.supportAction.deleteMany({ where: { plan: { studentId: id } } })),
  },
  supportPlans: {
    count: (tx, id) => tx.supportPlan.count({ where: { studentId: id } }),
    remove: (tx, id) => removed(tx.supportPlan.deleteMany({ where: { studentId: id } })),
  },
  attendance: {
    count: (tx, id) => tx.attendance.count({ where: { studentId: id } }),
    remove: (tx, id) => removed(tx.attendance.deleteMany({ where: { studentId: id } })),
  },
  bigFive: {
    count: (tx, id) => tx.bigFiveResult.count({ where: { studentId: id } }),
    remove: (tx, id) => removed(tx.bigFiveResult.deleteMany({ where: { studentId: id } })),
  },
  competencies: {
    count: (tx, id) => tx.competencyRating.count({ where: { studentId: id } }),
    remove: (tx, id) => removed(tx.competencyRating.deleteMany({ where: { studentId: id } })),
  },
  environment: {
    count: (tx, id) => tx.environmentFactor.count({ where: { studentId: id } }),
    remove: (tx, id) => removed(tx.environmentFactor.deleteMany({ where: { studentId: id } })),
  },
  recordCorrections: {
    count: (tx, id) => tx.recordCorrection.count({ where: { studentId: id } }),
    remove: (tx, id) => removed(tx.recordCorrection.deleteMany({ where: { studentId: id } })),
  },
  students: {
    count: (tx, id) => tx.student.count({ where: { id } }),
    remove: (tx, id) => removed(tx.student.deleteMany({ where: { id } })),
  },
};

const KINDS = Object.keys(TABLES) as (keyof StudentRowCounts)[];

async function each(tx: Tx, studentId: string, op: 'count' | 'remove'): Promise<StudentRowCounts> {
  const counts = {} as StudentRowCounts;
  // One after another: a transaction is one connection, and its statements queue there anyway.
  for (const kind of KINDS) counts[kind] = await TABLES[kind][op](tx, studentId);
  return counts;
}

export const countStudentRows = (tx: Tx, studentId: string) => each(tx, studentId, 'count');
export const deleteStudentRows = (tx: Tx, studentId: string) => each(tx, studentId, 'remove');

/** Only the student's observations (and their earlier versions): the observation retention rule. */
export async function countObservationRows(tx: Tx, studentId: string): Promise<{ observations: number; observationRevisions: number }> {
  return { observations: await TABLES.observations.count(tx, studentId), observationRevisions: await TABLES.observationRevisions.count(tx, studentId) };
}

export async function deleteObservationRows(tx: Tx, studentId: string): Promise<{ observations: number; observationRevisions: number }> {
  const observationRevisions = await TABLES.observationRevisions.remove(tx, studentId);
  return { observations: await TABLES.observations.remove(tx, studentId), observationRevisions };
}
