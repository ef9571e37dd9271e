// The weekly digest in words, with the attendance chart attached. Urgent and safeguarding notes
// come first and in full; every section is shown even when empty, so the reader knows it was
// checked; a week without records says so and never reads as "all clear".
import type { Attachment, Fact, Reply } from '../../chat/types.ts';
import type { Evidence } from '../llm/types.ts';
import type { Language } from '../../domain/school.ts';
import { romanise } from '../../domain/names.ts';
import type { ThresholdCode, WeeklyDigest } from '../../services/digest/index.ts';
import type { StudentIdentity } from '../../services/resolve-student.ts';
import { renderAttendanceChart } from './attendance-chart.ts';
import { bullet, percent, studentDisplayName } from './format.ts';
import { CATEGORY_LABEL } from './labels.ts';

const THRESHOLD: Record<ThresholdCode, Record<Language, string>> = {
  chronic_absence: { ja: '欠席が授業日の10%以上（慢性的欠席）', en: 'absent 10%+ of school days (chronic absence)' },
  severe_absence: { ja: '欠席が授業日の20%以上', en: 'absent 20%+ of school days' },
  futoko_threshold: { ja: '年間30日の欠席（不登校の目安）', en: '30 days absent this year (the futoko threshold)' },
  futoko_projection: { ja: 'このままでは年度内に30日を超える見込み', en: 'on course to pass 30 days absent this year' },
};

/** What to type to ask the bot about this student: the digest's link into the conversation. */
function askLine(s: StudentIdentity, language: Language): string {
  return language === 'ja' ? `→ 「${s.familyName}${s.givenName}さんの様子は？」` : `→ "How is ${romanise(s.givenNameKana)} ${romanise(s.familyNameKana)}?"`;
}

function who(s: StudentIdentity, language: Language): string {
  return `${studentDisplayName(s, language)}${language === 'ja' ? `（${s.classId}）` : `, ${s.classId}`}`;
}

function summary(d: WeeklyDigest, ja: boolean): string {
  if (d.attendanceDaysRecorded === 0) {
    return ja
      ? `担当 ${d.inScope}人。この週の出欠の記録はまだありません。記録がないことは、問題がないという意味ではありません。`
      : `${d.inScope} students. No attendance has been recorded for this week yet, which does not mean all is well.`;
  }
  const t = d.tierCounts;
  return ja
    ? `担当 ${d.inScope}人（Tier 3 ${t[3]}人、Tier 2 ${t[2]}人）。今週、状況が重くなった生徒 ${d.escalations.length}人、新たな連続欠席 ${d.newStreaks.length}人、よくなった生徒 ${d.improvements.length}人、要対応の記録 ${d.urgentNotes.length}件、見直し時期の支援計画 ${d.reviewsDue.length}件。`
    : `${d.inScope} students (tier 3: ${t[3]}, tier 2: ${t[2]}). This week: ${d.escalations.length} more serious, ${d.newStreaks.length} new absence streaks, ${d.improvements.length} improving, ${d.urgentNotes.length} urgent notes, ${d.reviewsDue.length} support plans due for review.`;
}

function section<T>(lines: string[], title: string, items: readonly T[], none: string, line: (item: T) => string[]): void {
  lines.push('', `■ ${title}${items.length ? `（${items.length}）` : ''}`);
  if (!items.length) lines.push(`  ${none}`);
  for (const item of items) lines.push(...line(item).map((l) => `  ${l}`));
}

function chartAttachment(d: WeeklyDigest, language: Language): Attachment | undefined {
  if (!d.chart) return undefined;
  const { chart } = d;
  const title = `${chart.classId ?? 'students'}  ${chart.days[0]} - ${chart.days.at(-1)}`;
  const data = renderAttendanceChart({ title, days: chart.days, rows: chart.rows.map((r) => ({ label: r.student.id, statuses: r.statuses })) });
  const altText = language === 'ja'
    ? `${chart.classId ? `${chart.classId}の` : ''}${chart.days[0]}〜${chart.days.at(-1)}の出欠（${chart.rows.length}人 × ${chart.days.length}日、色は出欠の種類）`
    : `Attendance ${chart.days[0]} to ${chart.days.at(-1)}${chart.classId ? ` for ${chart.classId}` : ''} (${chart.rows.length} students by ${chart.days.length} days, coloured by status)`;
  return { filename: `attendance-${d.weekOf}.png`, contentType: 'image/png', data, altText };
}

/** The summary paragraph from the template: the default, and what the LLM engine rephrases. */
export function digestSummary(d: WeeklyDigest, language: Language): string {
  return summary(d, language === 'ja');
}

/**
 * The digest's items as statements a model may rephrase into the summary paragraph (each one
 * cited), when the school runs the LLM engine. Names are replaced before anything is sent.
 */
export function digestEvidence(d: WeeklyDigest, language: Language): Evidence[] {
  const ja = language === 'ja';
  const student = (s: StudentIdentity, text: string, kind: Fact['kind'] = 'student', recordId = s.id): Evidence => ({
    fact: { kind, recordId, label: `${s.familyName} ${s.givenName}` },
    text: `${s.familyName} ${s.givenName}: ${text}`,
  });
  return [
    ...d.urgentNotes.map((n) => student(n.student, ja ? `要対応の記録（${n.date}）` : `urgent note (${n.date})`, 'observation', n.observationId)),
    ...d.escalations.map((e) => student(e.student, `${ja ? '状況が重くなった' : 'more serious'}: Tier ${e.tierBefore}→${e.tierNow}${e.crossed.length ? `, ${e.crossed.map((c) => THRESHOLD[c][language]).join(', ')}` : ''}`)),
    ...d.newStreaks.map((s) => student(s.student, ja ? `${s.since}から${s.days}日連続で欠席` : `absent ${s.days} days in a row since ${s.since}`)),
    ...d.improvements.map((i) => student(i.student, ja ? '出席が上向いている' : 'attendance improving')),
    ...d.reviewsDue.map((r) => student(r.student, ja ? `支援計画の見直し時期 ${r.dueOn}` : `support plan due for review ${r.dueOn}`, 'support_plan', r.planId)),
    ...d.unwatched.map((u) => student(u.student, ja ? `Tier ${u.tier}、3週間以上記録なし` : `tier ${u.tier}, no note for 3+ weeks`)),
  ];
}

