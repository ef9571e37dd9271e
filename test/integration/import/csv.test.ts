// The CSV reader keeps each record's starting line, which error messages depend on.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/store/import/csv.ts';

const records = (text: string) => parseCsv('t.csv', text).records.map((r) => [r.line, ...r.values]);

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and keeps line numbers', () => {
    const text = 'a,b\r\n1,"x, y"\r\n2,"she said ""hi""\r\nand left"\r\n3,z\r\n';
    expect(parseCsv('t.csv', text).header).toEqual({ line: 1, values: ['a', 'b'] });
    expect(records(text)).toEqual([
      [2, '1', 'x, y'],
      [3, '2', 'she said "hi"\r\nand left'],
      [5, '3', 'z'],
    ]);
  });

  it('accepts LF and CR line endings, a missing final line break, and skips blank lines', () => {
    expect(records('a,b\n1,2\n\n3,4')).toEqual([
      [2, '1', '2'],
      [4, '3', '4'],
    ]);
    expect(records('a,b\r1,2\r,\r3,4\r')).toEqual([
      [2, '1', '2'],
      [4, '3', '4'],
    ]);
    expect(records('a,b\n1,\n')).toEqual([[2, '1', '']]);
  });

  it('counts line breaks inside quotes however they are written', () => {
    expect(records('a\n"x\ny\rz\r\nw"\n2\n')).toEqual([
      [2, 'x\ny\rz\r\nw'],
      [6, '2'],
    ]);
  });

  it('keeps a stray quote inside an unquoted field, as Excel users type them', () => {
    expect(records('a,b\n5" screen,ok\n')).toEqual([[2, '5" screen', 'ok']]);
  });

  it('refuses text after a closing quote, an unclosed quote, and a file of blank lines', () => {
    expect(() => parseCsv('t.csv', 'a,b\n"x"y,2\n')).toThrow('t.csv line 2: unexpected character "y" after a closing quote');
    expect(() => parseCsv('t.csv', 'a,b\n1,2\n3,"open\n4,5\n')).toThrow('t.csv line 3: a quoted field is never closed (missing ")');
    expect(() => parseCsv('t.csv', '\r\n\r\n')).toThrow('t.csv: the file has no header row (it contains only blank lines)');
  });

  it('names JSON, HTML and XML for what they are', () => {
    expect(() => parseCsv('t.csv', '  {"a": 1}')).toThrow('t.csv line 1: the file looks like JSON, not CSV');
    expect(() => parseCsv('t.csv', '<!DOCTYPE html><html>')).toThrow('t.csv line 1: the file looks like HTML or XML, not CSV');
  });
});
