// Shared by the records-rights tests: the sample school in a fresh database, its staff, and ways
// to look at every table at once.
import { Prisma } from '../../../src/store/generated/sqlite/client.ts';
import type { Db } from '../../../src/store/database.ts';
export { failingInside } from '../../helpers/failing-db.ts';
import { serviceContext, type ServiceContext } from '../../../src/services/context.ts';
import { importSchool } from '../../../src/store/import/index.ts';
import { findStaffMember } from '../../../src/store/staff-repository.ts';
import type { StaffMember } from '../../../src/domain/staff.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { SAMPLE_NOW, SAMPLE_SCHOOL_DIR } from '../../helpers/sample-school.ts';

export interface SampleSchool {
  database: TestDatabase;
  ctx: ServiceContext;
  staff(id: string): Promise<StaffMember>;
}

export async function openSampleSchool(now: () => Date = () => SAMPLE_NOW): Promise<SampleSchool> {
  const database = await createTestDatabase();
  await importSchool(database.db, SAMPLE_SCHOOL_DIR, {});
  return {
    database,
    ctx: serviceContext(database, now),
    staff: async (id) => (await findStaffMember(database.db, id))!,
  };
}

/** Every row of every model, as sorted JSON lines: equal dumps mean nothing changed. */
export async function dumpDatabase(db: Db): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const model of Object.values(Prisma.ModelName)) {
    const delegate = (db as unknown as Record<string, { findMany(): Promise<unknown[]> }>)[model[0]!.toLowerCase() + model.slice(1)]!;
    dump[model] = (await delegate.findMany()).map((row) => JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).sort();
  }
  return dump;
}

/** Row counts of every model. */
export async function countRows(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of Object.values(Prisma.ModelName)) {
    const delegate = (db as unknown as Record<string, { count(): Promise<number> }>)[model[0]!.toLowerCase() + model.slice(1)]!;
    counts[model] = await delegate.count();
  }
  return counts;
}

/**
 * Every table in the database (not only the models: the search index's own tables too) and every
 * column, searched for each needle: `{ needle: { "Table.column": rows } }`, listing only the
 * columns that hold it. The ledger of applied migrations is left out.
 */
export async function rowsContaining(database: TestDatabase, needles: readonly string[]): Promise<Record<string, Record<string, number>>> {
  const { db, provider } = database;
  const hits: Record<string, Record<string, number>> = Object.fromEntries(needles.map((n) => [n, {}]));
  const columns =
    provider === 'sqlite'
      ? await db.$queryRawUnsafe<{ t: string; c: string }[]>(
          `SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p
           WHERE m.type = 'table' AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND m.name NOT LIKE '\\_yorisoi%' ESCAPE '\\' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`,
        )
      : await db.$queryRawUnsafe<{ t: string; c: string }[]>(
          `SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_yorisoi%'`,
        );
  for (const { t, c } of columns) {
    const text = provider === 'sqlite' ? `CAST("${c}" AS TEXT)` : `"${c}"::text`;
    const where = needles.map((_, i) => `${text} LIKE ${provider === 'sqlite' ? '?' : `$${i + 1}`}`).join(' OR ');
    const rows = await db.$queryRawUnsafe<{ v: string | null }[]>(`SELECT ${text} AS v FROM "${t}" WHERE ${where}`, ...needles.map((n) => `%${n}%`));
    for (const needle of needles) {
      const n = rows.filter((r) => r.v?.includes(needle)).length;
      if (n > 0) hits[needle]![`${t}.${c}`] = n;
    }
  }
  return hits;
}

