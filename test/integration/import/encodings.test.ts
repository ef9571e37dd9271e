// The encoding is decided by the bytes, never the file name.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../src/store/import/encoding.ts';
import { importSchool } from '../../../src/store/import/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { copySample, expectImportError, readLines, removeTempDirs, SAMPLE_DIR } from './fixtures.ts';

describe('decoding', () => {
  it('reads UTF-8 with and without a BOM, and Shift_JIS', () => {
    const text = 'date,kind,label\n2026-04-29,holiday,昭和の日\n';
    expect(decodeCsvBytes('a.csv', Buffer.from(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsvBytes('a.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ text, encoding: 'utf-8-bom' });
    expect(decodeCsvBytes('a.csv', iconv.encode(text, 'cp932'))).toEqual({ text, encoding: 'shift_jis' });
  });

  it('reads CP932 extensions (①, ㈱, 髙) and half-width katakana', () => {
    const text = 'label\n①髙橋㈱ ｶﾀｶﾅ\n';
    expect(decodeCsvBytes('a.csv', iconv.encode(text, 'cp932'))).toEqual({ text, encoding: 'shift_jis' });
  });

  it('refuses EUC-JP, Latin-1 and UTF-16 instead of guessing', () => {
    const japanese = 'text\n保健室で泣いていた。昨日SNSで悪口を書かれたと話す。\n';
    expect(() => decodeCsvBytes('a.csv', iconv.encode(japanese, 'euc-jp'))).toThrow('a.csv: the file looks like EUC-JP text; save it as "CSV UTF-8" or Shift_JIS CSV');
    // Short EUC-JP text is also well-formed Shift_JIS; it must not be read as half-width katakana.
    expect(() => decodeCsvBytes('a.csv', iconv.encode('text\n保健室で泣いていた。\n', 'euc-jp'))).toThrow('looks like EUC-JP');
    expect(() => decodeCsvBytes('a.csv', Buffer.from('name\nMüller\n', 'latin1'))).toThrow('neither UTF-8 nor Shift_JIS');
    expect(() => decodeCsvBytes('a.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n', 'utf16le')]))).toThrow('a.csv: the file is UTF-16 text');
    expect(() => decodeCsvBytes('a.csv', Buffer.from('a,b\n', 'utf16le'))).toThrow('a.csv: the file is binary, not CSV text (NUL byte at offset 1)');
  });
});

describe('importing files in either encoding', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => database.destroy());
  afterAll(() => removeTempDirs());

  function reencode(dir: string, file: string, to: 'cp932' | 'bom') {
    const text = readLines(dir, file).join('\r\n');
    writeFileSync(join(dir, file), to === 'cp932' ? iconv.encode(text, 'cp932') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
  }

  it('a Shift_JIS file without a hint in its name, and a UTF-8 file with a BOM', async () => {
    const dir = copySample(['staff.csv', 'students.csv', 'observations_sjis.csv']);
    reencode(dir, 'students.csv', 'cp932');
    reencode(dir, 'staff.csv', 'bom');
    const summary = await importSchool(database.db, dir, {});
    expect(summary.files.map((f) => [f.file, f.encoding, f.added])).toEqual([
      ['staff.csv', 'utf-8-bom', 7],
      ['students.csv', 'shift_jis', 12],
      ['observations_sjis.csv', 'shift_jis', 3],
    ]);
    const student = await database.db.student.findUniqueOrThrow({ where: { id: 'S002' } });
    expect([student.familyName, student.givenName, student.givenNameKana]).toEqual(['鈴木', '結衣', 'ゆい']);
    expect((await database.db.staff.findUniqueOrThrow({ where: { id: 'T01' } })).familyName).toBe('山田');
  });

  it('the sample Shift_JIS observations renamed to observations_2026.csv', async () => {
    const dir = copySample(['staff.csv', 'students.csv']);
    copyFileSync(join(SAMPLE_DIR, 'observations_sjis.csv'), join(dir, 'observations_2026.csv'));
    const summary = await importSchool(database.db, dir, {});
    expect(summary.files.at(-1)).toMatchObject({ file: 'observations_2026.csv', encoding: 'shift_jis', added: 3 });
    const texts = (await database.db.observation.findMany({ orderBy: { observedAt: 'asc' } })).map((o) => o.text);
    expect(texts).toEqual([
      '今日も2限から登校。寝不足で授業中に居眠り。',
      '別室で担任と10分間面談。来週は給食の時間だけ教室に行ってみたいと話した。',
      '保健室で泣いていた。昨日SNSで悪口を書かれたと話す。',
    ]);
  });

  it('an EUC-JP file is refused with the file named', async () => {
    const dir = copySample(['staff.csv', 'students.csv']);
    writeFileSync(join(dir, 'observations.csv'), iconv.encode('observed_at,student_no,author_staff_id,text\r\n2026-11-20T10:15,S004,N01,保健室で泣いていた。\r\n', 'euc-jp'));
    await expectImportError(importSchool(database.db, dir, {}), {
      file: 'observations.csv',
      reason: 'the file looks like EUC-JP text; save it as "CSV UTF-8" or Shift_JIS CSV',
    });
    expect(await database.db.staff.count()).toBe(0);
  });
});
