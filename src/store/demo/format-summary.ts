// The demo build's summary as plain text for the terminal: what was written, and whom to ask
// about first, so a newcomer knows where to start.
import type { DemoSummary } from './build-demo-school.ts';

const PATTERN_LABELS: Record<string, string> = {
  monday_avoidance: '月曜日の欠席 / Monday absences (F1)',
  test_avoidance: 'テスト・行事の日の欠席 / test and event days (F2)',
  nurse_office: '保健室登校 / nurse\'s office',
  separate_room: '別室登校 / separate room',
  night_lateness: '遅刻（夜のスマホ） / lateness, night phone use (F4)',
  early_leave: '早退（保護者迎え） / early leaving, parent pick-up (F3)',
  futoko: '長期欠席 / long non-attendance (futoko level)',
  improving: '回復中（家庭→オンライン→別室→教室） / improving along the ladder',
  worsening: 'ここ数週間で悪化 / worsening in recent weeks',
  online: 'オンライン参加 / online participation',
  regular: '出席は安定 / regular attendance',
};

export function formatDemoSummary(summary: DemoSummary, elapsedMs: number): string {
  const c = summary.counts;
  const rows: [string, number][] = [
    ['classes', c.classes],
    ['staff', c.staff],
    ['staff_classes', c.staffClasses],
    ['students', c.students],
    ['calendar', c.calendarEntries],
    ['attendance', c.attendance],
    ['big_five', c.bigFive],
    ['competencies', c.competencies],
    ['environment', c.environment],
    ['observations', c.observations],
    ['support_plans', c.supportPlans],
    ['support_actions', c.supportActions],
  ];
  const days = summary.schoolDays ? `${summary.schoolDays} school days ${summary.firstSchoolDay}..${summary.lastSchoolDay}` : 'no school days yet';
  const lines = [
    `Demo school built in ${(elapsedMs / 1000).toFixed(1)} s (seed ${summary.seed}, school year ${summary.schoolYear}, ${days})`,
    ...rows.map(([name, n]) => `  ${name.padEnd(16)}${String(n).padStart(9)}`),
    '',
    `Default staff member: ${summary.defaultStaffId}, homeroom teacher of ${summary.defaultClassId} (npm start -- --as ${summary.defaultStaffId})`,
  ];
  if (summary.highlights.length) {
    lines.push(`Students in ${summary.defaultClassId} worth asking about:`);
    for (const h of summary.highlights) {
      const label = h.safeguarding ? '要配慮の記録あり / urgent safeguarding note' : PATTERN_LABELS[h.profile] ?? h.profile;
      lines.push(`  ${h.studentId} ${h.name}（${h.kana}）  ${label}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
