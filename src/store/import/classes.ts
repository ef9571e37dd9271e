// Classes are not a file of their own: staff.csv names the classes each teacher has, students.csv
// the class of each student. A class's grade comes from its id ("3-1" is Year 3), or, for ids
// without that prefix, from its students. Who may see a class's students follows from StaffClass,
// so a staff member listed in staff.csv gets exactly the links this export implies.
import type { Role } from '../../domain/school.ts';
import { ImportError } from './errors.ts';
import type { StaffRow } from './kinds/staff.ts';
import type { StudentRow } from './kinds/students.ts';
import type { ImportCounts, SyncContext } from './sync.ts';
import type { Row } from './table.ts';

const GRADE_PREFIX = /^(\d{1,2})(?=\D)/;

export function gradeFromClassId(classId: string): number | undefined {
  const m = GRADE_PREFIX.exec(classId);
  return m ? Number(m[1]) : undefined;
}

/** The grade of every class this export mentions; throws where students and class ids disagree. */
export function planClassGrades(
  staff: readonly Row<StaffRow>[],
  students: readonly Row<StudentRow>[],
  existingGrades: ReadonlyMap<string, number>,
): Map<string, number> {
  const grades = new Map<string, number>();
  const firstStudent = new Map<string, Row<StudentRow>>();
  for (const row of students) {
    const { class: classId, grade } = row.data;
    const fromId = gradeFromClassId(classId);
    const first = firstStudent.get(classId);
    if (fromId !== undefined && grade !== fromId) {
      throw new ImportError({ file: row.file, line: row.line, column: 'grade' }, `grade ${grade} does not match class "${classId}" (a Year ${fromId} class)`);
    }
    if (first && first.data.grade !== grade) {
      throw new ImportError({ file: row.file, line: row.line, column: 'grade' }, `grade ${grade} differs from grade ${first.data.grade} of class "${classId}" on line ${first.line}`);
    }
    if (!first) firstStudent.set(classId, row);
    grades.set(classId, grade);
  }
  for (const row of staff) {
    for (const classId of row.data.classes) {
      if (grades.has(classId)) continue;
      const grade = gradeFromClassId(classId) ?? existingGrades.get(classId);
      if (grade === undefined) {
        throw new ImportError(
          { file: row.file, line: row.line, column: 'classes' },
          `cannot tell the grade of class "${classId}": its id has no grade prefix (like "2-1") and no student is in it`,
        );
      }
      grades.set(classId, grade);
    }
  }
  return grades;
}

export async function syncClasses(ctx: SyncContext, grades: ReadonlyMap<string, number>): Promise<ImportCounts> {
  const { tx } = ctx;
  const existing = new Map((await tx.schoolClass.findMany()).map((c) => [c.id, c.grade]));
  const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
  const creates: { id: string; grade: number }[] = [];
  for (const [id, grade] of grades) {
    const current = existing.get(id);
    if (current === undefined) {
      creates.push({ id, grade });
      counts.added++;
    } else if (current !== grade) {
      await tx.schoolClass.update({ where: { id }, data: { grade } });
      counts.updated++;
    } else counts.unchanged++;
  }
  if (creates.length > 0) await tx.schoolClass.createMany({ data: creates });
  return counts;
}

export interface StaffClassCounts {
  added: number;
  removed: number;
  unchanged: number;
}

interface Link {
  staffId: string;
  classId: string;
  relation: string;
}

const linkKey = (l: Link) => JSON.stringify([l.staffId, l.classId, l.relation]);

/**
 * Links implied by the export: staff.csv classes (homeroom for a homeroom teacher, teaches
 * otherwise) and every student's homeroom teacher. Links of a staff member in staff.csv that the
 * export no longer implies are removed, since they grant access to students; links of staff
 * not in the file are only ever added to.
 */
export async function syncStaffClasses(ctx: SyncContext, staff: readonly Row<StaffRow>[], students: readonly Row<StudentRow>[]): Promise<StaffClassCounts> {
  const { tx } = ctx;
  const counts: StaffClassCounts = { added: 0, removed: 0, unchanged: 0 };
  if (staff.length === 0 && students.length === 0) return counts;

  const desired = new Map<string, Link>();
  const want = (link: Link) => desired.set(linkKey(link), link);
  for (const { data } of staff) {
    const relation = relationFor(data.role);
    for (const classId of data.classes) want({ staffId: data.staff_id, classId, relation });
  }
  // Students are read back after they were written, so the homerooms are this export's over the database's.
  const homerooms = await tx.student.findMany({ where: { homeroomId: { not: null } }, select: { classId: true, homeroomId: true }, distinct: ['classId', 'homeroomId'] });
  for (const s of homerooms) want({ staffId: s.homeroomId!, classId: s.classId, relation: 'homeroom' });

  const listed = new Set(staff.map((r) => r.data.staff_id));
  const existing = await tx.staffClass.findMany();
  const have = new Set(existing.map(linkKey));
  const stale = existing.filter((l) => listed.has(l.staffId) && !desired.has(linkKey(l)));
  for (const l of stale) await tx.staffClass.delete({ where: { staffId_classId_relation: l } });
  const creates = [...desired.values()].filter((l) => !have.has(linkKey(l)));
  if (creates.length > 0) await tx.staffClass.createMany({ data: creates });
  return { added: creates.length, removed: stale.length, unchanged: desired.size - creates.length };
}

function relationFor(role: Role): 'homeroom' | 'teaches' {
  return role === 'homeroom_teacher' ? 'homeroom' : 'teaches';
}
