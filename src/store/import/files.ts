// Which files an export may contain, and the order they must be written in: people first
// (staff, then students and their classes), then the calendar, then records about students.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ImportError } from './errors.ts';

export const FILE_KINDS = [
  'staff',
  'students',
  'calendar',
  'attendance',
  'big_five',
  'competencies',
  'environment',
  'observations',
  'support_plans',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

const FIXED_NAMES: Record<string, FileKind> = {
  'staff.csv': 'staff',
  'students.csv': 'students',
  'calendar.csv': 'calendar',
  'attendance.csv': 'attendance',
  'assessments_big5.csv': 'big_five',
  'competencies.csv': 'competencies',
  'environment.csv': 'environment',
  'support_plans.csv': 'support_plans',
};

/** Observations may come in several files (one per export, or one per encoding). */
const OBSERVATIONS = /^observations[^/\\]*\.csv$/;

export const KNOWN_FILE_NAMES = [...Object.keys(FIXED_NAMES), 'observations*.csv'];

export interface ExportFile {
  /** The name as it appears in the directory, used in every message about the file. */
  file: string;
  path: string;
  kind: FileKind;
}

export function kindOfFile(name: string): FileKind | undefined {
  const lower = name.toLowerCase();
  return FIXED_NAMES[lower] ?? (OBSERVATIONS.test(lower) ? 'observations' : undefined);
}

/**
 * An unknown .csv is an error, not a warning: a misspelt "attendence.csv" skipped with a
 * warning would leave staff believing attendance had been imported.
 */
export function discoverFiles(dir: string): ExportFile[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new ImportError({ file: dir }, 'not a directory');
    names = readdirSync(dir);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError({ file: dir }, 'the directory does not exist or cannot be read');
  }
  const files: ExportFile[] = [];
  for (const name of names.sort()) {
    if (!name.toLowerCase().endsWith('.csv')) continue;
    const kind = kindOfFile(name);
    if (!kind) {
      throw new ImportError({ file: name }, `unknown export file; expected ${KNOWN_FILE_NAMES.join(', ')} (rename it, or move it out of the directory)`);
    }
    files.push({ file: name, path: join(dir, name), kind });
  }
  if (files.length === 0) {
    throw new ImportError({ file: dir }, `no export files found; expected at least one of ${KNOWN_FILE_NAMES.join(', ')}`);
  }
  return files.sort((a, b) => FILE_KINDS.indexOf(a.kind) - FILE_KINDS.indexOf(b.kind));
}
