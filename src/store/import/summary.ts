// What an import did, per file, in a shape a CLI can print and a test can assert on.
import type { TextEncoding } from './encoding.ts';
import type { FileKind } from './files.ts';
import type { StaffClassCounts } from './classes.ts';
import type { ImportCounts } from './sync.ts';

export type { ImportCounts } from './sync.ts';
export type { StaffClassCounts } from './classes.ts';

export interface FileSummary extends ImportCounts {
  file: string;
  kind: FileKind;
  encoding: TextEncoding;
  rows: number;
}

export interface ImportSummary {
  files: FileSummary[];
  /** Classes named in staff.csv or students.csv. */
  classes: ImportCounts;
  /** Staff-to-class links derived from staff.csv classes and students' homeroom teachers. */
  staffClasses: StaffClassCounts;
  /** Earlier observation texts kept because the export corrected them. */
  observationRevisions: number;
  /**
   * Records already in the database that this export did not mention, per kind. An import
   * never deletes records: a row missing from a later export stays as it was.
   */
  leftInPlace: Partial<Record<FileKind, number>>;
  warnings: string[];
  durationMs: number;
}

export function formatSummary(summary: ImportSummary): string {
  const header = ['file', 'encoding', 'rows', 'added', 'updated', 'unchanged'];
  const body = summary.files.map((f) => [f.file, f.encoding, f.rows, f.added, f.updated, f.unchanged].map(String));
  const { classes, staffClasses } = summary;
  body.push(['(classes)', '', '', classes.added, classes.updated, classes.unchanged].map(String));
  body.push(['(staff-class links)', '', '', staffClasses.added, '-', staffClasses.unchanged].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const lines = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
  if (staffClasses.removed > 0) lines.push('', `staff-class links removed (no longer in staff.csv or students.csv): ${staffClasses.removed}`);
  if (summary.observationRevisions > 0) lines.push('', `observation revisions kept: ${summary.observationRevisions}`);
  const left = Object.entries(summary.leftInPlace).filter(([, n]) => n > 0);
  if (left.length > 0) lines.push('', `left in place (in the database, not in this export): ${left.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  for (const w of summary.warnings) lines.push(`warning: ${w}`);
  lines.push('', `imported in ${(summary.durationMs / 1000).toFixed(1)} s`);
  return `${lines.join('\n')}\n`;
}
