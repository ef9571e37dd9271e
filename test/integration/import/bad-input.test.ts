// Every kind of bad export fails with a message that names the file, line, column and reason,
// and leaves the database exactly as it was.
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSchool } from '../../../src/store/import/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { appendLine, copySample, dumpDatabase, editLine, expectImportError, readLines, removeTempDirs, SAMPLE_DIR, writeLines } from './fixtures.ts';

const STATUSES = 'present, absent, late, early_leave, nurse_office, separate_room, online';

describe('bad input', () => {
  let database: TestDatabase;
  let before: Awaited<ReturnType<typeof dumpDatabase>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await importSchool(database.db, SAMPLE_DIR, {});
    before = await dumpDatabase(database.db);
  });
  afterAll(async () => {
    // Each failed import must have left the database as the sample import made it.
    expect(await dumpDatabase(database.db)).toEqual(before);
    await database.destroy();
    removeTempDirs();
  });

  const fails = (dir: string) => importSchool(database.db, dir, {});

  /** Asserts the error and that the database did not change, whatever the failing file. */
  async function expectFailure(dir: string, expected: Parameters<typeof expectImportError>[1]) {
    const error = await expectImportError(fails(dir), expected);
    expect(await dumpDatabase(database.db)).toEqual(before);
    return error;
  }

  it('a missing column', async () => {
    const dir = copySample();
    writeLines(dir, 'attendance.csv', readLines(dir, 'attendance.csv').map((l) => l.split(',').filter((_, i) => i !== 2).join(',')));
    await expectFailure(dir, {
      file: 'attendance.csv',
      line: 1,
      column: 'status',
      reason: 'missing column (the header row has date, student_no, periods_attended, note)',
      message: 'attendance.csv line 1, column "status": missing column (the header row has date, student_no, periods_attended, note)',
    });
  });

  it('an unknown status, with the accepted ones listed', async () => {
    const dir = copySample();
    const lines = readLines(dir, 'attendance.csv');
    lines[16] = lines[16]!.replace(/,(present|absent|late|early_leave|nurse_office|separate_room|online),/, ',absnt,');
    writeLines(dir, 'attendance.csv', lines);
    await expectFailure(dir, {
      file: 'attendance.csv',
      line: 17,
      column: 'status',
      reason: `unknown status "absnt" (expected one of ${STATUSES})`,
      message: `attendance.csv line 17, column "status": unknown status "absnt" (expected one of ${STATUSES})`,
    });
  });

  it('an unknown student_no', async () => {
    const dir = copySample();
    const line = appendLine(dir, 'attendance.csv', '2026-11-20,S999,present,6,');
    await expectFailure(dir, {
      file: 'attendance.csv',
      line,
      column: 'student_no',
      reason: 'unknown student_no "S999" (not in students.csv of this export, nor in the database)',
    });
  });

  it('an unknown staff_id as an observation author, a plan owner and a homeroom teacher', async () => {
    const observations = copySample();
    const line = editLine(observations, 'observations.csv', '2026-06-12T10:20,S004,N01', (l) => l.replace(',N01,', ',N99,'));
    await expectFailure(observations, {
      file: 'observations.csv',
      line,
      column: 'author_staff_id',
      reason: 'unknown staff_id "N99" (not in staff.csv of this export, nor in the database)',
    });

    const plans = copySample();
    const planLine = editLine(plans, 'support_plans.csv', 'S008,', (l) => l.replace(',C01,', ',C02,'));
    await expectFailure(plans, {
      file: 'support_plans.csv',
      line: planLine,
      column: 'owner_staff_id',
      reason: 'unknown staff_id "C02" (not in staff.csv of this export, nor in the database)',
    });

    const students = copySample(['students.csv']);
    editLine(students, 'students.csv', 'S012,', (l) => l.replace(',T02,', ',T22,'));
    await expectFailure(students, { file: 'students.csv', line: 13, column: 'homeroom_staff_id', reason: /^unknown staff_id "T22"/ });
  });

  it('an impossible date (2026-02-30)', async () => {
    const dir = copySample();
    const line = editLine(dir, 'attendance.csv', '2026-04-07,S003', (l) => l.replace('2026-04-07', '2026-02-30'));
    await expectFailure(dir, {
      file: 'attendance.csv',
      line,
      column: 'date',
      reason: 'invalid date "2026-02-30" (expected a real date as YYYY-MM-DD)',
      message: `attendance.csv line ${line}, column "date": invalid date "2026-02-30" (expected a real date as YYYY-MM-DD)`,
    });
  });

  it('a date in the wrong format (2026/04/01)', async () => {
    const dir = copySample();
    editLine(dir, 'students.csv', 'S005,', (l) => l.replace('2025-04-07', '2026/04/01'));
    await expectFailure(dir, {
      file: 'students.csv',
      line: 6,
      column: 'enrolled_on',
      reason: 'invalid date "2026/04/01" (expected a real date as YYYY-MM-DD)',
    });
  });

  it('an observation time that is not YYYY-MM-DDTHH:MM', async () => {
    const dir = copySample();
    editLine(dir, 'observations.csv', '2026-05-20T08:55', (l) => l.replace('2026-05-20T08:55', '2026-05-20 8:55'));
    await expectFailure(dir, {
      file: 'observations.csv',
      line: 14,
      column: 'observed_at',
      reason: 'invalid date and time "2026-05-20 8:55" (expected YYYY-MM-DDTHH:MM, local time)',
    });
  });

  it('the same natural key twice in one file names both lines', async () => {
    const dir = copySample();
    const line = appendLine(dir, 'attendance.csv', '2026-04-06,S001,absent,0,');
    await expectFailure(dir, {
      file: 'attendance.csv',
      line,
      reason: 'duplicate row: same date, student_no (2026-04-06, S001) as line 2',
      message: `attendance.csv line ${line}: duplicate row: same date, student_no (2026-04-06, S001) as line 2`,
    });
  });

  it('the same observation in two observation files names both files', async () => {
    const dir = copySample();
    writeLines(dir, 'observations_extra.csv', ['observed_at,student_no,author_staff_id,text', '2026-06-08T08:40,S002,T01,重複した記録', '']);
    await expectFailure(dir, {
      file: 'observations_extra.csv',
      line: 2,
      reason: 'duplicate row: same observed_at, student_no, author_staff_id (2026-06-08T08:40, S002, T01) as observations.csv line 2',
    });
  });

  it('a duplicate staff_id and a chat id that belongs to someone else', async () => {
    const dup = copySample();
    appendLine(dup, 'staff.csv', 'T01,山田,健二,subject_teacher,2-1,,,');
    await expectFailure(dup, { file: 'staff.csv', line: 9, reason: 'duplicate row: same staff_id (T01) as line 2' });

    const slack = copySample(['staff.csv']);
    editLine(slack, 'staff.csv', 'T02,', (l) => l.replace('U0AT02MORI', 'U0AT01YAMADA'));
    await expectFailure(slack, {
      file: 'staff.csv',
      line: 3,
      column: 'slack_user_id',
      reason: 'slack_user_id "U0AT01YAMADA" already belongs to staff T01 on line 2',
    });

    const inDb = copySample([]);
    writeLines(inDb, 'staff.csv', [readLines(SAMPLE_DIR, 'staff.csv')[0]!, 'T09,新井,花子,subject_teacher,2-1,U0AT01YAMADA,,', '']);
    await expectFailure(inDb, {
      file: 'staff.csv',
      line: 2,
      column: 'slack_user_id',
      reason: 'slack_user_id "U0AT01YAMADA" already belongs to staff T01 in the database',
    });
  });

  it('values out of range: periods, Big Five, competency score, environment ratings and Q-U groups, tier', async () => {
    const cases: [string, string, (l: string) => string, string, string][] = [
      ['attendance.csv', '2026-04-06,S001', (l) => l.replace(',present,6,', ',present,7,'), 'periods_attended', 'invalid periods_attended "7" (expected a whole number from 0 to 6)'],
      ['assessments_big5.csv', 'S002,', (l) => l.replace(',4.4', ',5.5'), 'neuroticism', 'invalid neuroticism "5.5" (expected a number from 1.0 to 5.0)'],
      ['competencies.csv', 'S001,2026-06-05,resilience,3,self', (l) => l.replace(',3,self', ',3.5,self'), 'score', 'invalid score "3.5" (expected a whole number from 1 to 5)'],
      ['environment.csv', 'S002,2026-06-10,family_support', (l) => l.replace(',5,', ',6,'), 'value', 'invalid value "6" for family_support (expected a whole number from 1 to 5)'],
      [
        'environment.csv',
        'S002,2026-06-10,qu_group',
        (l) => l.replace('not_recognized', 'happy'),
        'value',
        'unknown qu_group value "happy" (expected one of satisfied, not_recognized, harmed, dissatisfied, needs_support)',
      ],
      ['environment.csv', 'S002,2026-06-10,qu_group', (l) => l.replace('qu_group', 'qu'), 'factor', /^unknown factor "qu" \(expected one of family_support, /.source],
      ['support_plans.csv', 'S003,', (l) => l.replace(',3,', ',4,'), 'tier', 'invalid tier "4" (expected a whole number from 1 to 3)'],
      ['staff.csv', 'N01,', (l) => l.replace('nurse', 'doctor'), 'role', 'unknown role "doctor" (expected one of homeroom_teacher, subject_teacher, counselor, nurse, admin)'],
      ['calendar.csv', '2026-05-22', (l) => l.replace('event', 'party'), 'kind', 'unknown kind "party" (expected one of holiday, break_start, break_end, test, event)'],
      ['observations.csv', '2026-09-28T08:50', (l) => l.replace(/,T01,.*$/, ',T01,'), 'text', 'is empty (a value is required)'],
    ];
    for (const [file, find, edit, column, reason] of cases) {
      const dir = copySample();
      const line = editLine(dir, file, find, edit);
      await expectFailure(dir, { file, line, column, reason: reason.startsWith('^') ? new RegExp(reason) : reason });
    }
  });

  it("a student's grade that contradicts the class id", async () => {
    const dir = copySample();
    editLine(dir, 'students.csv', 'S007,', (l) => l.replace(',2,2-2,', ',3,2-2,'));
    await expectFailure(dir, { file: 'students.csv', line: 8, column: 'grade', reason: 'grade 3 does not match class "2-2" (a Year 2 class)' });
  });

  it('a row with too few fields, and a quoted field that is never closed', async () => {
    const short = copySample();
    const line = editLine(short, 'calendar.csv', '2026-05-22', () => '2026-05-22,event');
    await expectFailure(short, { file: 'calendar.csv', line, reason: 'the row has 2 fields but the header has 3 (a missing or unquoted comma?)' });

    const open = copySample();
    const openLine = editLine(open, 'observations.csv', '2026-10-26T12:10', (l) => l.replace('昼休み', '"昼休み'));
    await expectFailure(open, { file: 'observations.csv', line: openLine, reason: 'a quoted field is never closed (missing ")' });
  });

  it('an empty file (0 bytes)', async () => {
    const dir = copySample();
    writeFileSync(join(dir, 'support_plans.csv'), '');
    await expectFailure(dir, {
      file: 'support_plans.csv',
      reason: 'the file is empty (0 bytes); expected a header row',
      message: 'support_plans.csv: the file is empty (0 bytes); expected a header row',
    });
  });

  it('a PNG image named .csv', async () => {
    const dir = copySample();
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a0f00000000049454e44ae426082', 'hex');
    writeFileSync(join(dir, 'environment.csv'), png);
    await expectFailure(dir, { file: 'environment.csv', reason: 'the file is binary, not CSV text (NUL byte at offset 8); it looks like a PNG image' });
  });

  it('a JSON document named .csv', async () => {
    const dir = copySample();
    writeFileSync(join(dir, 'competencies.csv'), JSON.stringify([{ student_no: 'S001', competency: 'resilience', score: 3 }], null, 2));
    await expectFailure(dir, { file: 'competencies.csv', line: 1, reason: 'the file looks like JSON, not CSV' });
  });

  it('a text file that is not the expected CSV', async () => {
    const dir = copySample();
    writeFileSync(join(dir, 'calendar.csv'), 'This folder holds the 2026 export.\nAsk the office for the password.\n');
    await expectFailure(dir, { file: 'calendar.csv', line: 1, reason: 'this is not the expected CSV: the header row has none of the columns date, kind, label' });
  });

  it('a file that is neither UTF-8 nor Shift_JIS (Latin-1)', async () => {
    const dir = copySample();
    writeFileSync(join(dir, 'calendar.csv'), Buffer.from('date,kind,label\n2026-12-24,event,Café de Noël\n', 'latin1'));
    await expectFailure(dir, { file: 'calendar.csv', reason: 'the file is neither UTF-8 nor Shift_JIS (CP932) text; save it as "CSV UTF-8" from Excel' });
  });

  it('an unknown .csv file in the export, and a directory without any export file', async () => {
    const dir = copySample();
    writeFileSync(join(dir, 'attendence.csv'), readLines(dir, 'attendance.csv').join('\r\n'));
    await expectFailure(dir, { file: 'attendence.csv', reason: /^unknown export file; expected staff\.csv, students\.csv, .*observations\*\.csv/ });

    const empty = copySample([]);
    writeFileSync(join(empty, 'README.txt'), 'not an export');
    await expectFailure(empty, { file: empty, reason: /^no export files found; expected at least one of staff\.csv, / });

    const missing = copySample([]);
    rmSync(missing, { recursive: true });
    await expectFailure(missing, { file: missing, reason: 'the directory does not exist or cannot be read' });
  });

  it('a bad row in the last file leaves the earlier files unwritten', async () => {
    const dir = copySample();
    editLine(dir, 'attendance.csv', '2026-04-06,S001', (l) => l.replace('present', 'absent'));
    appendLine(dir, 'staff.csv', 'T05,新井,花子,subject_teacher,2-1,,,');
    const line = editLine(dir, 'support_plans.csv', 'S008,', (l) => l.replace('2026-10-31', '2026-10-32'));
    await expectFailure(dir, { file: 'support_plans.csv', line, column: 'review_on', reason: 'invalid date "2026-10-32" (expected a real date as YYYY-MM-DD)' });
    expect(await database.db.staff.count()).toBe(7);
  });
});
