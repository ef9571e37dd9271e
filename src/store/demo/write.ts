// Bulk writes. Prisma's createMany costs about 0.2 ms a row through the driver adapters
// (measured: 45 000 attendance rows in 8 s on SQLite), far too slow for a demo built on first
// start, so the large tables are written as multi-row INSERTs through one flat Prisma.Sql per
// batch: every value is still bound (never spliced into the text), Prisma picks the placeholder
// style of the provider and converts Dates exactly as createMany does (checked on both
// providers), and the cost drops to about 15 us a row, which is the driver's per-value price.
import { Prisma } from '../generated/sqlite/client.ts';

export type Writer = Prisma.TransactionClient;
export type Value = string | number | Date | null;

/** Bound values per statement: below SQLite's 32 766 and PostgreSQL's 65 535. */
const MAX_PARAMS = 30_000;

/**
 * Inserts rows into `table`. Table and column names come from this module's callers as constants
 * matching the migrations, never from input.
 */
export async function insertRows<T, K extends keyof T & string>(
  tx: Writer,
  table: string,
  columns: readonly K[],
  rows: readonly T[],
  onBatch?: (written: number) => void,
): Promise<void> {
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (`;
  const size = Math.floor(MAX_PARAMS / columns.length);
  for (let start = 0; start < rows.length; start += size) {
    const batch = rows.slice(start, start + size);
    const strings: string[] = [];
    const values: Value[] = [];
    batch.forEach((row, r) => {
      columns.forEach((column, c) => {
        strings.push(c > 0 ? ', ' : r > 0 ? '), (' : head);
        values.push(row[column] as Value);
      });
    });
    strings.push(')');
    await tx.$executeRaw(new Prisma.Sql(strings, values));
    onBatch?.(start + batch.length);
  }
}