/** `summaryText` replaces the template paragraph (the LLM engine's phrasing, with its citations). */
export function composeWeeklyDigest(d: WeeklyDigest, language: Language, summaryText?: string): Reply {
  const ja = language === 'ja';
  const b = bullet(language);
  const lines = [ja ? `週のまとめ（${d.weekOf}〜${d.weekEnd}）` : `Your week (${d.weekOf} to ${d.weekEnd})`, summaryText ?? summary(d, ja)];

  section(lines, ja ? '要対応・安全に関わる記録' : 'Urgent and safeguarding notes', d.urgentNotes, ja ? 'ありません。' : 'None.', (n) => [
    `${b}${n.date} ${who(n.student, language)}${n.authorName ? (ja ? ` 記録: ${n.authorName}` : `, noted by ${n.authorName}`) : ''}`,
    `  ${ja ? '「' : '"'}${n.text}${ja ? '」' : '"'}`,
    `  ${askLine(n.student, language)}`,
  ]);
  section(lines, ja ? '状況が重くなった生徒' : 'More serious this week', d.escalations, ja ? 'ありません。' : 'None.', (e) => {
    const why = [
      ...(e.tierNow > e.tierBefore ? [`Tier ${e.tierBefore}→${e.tierNow}`] : []),
      ...(e.raisedForUrgent ? [ja ? '要対応の記録による見直し' : 'raised for review by an urgent note'] : []),
      ...e.crossed.map((c) => THRESHOLD[c][language]),
      ...(e.absenceRate !== null ? [ja ? `欠席率 ${percent(e.absenceRate)}` : `absence ${percent(e.absenceRate)}`] : []),
    ];
    return [`${b}${who(e.student, language)}: ${why.join(ja ? '、' : '; ')}  ${askLine(e.student, language)}`];
  });
  section(lines, ja ? '新たに続いている欠席' : 'New absence streaks', d.newStreaks, ja ? 'ありません。' : 'None.', (s) => [
    `${b}${who(s.student, language)}: ${ja ? `${s.since}から${s.days}日連続で欠席` : `absent ${s.days} school days in a row since ${s.since}`}  ${askLine(s.student, language)}`,
  ]);
  section(lines, ja ? 'よくなっている生徒' : 'Going well', d.improvements, ja ? '今週はありません。' : 'None this week.', (i) => [
    `${b}${who(i.student, language)}: ${i.tierNow < i.tierBefore ? `Tier ${i.tierBefore}→${i.tierNow}` : ja ? '出席が上向いています' : 'attendance is improving'}  ${askLine(i.student, language)}`,
  ]);
  section(lines, ja ? '見直し時期の支援計画' : 'Support plans due for review', d.reviewsDue, ja ? 'ありません。' : 'None.', (r) => [
    `${b}${r.dueOn}${r.dueOn < d.weekOf ? (ja ? '（期限超過）' : ' (overdue)') : ''} ${who(r.student, language)} [Tier ${r.tier}] ${r.goal}`,
  ]);
  lines.push('', ja ? `■ 今週の記録 ${d.observationCount}件` : `■ Observations this week: ${d.observationCount}`);
  lines.push(
    d.observationCount
      ? `  ${Object.entries(d.observationsByCategory).map(([c, n]) => `${CATEGORY_LABEL[c as keyof typeof CATEGORY_LABEL][language]} ${n}`).join(ja ? '・' : ' · ')}`
      : ja ? '  今週の記録はありません（問題がないという意味ではありません）。' : '  None this week (which does not mean all is well).',
  );
  section(lines, ja ? '3週間以上記録のない Tier 2・3 の生徒' : 'Tier 2-3 students with no note for 3+ weeks', d.unwatched, ja ? 'いません。' : 'None.', (u) => [
    `${b}${who(u.student, language)} Tier ${u.tier}: ${u.lastNoteOn ? (ja ? `最後の記録 ${u.lastNoteOn}` : `last note ${u.lastNoteOn}`) : ja ? '記録なし' : 'no notes'}  ${askLine(u.student, language)}`,
  ]);

  const chart = chartAttachment(d, language);
  if (chart && d.chart) {
    const key = d.chart.rows.map((r) => `${r.student.id} ${r.student.familyName}${r.student.givenName}`).join(ja ? '、' : ', ');
    lines.push('', ja ? `■ 出欠の図（添付。行は学籍番号: ${key}）` : `■ Attendance chart (attached; rows are student numbers: ${key})`);
  }
  const students = new Map<string, StudentIdentity>();
  for (const s of [...d.urgentNotes, ...d.escalations, ...d.newStreaks, ...d.improvements, ...d.reviewsDue, ...d.unwatched].map((x) => x.student)) students.set(s.id, s);
  return {
    text: lines.join('\n'),
    language,
    sensitivity: 'restricted',
    facts: [...students.values()].map((s) => ({ kind: 'student' as const, recordId: s.id, label: s.id })),
    ...(chart ? { attachments: [chart] } : {}),
  };
}
