// Shared by the import tests: the sample school, temp copies of it with one file edited, and a
// full dump of the database to prove that a failed import changed nothing.
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Db } from '../../../src/store/database.ts';
import { Prisma } from '../../../src/store/generated/sqlite/client.ts';
import { ImportError } from '../../../src/store/import/index.ts';

export { SAMPLE_SCHOOL_DIR as SAMPLE_DIR } from '../../helpers/sample-school.ts';
export { REPO_ROOT } from '../../helpers/run.ts';
import { SAMPLE_SCHOOL_DIR as SAMPLE_DIR } from '../../helpers/sample-school.ts';

const made: string[] = [];

/** A writable copy of the sample school (the original is read-only). */
export function copySample(only?: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-import-'));
  made.push(dir);
  for (const name of readdirSync(SAMPLE_DIR)) {
    if (!name.endsWith('.csv') || (only && !only.includes(name))) continue;
    cpSync(join(SAMPLE_DIR, name), join(dir, name));
    chmodSync(join(dir, name), 0o644);
  }
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The sample files use CRLF, as Excel writes them; edits work on lines and keep that. */
export function readLines(dir: string, file: string): string[] {
  return readFileSync(join(dir, file), 'utf8').split('\r\n');
}

export function writeLines(dir: string, file: string, lines: string[]): void {
  writeFileSync(join(dir, file), lines.join('\r\n'));
}

/** Replaces the first line containing `find` with `replace(line)`; returns its 1-based number. */
export function editLine(dir: string, file: string, find: string, replace: (line: string) => string): number {
  const lines = readLines(dir, file);
  const index = lines.findIndex((l) => l.includes(find));
  if (index < 0) throw new Error(`no line with ${find} in ${file}`);
  lines[index] = replace(lines[index]!);
  writeLines(dir, file, lines);
  return index + 1;
}

export function appendLine(dir: string, file: string, line: string): number {
  const lines = readLines(dir, file);
  while (lines.at(-1) === '') lines.pop();
  lines.push(line, '');
  writeLines(dir, file, lines);
  return lines.length - 1;
}

export async function expectImportError(
  promise: Promise<unknown>,
  expected: { file: string; line?: number; column?: string; reason: string | RegExp; message?: string },
): Promise<ImportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  const e = error as ImportError;
  expect(e.file).toBe(expected.file);
  expect(e.line).toBe(expected.line);
  expect(e.column).toBe(expected.column);
  if (typeof expected.reason === 'string') expect(e.reason).toBe(expected.reason);
  else expect(e.reason).toMatch(expected.reason);
  if (expected.message !== undefined) expect(e.message).toBe(expected.message);
  return e;
}

/** Every row of every table, in a stable order, so two dumps compare equal only if nothing changed. */
export async function dumpDatabase(db: Db, options: { except?: string[] } = {}): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const model of Object.values(Prisma.ModelName)) {
    if (options.except?.includes(model)) continue;
    const delegate = (db as unknown as Record<string, { findMany(): Promise<unknown[]> }>)[model[0]!.toLowerCase() + model.slice(1)]!;
    dump[model] = (await delegate.findMany()).map((row) => JSON.stringify(row)).sort();
  }
  return dump;
}
