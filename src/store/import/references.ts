// Every student and staff id a row mentions must exist, in this export or already in the
// database, and this is checked before anything is written.
import type { Role } from '../../domain/school.ts';
import { ImportError } from './errors.ts';
import { FILE_KINDS, type FileKind } from './files.ts';
import { REFERENCES, type Reference, type RowsByKind } from './kinds/index.ts';
import type { Row } from './table.ts';

export interface KnownPeople {
  staff: ReadonlyMap<string, Role>;
  students: ReadonlySet<string>;
}

/** Staff roles and student ids after this import: the database's, overlaid by the export's. */
export function knownPeople(rows: RowsByKind, staffInDb: readonly { id: string; role: string }[], studentsInDb: readonly { id: string }[]): KnownPeople {
  const staff = new Map(staffInDb.map((s) => [s.id, s.role as Role]));
  for (const { data } of rows.staff) staff.set(data.staff_id, data.role);
  const students = new Set(studentsInDb.map((s) => s.id));
  for (const { data } of rows.students) students.add(data.student_no);
  return { staff, students };
}

export function checkReferences(rows: RowsByKind, known: KnownPeople): void {
  for (const kind of FILE_KINDS) checkKind(kind, rows, known);
}

function checkKind<K extends FileKind>(kind: K, rows: RowsByKind, known: KnownPeople): void {
  const references = REFERENCES[kind] as readonly Reference<K>[];
  if (references.length === 0) return;
  for (const row of rows[kind] as Row<Record<string, unknown>>[]) {
    for (const { column, target } of references) {
      const id = row.data[column];
      if (id === null) continue;
      const exists = target === 'staff' ? known.staff.has(String(id)) : known.students.has(String(id));
      if (!exists) {
        const what = target === 'staff' ? 'staff_id' : 'student_no';
        const where = target === 'staff' ? 'staff.csv' : 'students.csv';
        throw new ImportError({ file: row.file, line: row.line, column }, `unknown ${what} ${JSON.stringify(id)} (not in ${where} of this export, nor in the database)`);
      }
    }
  }
}
