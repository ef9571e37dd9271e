// A small RFC 4180 reader. It exists (rather than a library call) so that every record keeps the
// line it starts on, even after a quoted field spanning several lines, which is what an error
// message must point a teacher to.
import { ImportError } from './errors.ts';

export interface CsvRecord {
  /** 1-based line of the record's first character. */
  line: number;
  values: string[];
}

export interface CsvTable {
  file: string;
  header: CsvRecord;
  records: CsvRecord[];
}

export function parseCsv(file: string, text: string): CsvTable {
  refuseOtherFormats(file, text);
  const all = readRecords(file, text).filter((r) => r.values.some((v) => v.trim() !== ''));
  const [header, ...records] = all;
  if (!header) throw new ImportError({ file }, 'the file has no header row (it contains only blank lines)');
  return { file, header, records };
}

/** JSON, HTML and XML are text and would otherwise be read as one odd column; say what they are. */
function refuseOtherFormats(file: string, text: string): void {
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') throw new ImportError({ file, line: 1 }, 'the file looks like JSON, not CSV');
  if (start === '<') throw new ImportError({ file, line: 1 }, 'the file looks like HTML or XML, not CSV');
}

function readRecords(file: string, text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let values: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;

  const endRecord = () => {
    records.push({ line: recordLine, values });
    values = [];
  };

  while (i <= n) {
    if (i === n) {
      // A final record without a line break still counts; a trailing line break adds nothing.
      if (values.length > 0) endRecord();
      break;
    }
    if (text[i] === '"') {
      const startLine = line;
      let value = '';
      let from = ++i;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) throw new ImportError({ file, line: startLine }, 'a quoted field is never closed (missing ")');
        line += countLineBreaks(text, from, q);
        if (text[q + 1] === '"') {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      values.push(value);
      const after = text[i];
      if (after !== undefined && after !== ',' && after !== '\r' && after !== '\n') {
        throw new ImportError({ file, line }, `unexpected character ${JSON.stringify(after)} after a closing quote`);
      }
    } else {
      let end = i;
      while (end < n && text[end] !== ',' && text[end] !== '\r' && text[end] !== '\n') end++;
      values.push(text.slice(i, end));
      i = end;
    }
    const c = text[i];
    if (c === ',') {
      i++;
      if (i === n) values.push('');
    } else if (c === '\r' || c === '\n') {
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      endRecord();
      recordLine = line;
    }
  }
  return records;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}
