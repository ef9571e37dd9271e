import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The realistic school export shared with the project (../shared/sample-school). */
export const SAMPLE_SCHOOL_DIR = fileURLToPath(new URL('../../../shared/sample-school/', import.meta.url));

/** The moment the sample export was taken: Friday 2026-11-20, after school. */
export const SAMPLE_NOW = new Date('2026-11-20T17:00:00+09:00');

export interface SampleStudentRow {
  id: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  classId: string;
}

/** The sample export's students.csv as rows (its fields hold no commas or quotes). */
export function sampleStudents(): SampleStudentRow[] {
  const [header, ...lines] = readFileSync(`${SAMPLE_SCHOOL_DIR}/students.csv`, 'utf8').trim().split('\n');
  const column = (name: string) => header!.split(',').indexOf(name);
  const [id, family, given, familyKana, givenKana, classId] = ['student_no', 'family_name', 'given_name', 'family_name_kana', 'given_name_kana', 'class'].map(column) as number[];
  return lines.map((line) => {
    const f = line.split(',');
    return { id: f[id!]!, familyName: f[family!]!, givenName: f[given!]!, familyNameKana: f[familyKana!]!, givenNameKana: f[givenKana!]!, classId: f[classId!]! };
  });
}
