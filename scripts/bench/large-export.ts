// A synthetic export of a big school year: `students` students for `days` school days. Names and
// notes are placeholders; only the volume matters.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, weekday } from '../../src/domain/dates.ts';

const STATUSES = ['present', 'present', 'present', 'present', 'present', 'present', 'absent', 'late', 'nurse_office', 'online'];

export function schoolDays(from: string, count: number): string[] {
  const days: string[] = [];
  for (let d = from; days.length < count; d = addDays(d, 1)) if (weekday(d) !== 0 && weekday(d) !== 6) days.push(d);
  return days;
}

export function writeLargeExport(students: number, days: number): { dir: string; rows: number } {
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-large-'));
  const classes = Math.ceil(students / 35);
  const staff = ['staff_id,family_name,given_name,role,classes,slack_user_id,discord_user_id,email'];
  for (let c = 1; c <= classes; c++) staff.push(`L${c},教員,${c},homeroom_teacher,2-${c},,,`);
  const roster = ['student_no,family_name,given_name,family_name_kana,given_name_kana,grade,class,homeroom_staff_id,enrolled_on'];
  for (let s = 1; s <= students; s++) {
    const c = ((s - 1) % classes) + 1;
    roster.push(`X${String(s).padStart(5, '0')},生徒,${s},せいと,${s},2,2-${c},L${c},2025-04-07`);
  }
  const attendance = ['date,student_no,status,periods_attended,note'];
  for (const date of schoolDays('2026-04-06', days)) {
    for (let s = 1; s <= students; s++) {
      const status = STATUSES[(s * 7 + date.charCodeAt(9)) % STATUSES.length]!;
      attendance.push(`${date},X${String(s).padStart(5, '0')},${status},${status === 'absent' ? 0 : status === 'late' ? 4 : 6},`);
    }
  }
  writeFileSync(join(dir, 'staff.csv'), `${staff.join('\r\n')}\r\n`);
  writeFileSync(join(dir, 'students.csv'), `${roster.join('\r\n')}\r\n`);
  writeFileSync(join(dir, 'attendance.csv'), `${attendance.join('\r\n')}\r\n`);
  return { dir, rows: attendance.length - 1 };
}
