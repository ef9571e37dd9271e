// Renders a StudentOverview as the offline engine's answer. Every figure comes from the
// overview, which comes from the database; nothing is invented here.
import { ATTENDANCE_STATUSES, type Language } from '../../domain/school.ts';
import type { StudentOverview } from '../../services/ask-about-student.ts';
import type { Fact, Reply } from '../../chat/types.ts';
import { bullet, percent, studentDisplayName, trendLabel } from './format.ts';
import { STATUS_LABEL } from './labels.ts';


const NOTE_LENGTH = 140;

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > NOTE_LENGTH ? `${oneLine.slice(0, NOTE_LENGTH)}…` : oneLine;
}

export function composeStudentOverview(o: StudentOverview, language: Language): Reply {
  const ja = language === 'ja';
  const b = bullet(language);
  const { attendance, tier, patterns, trend } = o.analysis;
  const lines: string[] = [];
  const facts: Fact[] = [{ kind: 'student', recordId: o.student.id, label: o.student.id }];
  lines.push(
    ja
      ? `${studentDisplayName(o.student, 'ja')}（${o.student.familyNameKana} ${o.student.givenNameKana}）${o.student.classId} — ${o.asOf} 時点`
      : `${studentDisplayName(o.student, 'en')}, class ${o.student.classId} — as of ${o.asOf}`,
  );

  if (o.kinds.attendance) {
    if (attendance.schoolDays > 0) {
      const a = attendance;
      lines.push('', ja ? `■ 今年度の出席（${a.from}〜${a.to}、授業日 ${a.schoolDays}日）` : `Attendance this school year (${a.from} to ${a.to}, ${a.schoolDays} school days)`);
      const counts = ATTENDANCE_STATUSES.filter((s) => s === 'present' || s === 'absent' || a.counts[s] > 0)
        .map((s) => (ja ? `${STATUS_LABEL.ja[s]} ${a.counts[s]}日` : `${STATUS_LABEL.en[s]} ${a.counts[s]}`))
        .join(ja ? '・' : ' · ');
      lines.push(`  ${counts}`);
      const recorded = ATTENDANCE_STATUSES.reduce((n, s) => n + a.counts[s], 0);
      if (recorded < a.schoolDays) lines.push(ja ? `  記録なし ${a.schoolDays - recorded}日` : `  not recorded: ${a.schoolDays - recorded} days`);
      if (a.absenceRate !== null) lines.push(ja ? `  欠席率 ${percent(a.absenceRate)}` : `  absence rate ${percent(a.absenceRate)}`);
      facts.push({ kind: 'attendance', recordId: `${o.student.id}:${a.from}..${a.to}`, label: `${a.from}..${a.to}` });
    } else {
      lines.push('', ja ? '■ 今年度の出席: 記録がまだありません' : 'Attendance this school year: nothing recorded yet');
    }

    lines.push('', ja ? '■ 見立て' : 'What the records show');
    lines.push(`  ${ja ? '段階' : 'Tier'}: Tier ${tier.tier}${tier.reasons[0] ? ` — ${tier.reasons[0][language]}` : ''}`);
    lines.push(`  ${ja ? '傾向' : 'Trend'}: ${trendLabel(trend, language)}`);
    const concerns = patterns.filter((p) => p.code !== 'regular' && p.code !== 'improving' && p.code !== 'worsening');
    if (concerns.length === 0 && attendance.status === 'ok') lines.push(`  ${b}${ja ? '気になる出席のパターンはありません' : 'no attendance pattern of concern'}`);
    for (const p of concerns) lines.push(`  ${b}${p.summary[language]}`);
    if (tier.nextReview) lines.push(ja ? `  次の見直し: ${tier.nextReview}（${tier.reviewEveryDays === 7 ? '毎週' : '2週ごと'}）` : `  next review: ${tier.nextReview} (${tier.reviewEveryDays === 7 ? 'weekly' : 'every other week'})`);
  }

  if (o.kinds.observations) {
    lines.push('', ja ? '■ 最近の記録' : 'Latest observations');
    if (o.observations.length === 0) lines.push(ja ? '  （閲覧できる記録はありません）' : '  (none you can see)');
    for (const obs of o.observations) {
      const urgent = obs.concern === 'urgent' ? (ja ? '【要対応】' : '[URGENT] ') : '';
      const author = obs.author?.familyName ?? (ja ? '（不明）' : '(unknown)');
      lines.push(`  ${b}${obs.date} ${author}: ${urgent}${clip(obs.text)}`);
      facts.push({ kind: 'observation', recordId: obs.id, label: obs.date });
    }
  }

  if (o.kinds.plans) {
    lines.push('', ja ? '■ 進行中の支援計画' : 'Open support plans');
    if (o.plans.length === 0) lines.push(ja ? '  （ありません）' : '  (none)');
    for (const p of o.plans) {
      const owner = p.owner?.familyName ?? (ja ? '（不明）' : '(unknown)');
      const overdue = p.reviewOn < o.asOf ? (ja ? '（見直し期限切れ）' : ' (review overdue)') : '';
      lines.push(
        ja
          ? `  ・[Tier ${p.tier}] ${p.goal} — ${p.strategy}（担当: ${owner}、見直し ${p.reviewOn}${overdue}${p.outcome ? `、経過: ${p.outcome}` : ''}）`
          : `  - [Tier ${p.tier}] ${p.goal} — ${p.strategy} (owner: ${owner}, review ${p.reviewOn}${overdue}${p.outcome ? `, progress: ${p.outcome}` : ''})`,
      );
      facts.push({ kind: 'support_plan', recordId: p.id, label: p.goal });
    }
  }

  return { text: lines.join('\n'), language, sensitivity: 'restricted', facts };
}
