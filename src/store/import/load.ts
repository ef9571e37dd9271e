// The first phase of an import: read, decode, parse and validate every file, and reject
// duplicates, all before the database is touched.
import { readFileSync } from 'node:fs';
import { parseCsv } from './csv.ts';
import { decodeCsvBytes, type TextEncoding } from './encoding.ts';
import { ImportError } from './errors.ts';
import { discoverFiles, FILE_KINDS, type FileKind } from './files.ts';
import { KEYS, SCHEMAS, type RowsByKind } from './kinds/index.ts';
import { readRows, rejectDuplicates, type ReadOptions, type Row } from './table.ts';

export interface LoadedFile {
  file: string;
  kind: FileKind;
  encoding: TextEncoding;
  rows: number;
}

export interface LoadedExport {
  files: LoadedFile[];
  rows: RowsByKind;
  warnings: string[];
}

export function loadExport(dir: string, options: Pick<ReadOptions, 'onProgress' | 'progressEvery'> = {}): LoadedExport {
  const warnings: string[] = [];
  const rows = Object.fromEntries(FILE_KINDS.map((k) => [k, []])) as unknown as RowsByKind;
  const files: LoadedFile[] = [];
  for (const { file, path, kind } of discoverFiles(dir)) {
    const { text, encoding } = decodeCsvBytes(file, readBytes(file, path));
    options.onProgress?.(`reading ${file} (${encoding})`);
    const parsed = readRows(parseCsv(file, text), SCHEMAS[kind], { ...options, warn: (w) => warnings.push(w) });
    // A loop, not push(...parsed): spreading a million rows as arguments overflows the stack.
    const list = rows[kind] as Row<unknown>[];
    for (const row of parsed) list.push(row);
    files.push({ file, kind, encoding, rows: parsed.length });
  }
  for (const kind of FILE_KINDS) rejectDuplicates(rows[kind] as Row<Record<string, unknown>>[], KEYS[kind]);
  return { files, rows, warnings };
}

function readBytes(file: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    throw new ImportError({ file }, 'the file cannot be read');
  }
}
