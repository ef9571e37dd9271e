// The row schema, natural key and references of each kind of export file, in one table so that
// reading, duplicate checks and reference checks treat every file alike.
import type { z } from 'zod';
import type { FileKind } from '../files.ts';
import type { Row } from '../table.ts';
import { attendanceKey, attendanceSchema } from './attendance.ts';
import { bigFiveKey, bigFiveSchema } from './big-five.ts';
import { calendarKey, calendarSchema } from './calendar.ts';
import { competencyKey, competencySchema } from './competencies.ts';
import { environmentKey, environmentSchema } from './environment.ts';
import { observationKey, observationSchema } from './observations.ts';
import { staffKey, staffSchema } from './staff.ts';
import { studentKey, studentSchema } from './students.ts';
import { supportPlanKey, supportPlanSchema } from './support-plans.ts';

export const SCHEMAS = {
  staff: staffSchema,
  students: studentSchema,
  calendar: calendarSchema,
  attendance: attendanceSchema,
  big_five: bigFiveSchema,
  competencies: competencySchema,
  environment: environmentSchema,
  observations: observationSchema,
  support_plans: supportPlanSchema,
} as const;

export type RowOf<K extends FileKind> = z.output<(typeof SCHEMAS)[K]>;
export type RowsByKind = { [K in FileKind]: Row<RowOf<K>>[] };
type Column<K extends FileKind> = keyof RowOf<K> & string;

export const KEYS: { [K in FileKind]: readonly Column<K>[] } = {
  staff: staffKey,
  students: studentKey,
  calendar: calendarKey,
  attendance: attendanceKey,
  big_five: bigFiveKey,
  competencies: competencyKey,
  environment: environmentKey,
  observations: observationKey,
  support_plans: supportPlanKey,
};

export interface Reference<K extends FileKind> {
  column: Column<K>;
  target: 'staff' | 'student';
}

export const REFERENCES: { [K in FileKind]: readonly Reference<K>[] } = {
  staff: [],
  students: [{ column: 'homeroom_staff_id', target: 'staff' }],
  calendar: [],
  attendance: [{ column: 'student_no', target: 'student' }],
  big_five: [{ column: 'student_no', target: 'student' }],
  competencies: [{ column: 'student_no', target: 'student' }],
  environment: [{ column: 'student_no', target: 'student' }],
  observations: [
    { column: 'student_no', target: 'student' },
    { column: 'author_staff_id', target: 'staff' },
  ],
  support_plans: [
    { column: 'student_no', target: 'student' },
    { column: 'owner_staff_id', target: 'staff' },
  ],
};
