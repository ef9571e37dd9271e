// "彼女の先月の欠席は？": attendance in a named period, with the dates of each absence.
import { ATTENDANCE_STATUSES, type AttendanceStatus, type Language } from '../../domain/school.ts';
import type { StudentAnalysis } from '../../services/student-analysis.ts';
import type { StudentIdentity } from '../../services/resolve-student.ts';
import type { Reply } from '../../chat/types.ts';
import type { Period } from '../intent.ts';
import { percent, studentDisplayName } from './format.ts';
import { STATUS_LABEL } from './labels.ts';


export function composePeriodAttendance(student: StudentIdentity, { records, kinds }: StudentAnalysis, period: Period, language: Language): Reply {
  const ja = language === 'ja';
  const name = studentDisplayName(student, language);
  const header = ja ? `${name}さんの出席（${period.from}〜${period.to}）` : `Attendance of ${name} (${period.from} to ${period.to})`;
  if (!kinds.attendance) return { text: ja ? 'この生徒の出席記録は閲覧できません。' : "You cannot see this student's attendance.", language, sensitivity: 'restricted' };
  const days = records.attendance.filter((d) => d.date >= period.from && d.date <= period.to);
  if (days.length === 0) return { text: `${header}\n${ja ? '  この期間の出席記録はありません。' : '  No attendance recorded in this period.'}`, language, sensitivity: 'restricted' };
  const counts = Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, 0])) as Record<AttendanceStatus, number>;
  for (const d of days) counts[d.status] += 1;
  const lines = [header, ja ? `  記録のある授業日 ${days.length}日` : `  ${days.length} school days recorded`];
  lines.push(
    `  ${ATTENDANCE_STATUSES.filter((s) => s === 'absent' || counts[s] > 0)
      .map((s) => (ja ? `${STATUS_LABEL.ja[s]} ${counts[s]}日` : `${STATUS_LABEL.en[s]} ${counts[s]}`))
      .join(ja ? '・' : ' · ')}`,
  );
  lines.push(ja ? `  欠席率 ${percent(counts.absent / days.length)}` : `  absence rate ${percent(counts.absent / days.length)}`);
  const absent = days.filter((d) => d.status === 'absent').map((d) => d.date.slice(5));
  if (absent.length) lines.push(ja ? `  欠席日: ${absent.join('、')}` : `  absent on: ${absent.join(', ')}`);
  return {
    text: lines.join('\n'),
    language,
    sensitivity: 'restricted',
    facts: days.filter((d) => d.status === 'absent').map((d) => ({ kind: 'attendance', recordId: `${student.id}:${d.date}`, label: d.date })),
  };
}
