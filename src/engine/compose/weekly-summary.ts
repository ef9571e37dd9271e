// The asker's week at a glance. A week with no notes says so; it never says "all clear" by default.
import type { Language } from '../../domain/school.ts';
import type { WeeklySummary } from '../../services/weekly-summary.ts';
import type { Reply } from '../../chat/types.ts';
import { attentionReason } from './attention.ts';
import { bullet, studentDisplayName } from './format.ts';
import { CATEGORY_LABEL } from './labels.ts';


export function composeWeeklySummary(s: WeeklySummary, language: Language): Reply {
  const ja = language === 'ja';
  const b = bullet(language);
  const lines = [ja ? `今週のまとめ（${s.weekOf}〜${s.weekEnd}、担当 ${s.inScope}人）` : `Your week (${s.weekOf} to ${s.weekEnd}, ${s.inScope} students)`];

  lines.push('', ja ? `■ 今週の記録 ${s.observationCount}件` : `Observations this week: ${s.observationCount}`);
  if (s.observationCount === 0) lines.push(ja ? '  今週はまだ記録がありません（問題がないという意味ではありません）。' : '  None yet this week (which does not mean all is well).');
  else lines.push(`  ${Object.entries(s.observationsByCategory).map(([c, n]) => `${CATEGORY_LABEL[c as keyof typeof CATEGORY_LABEL][language]} ${n}`).join(ja ? '・' : ' · ')}`);
  if (s.urgentCount > 0) lines.push(ja ? `  ⚠ 要対応の記録 ${s.urgentCount}件` : `  ⚠ urgent notes: ${s.urgentCount}`);

  lines.push('', ja ? '■ 対応が必要な生徒' : 'Students who need attention');
  if (s.attention.length === 0) lines.push(ja ? '  記録からは見つかりませんでした。' : '  None found in the records.');
  for (const item of s.attention.slice(0, 5)) {
    lines.push(`  ${b}${item.urgent ? (ja ? '【要対応】' : '[URGENT] ') : ''}${studentDisplayName(item.student, language)} Tier ${item.tier.tier} — ${attentionReason(item, language)}`);
  }
  if (s.attention.length > 5) lines.push(ja ? `  ほか ${s.attention.length - 5}人` : `  and ${s.attention.length - 5} more`);

  lines.push('', ja ? '■ 見直し時期の支援計画' : 'Support plans due for review');
  if (s.reviewsDue.length === 0) lines.push(ja ? '  ありません。' : '  None.');
  for (const p of s.reviewsDue.slice(0, 8)) lines.push(`  ${b}${p.reviewOn} ${studentDisplayName(p.student, language)} [Tier ${p.tier}] ${p.goal}`);
  return { text: lines.join('\n'), language, sensitivity: 'restricted' };
}
