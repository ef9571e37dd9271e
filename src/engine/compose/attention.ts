// "Who needs attention?": the asker's students, most pressing first, each with its reason.
import type { Language } from '../../domain/school.ts';
import type { AttentionItem } from '../../services/student-analysis.ts';
import type { Reply } from '../../chat/types.ts';
import { percent, studentDisplayName } from './format.ts';

const SHOWN = 15;

export function attentionReason(item: AttentionItem, language: Language): string {
  const ja = language === 'ja';
  const parts: string[] = [];
  if (item.urgent) parts.push(ja ? '緊急の記録があります' : 'an urgent observation');
  const a = item.attendance;
  if (a.absenceRate !== null && a.schoolDays > 0) parts.push(ja ? `欠席 ${a.counts.absent}日（${percent(a.absenceRate)}）` : `absent ${a.counts.absent} days (${percent(a.absenceRate)})`);
  const notable = a.patterns.filter((p) => p.code !== 'regular' && p.code !== 'chronic_absence' && p.code !== 'severe_absence').slice(0, 2);
  for (const p of notable) parts.push(p.summary[language].replace(/[。.]$/, ''));
  return parts.join(ja ? '／' : '; ');
}

export function composeAttention(items: readonly AttentionItem[], inScope: number, language: Language): Reply {
  const ja = language === 'ja';
  if (items.length === 0) {
    return {
      text: ja ? `担当の生徒 ${inScope}人のうち、今すぐ対応が必要な生徒は記録からは見つかりませんでした。` : `None of your ${inScope} students needs attention now, going by the records.`,
      language,
      sensitivity: 'restricted',
    };
  }
  const lines = [ja ? `対応が必要な生徒（担当 ${inScope}人中 ${items.length}人、優先度の高い順）` : `Students who need attention (${items.length} of your ${inScope}, most pressing first)`];
  items.slice(0, SHOWN).forEach((item, i) => {
    const mark = item.urgent ? (ja ? '【要対応】' : '[URGENT] ') : '';
    const cls = ja ? `（${item.student.classId}）` : `, ${item.student.classId}, `;
    lines.push(`${i + 1}. ${mark}${studentDisplayName(item.student, language)}${cls}Tier ${item.tier.tier} — ${attentionReason(item, language)}`);
  });
  if (items.length > SHOWN) lines.push(ja ? `ほか ${items.length - SHOWN}人` : `and ${items.length - SHOWN} more`);
  return {
    text: lines.join('\n'),
    language,
    sensitivity: 'restricted',
    facts: items.slice(0, SHOWN).map((item) => ({ kind: 'student', recordId: item.student.id, label: item.student.id })),
  };
}
