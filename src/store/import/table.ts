// Turns a parsed CSV table into typed rows with a zod schema whose keys are the file's columns.
// The first problem found is thrown with its line and column; the row's line travels with the
// data, so later checks (duplicates, references) can point at it too.
import type { z } from 'zod';
import type { CsvTable } from './csv.ts';
import { ImportError } from './errors.ts';

export interface Row<T> {
  file: string;
  line: number;
  data: T;
}

export type RowSchema = z.ZodObject<Record<string, z.ZodType<unknown, string>>>;

export interface ReadOptions {
  onProgress?: (message: string) => void;
  warn?: (message: string) => void;
  /** Report progress every this many rows. */
  progressEvery?: number;
}

export function readRows<S extends RowSchema>(table: CsvTable, schema: S, options: ReadOptions = {}): Row<z.output<S>>[] {
  const { file } = table;
  const columns = Object.keys(schema.shape);
  const header = table.header.values.map((h) => h.trim());
  const positions = locateColumns(table, header, columns);
  const extra = header.filter((h) => h !== '' && !columns.includes(h));
  if (extra.length > 0) options.warn?.(`${file}: ignored unknown column(s) ${extra.map((e) => `"${e}"`).join(', ')}`);

  const every = options.progressEvery ?? 10_000;
  const total = table.records.length;
  const rows: Row<z.output<S>>[] = [];
  for (const record of table.records) {
    const { line, values } = record;
    if (values.length < header.length || values.slice(header.length).some((v) => v.trim() !== '')) {
      throw new ImportError({ file, line }, `the row has ${values.length} fields but the header has ${header.length} (a missing or unquoted comma?)`);
    }
    const cells: Record<string, string> = {};
    for (const [column, index] of positions) cells[column] = values[index]!.trim();
    const parsed = schema.safeParse(cells);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ImportError({ file, line, column: String(issue.path[0]) }, issue.message);
    }
    rows.push({ file, line, data: parsed.data });
    if (rows.length % every === 0) options.onProgress?.(`${file}: checked ${rows.length.toLocaleString('en')} of ${total.toLocaleString('en')} rows`);
  }
  return rows;
}

function locateColumns(table: CsvTable, header: string[], columns: string[]): Map<string, number> {
  const { file } = table;
  const line = table.header.line;
  const seen = new Set<string>();
  for (const h of header) {
    if (h !== '' && seen.has(h)) throw new ImportError({ file, line, column: h }, 'the column appears twice in the header row');
    seen.add(h);
  }
  if (!columns.some((c) => seen.has(c))) {
    throw new ImportError(
      { file, line },
      `this is not the expected CSV: the header row has none of the columns ${columns.join(', ')}`,
    );
  }
  const missing = columns.find((c) => !seen.has(c));
  if (missing !== undefined) {
    throw new ImportError({ file, line, column: missing }, `missing column (the header row has ${header.filter((h) => h !== '').join(', ')})`);
  }
  return new Map(columns.map((c) => [c, header.indexOf(c)]));
}

/**
 * Two rows with the same natural key would silently overwrite each other; naming both lines
 * lets the school decide which one is right.
 */
export function rejectDuplicates<T extends object>(rows: readonly Row<T>[], keyColumns: readonly (keyof T & string)[]): void {
  const first = new Map<string, Row<T>>();
  for (const row of rows) {
    const values = keyColumns.map((c) => String(row.data[c]));
    const k = values.join('\u0000');
    const earlier = first.get(k);
    if (!earlier) {
      first.set(k, row);
      continue;
    }
    const where = earlier.file === row.file ? `line ${earlier.line}` : `${earlier.file} line ${earlier.line}`;
    throw new ImportError({ file: row.file, line: row.line }, `duplicate row: same ${keyColumns.join(', ')} (${values.join(', ')}) as ${where}`);
  }
}
