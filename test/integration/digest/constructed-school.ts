// A small school built for the digest tests, so each section has a student who must (or must not)
// appear: week of Monday 2026-11-16, "now" Friday 2026-11-20 after school.
import type { Db } from '../../../src/store/database.ts';
import { addDays, weekday } from '../../../src/domain/dates.ts';

export const WEEK = '2026-11-16';
export const NOW = new Date('2026-11-20T17:00:00+09:00');

const weekdaysBetween = (from: string, to: string) => {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (weekday(d) >= 1 && weekday(d) <= 5) days.push(d);
  return days;
};

/**
 * 1-1 (homeroom T1): A regular; B absent now and then, then the whole of this week (crosses the
 * 10% line, tier 1 -> 2, a new five-day streak; an active plan due by cadence; no notes: unwatched);
 * D absent a lot in the spring, present since (improving).
 * 1-2 (homeroom T2): C, with an urgent note this week.
 * C1 counselor (confidential note on A this week), N1 nurse, A1 admin.
 */
export async function buildConstructedSchool(db: Db): Promise<void> {
  await db.schoolClass.createMany({ data: [{ id: '1-1', grade: 1 }, { id: '1-2', grade: 1 }] });
  const staff = (id: string, familyName: string, role: string) => ({ id, familyName, givenName: '先生', role });
  await db.staff.createMany({ data: [staff('T1', '山田', 'homeroom_teacher'), staff('T2', '森', 'homeroom_teacher'), staff('C1', '石井', 'counselor'), staff('N1', '青木', 'nurse'), staff('A1', '松本', 'admin')] });
  await db.staffClass.createMany({ data: [{ staffId: 'T1', classId: '1-1', relation: 'homeroom' }, { staffId: 'T2', classId: '1-2', relation: 'homeroom' }] });
  const student = (id: string, familyName: string, givenName: string, kana: [string, string], classId: string, homeroomId: string) => ({
    id, familyName, givenName, familyNameKana: kana[0], givenNameKana: kana[1], grade: 1, classId, homeroomId, enrolledOn: '2026-04-06',
  });
  await db.student.createMany({
    data: [
      student('A', '青山', '葵', ['あおやま', 'あおい'], '1-1', 'T1'),
      student('B', '坂本', '大和', ['さかもと', 'やまと'], '1-1', 'T1'),
      student('D', '土屋', '大地', ['つちや', 'だいち'], '1-1', 'T1'),
      student('C', '千葉', '千夏', ['ちば', 'ちなつ'], '1-2', 'T2'),
    ],
  });

  const days = weekdaysBetween('2026-04-06', '2026-11-20');
  const before = days.filter((d) => d < WEEK);
  const absentB = new Set([...before.filter((_, i) => i % 11 === 5), ...days.filter((d) => d >= WEEK)]);
  const absentD = new Set(before.slice(0, 60).filter((_, i) => i % 2 === 0));
  const status = (id: string, d: string) => (id === 'B' && absentB.has(d)) || (id === 'D' && absentD.has(d)) ? 'absent' : 'present';
  await db.attendance.createMany({
    data: ['A', 'B', 'C', 'D'].flatMap((id) => days.map((date) => ({ studentId: id, date, status: status(id, date), periodsAttended: status(id, date) === 'present' ? 6 : 0 }))),
  });

  const note = (id: string, studentId: string, authorId: string, at: string, text: string, extra: { categories?: string; concern?: string; visibility?: string } = {}) => ({
    id, studentId, authorId, observedAt: new Date(at), text, source: 'chat', categories: extra.categories ?? '', concern: extra.concern ?? 'none', visibility: extra.visibility ?? 'team',
  });
  await db.observation.createMany({
    data: [
      note('obs-c-urgent', 'C', 'T2', '2026-11-18T12:00:00+09:00', 'ノートに「死にたい」と書いていた。本人と話し、SCにつないだ。', { categories: 'emotional,safeguarding', concern: 'urgent' }),
      note('obs-a-health', 'A', 'T1', '2026-11-17T10:00:00+09:00', '2限に頭痛で保健室へ。', { categories: 'health' }),
      note('obs-a-confidential', 'A', 'C1', '2026-11-19T15:00:00+09:00', '面談。家庭のことで悩んでいると話した。', { categories: 'family', visibility: 'confidential' }),
      note('obs-d-old', 'D', 'T1', '2026-06-01T09:00:00+09:00', '久しぶりに登校。', { categories: 'attendance' }),
    ],
  });
  await db.supportPlan.create({ data: { id: 'plan-b', studentId: 'B', startedOn: '2026-10-01', tier: 2, goal: '朝の声かけ', strategy: 'check_in', ownerId: 'T1', reviewOn: '2026-12-01', status: 'active' } });
}
