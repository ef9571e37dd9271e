// One error type for everything a school can fix in its export: it names the file, and where it
// can, the line and column, so a teacher can open the CSV in Excel and go straight to the cell.

export interface ImportErrorLocation {
  file: string;
  line?: number;
  column?: string;
}

export class ImportError extends Error {
  override name = 'ImportError';
  readonly file: string;
  readonly line: number | undefined;
  readonly column: string | undefined;
  readonly reason: string;

  constructor(location: ImportErrorLocation, reason: string) {
    super(formatLocation(location) + reason);
    this.file = location.file;
    this.line = location.line;
    this.column = location.column;
    this.reason = reason;
  }
}

function formatLocation({ file, line, column }: ImportErrorLocation): string {
  let where = file;
  if (line !== undefined) where += ` line ${line}`;
  if (column !== undefined) where += `${line !== undefined ? ',' : ''} column "${column}"`;
  return `${where}: `;
}
