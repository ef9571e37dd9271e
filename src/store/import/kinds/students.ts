// students.csv: the students, their class and their homeroom teacher.
import { z } from 'zod';
import { identifier, integer, isoDate, optionalIdentifier, shortText } from '../fields.ts';
import { classify, createInBatches, result, updateEach, type SyncContext, type TableResult } from '../sync.ts';
import type { Row } from '../table.ts';

export const studentSchema = z.object({
  student_no: identifier('student_no'),
  // Names are indexed (fields.ts, shortText); 100 characters is far beyond any real name.
  family_name: shortText(100, { required: true }),
  given_name: shortText(100, { required: true }),
  family_name_kana: shortText(100, { required: false }),
  given_name_kana: shortText(100, { required: false }),
  // 1-3 in a junior high school; 7-9 where a combined compulsory school numbers them on.
  grade: integer('grade', 1, 9),
  class: identifier('class'),
  homeroom_staff_id: optionalIdentifier('staff_id'),
  enrolled_on: isoDate,
});
export type StudentRow = z.output<typeof studentSchema>;
export const studentKey = ['student_no'] as const;

const fields = (r: StudentRow) => ({
  familyName: r.family_name,
  givenName: r.given_name,
  familyNameKana: r.family_name_kana,
  givenNameKana: r.given_name_kana,
  grade: r.grade,
  classId: r.class,
  homeroomId: r.homeroom_staff_id,
  enrolledOn: r.enrolled_on,
});

export async function syncStudents(ctx: SyncContext, rows: Row<StudentRow>[]): Promise<TableResult> {
  const { tx } = ctx;
  const existing = await tx.student.findMany({
    select: { id: true, familyName: true, givenName: true, familyNameKana: true, givenNameKana: true, grade: true, classId: true, homeroomId: true, enrolledOn: true },
  });
  const plan = classify(
    rows,
    new Map(existing.map((e) => [e.id, e])),
    (r) => r.student_no,
    (r, e) => {
      const next = fields(r);
      return (Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== e[k]);
    },
  );
  await createInBatches(ctx, 'students', plan.creates, (batch) => tx.student.createMany({ data: batch.map(({ data: r }) => ({ id: r.student_no, ...fields(r) })) }));
  await updateEach(ctx, 'students', plan.updates, ({ row }) => tx.student.update({ where: { id: row.data.student_no }, data: fields(row.data) }));
  return result(plan.tally, existing.length + plan.creates.length, rows.length);
}
