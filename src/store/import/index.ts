// The school import: `importSchool(db, dir)` reads a CSV export (../shared/sample-school/README.md).
export { importSchool, type ImportOptions } from './import-school.ts';
export { ImportError, type ImportErrorLocation } from './errors.ts';
export { formatSummary, type FileSummary, type ImportCounts, type ImportSummary, type StaffClassCounts } from './summary.ts';
export { FILE_KINDS, KNOWN_FILE_NAMES, type FileKind } from './files.ts';
export type { TextEncoding } from './encoding.ts';
