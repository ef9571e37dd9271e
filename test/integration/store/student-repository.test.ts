import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listStudents } from '../../../src/store/student-repository.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';

// listStudents keeps the roster between turns; these prove it never answers from a stale copy.
describe('the student list kept between turns', () => {
  let database: TestDatabase;
  const student = (id: string, classId: string) => ({ id, familyName: '生徒', givenName: id, familyNameKana: 'せいと', givenNameKana: 'な', grade: 1, classId, enrolledOn: '2026-04-06' });
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.schoolClass.createMany({ data: [{ id: '1-1', grade: 1 }, { id: '1-2', grade: 1 }] });
    await database.db.student.createMany({ data: [student('A1', '1-1'), student('A2', '1-1'), student('B1', '1-2')] });
  });
  afterAll(async () => database.destroy());

  const ids = async (scope: readonly string[] | 'all') => (await listStudents(database.db, scope)).map((s) => s.id);

  it('filters by class and returns the whole school for "all"', async () => {
    expect(await ids(['1-1'])).toEqual(['A1', 'A2']);
    expect(await ids('all')).toEqual(['A1', 'A2', 'B1']);
  });

  it('sees a student added, moved to another class, renamed and removed', async () => {
    await ids('all');
    await database.db.student.create({ data: student('B2', '1-2') });
    expect(await ids(['1-2'])).toEqual(['B1', 'B2']);

    await database.db.student.update({ where: { id: 'A2' }, data: { classId: '1-2' } });
    expect(await ids(['1-1'])).toEqual(['A1']);

    await database.db.student.update({ where: { id: 'A1' }, data: { givenName: '新しい名前' } });
    expect((await listStudents(database.db, ['1-1']))[0]!.givenName).toBe('新しい名前');

    await database.db.student.delete({ where: { id: 'B1' } });
    expect(await ids('all')).toEqual(['A1', 'A2', 'B2']);
  });

  it('hands out records no caller can change for the next one', async () => {
    const [first] = await listStudents(database.db, 'all');
    expect(() => Object.assign(first!, { classId: '9-9' })).toThrow();
  });
});
