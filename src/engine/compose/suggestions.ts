// "What support for X?": the top suggestions with the facts they rest on, a first step for this
// week and who carries it. Hypotheses are said as hypotheses; the team decides (MEXT guidance:
// humans make the final judgement).
import type { Language } from '../../domain/school.ts';
import type { AnalysisResult } from '../../services/student-analysis.ts';
import type { StudentIdentity } from '../../services/resolve-student.ts';
import type { Fact, Reply } from '../../chat/types.ts';
import { bullet, ownerLabel, studentDisplayName } from './format.ts';

const SHOWN = 3;

/** The first reference, cut to author and year, for a chat line; the JSON keeps the full text. */
function shortSource(source: string, language: Language): string {
  const [first = source, ...rest] = source.split(' / ');
  const year = /^(.+?\(\d{4}[a-z]?\))/.exec(first);
  const short = year ? year[1]! : first;
  return rest.length ? `${short}${language === 'ja' ? ' ほか' : ' and others'}` : short;
}
const ACTION = {
  start: { ja: '新しく始める', en: 'start' },
  continue: { ja: '継続', en: 'continue' },
  step_up: { ja: '次の段階へ', en: 'step up' },
  reconsider: { ja: '見直し', en: 'reconsider' },
} as const;

export function composeSuggestions(student: StudentIdentity, analysis: AnalysisResult, language: Language): Reply {
  const ja = language === 'ja';
  const b = bullet(language);
  const name = studentDisplayName(student, language);
  const lines: string[] = [
    ja ? `${name}さんへの支援の提案（${analysis.asOf} 時点、Tier ${analysis.tier.tier}）` : `Support ideas for ${name} (as of ${analysis.asOf}, tier ${analysis.tier.tier})`,
  ];
  const facts: Fact[] = [{ kind: 'student', recordId: student.id, label: student.id }];

  if (analysis.hypotheses.length > 0) {
    lines.push('', ja ? '■ 見立て（仮説）' : 'Working hypotheses');
    for (const h of analysis.hypotheses.slice(0, 2)) lines.push(`  ${b}${h.statement[language]}`);
  }

  // DOMAIN.md: a support plan starts from strengths.
  if (analysis.strengths.length > 0) {
    lines.push('', ja ? '■ 強みと関わり方のヒント' : 'Strengths and how to approach');
    for (const note of analysis.strengths.slice(0, 4)) lines.push(`  ${b}${note.text[language]}`);
  }

  const shown = analysis.suggestions.filter((s) => s.action !== 'reconsider').slice(0, SHOWN);
  if (shown.length === 0) {
    lines.push(
      '',
      ja
        ? '記録からは、特別な支援を提案する根拠が見つかりませんでした。学級全体への普段の関わり（Tier 1）を続けてください。気になることがあれば記録を残してください。'
        : 'The records give no reason to suggest a specific support. Keep up the everyday, whole-class support (tier 1), and log anything you notice.',
    );
  }
  shown.forEach((s, i) => {
    lines.push('', ja ? `${i + 1}. ${s.name.ja}（${ACTION[s.action].ja}）` : `${i + 1}. ${s.name.en} (${ACTION[s.action].en})`);
    lines.push(`   ${ja ? '根拠' : 'Why'}: ${s.why.slice(0, 3).map((w) => w[language]).join(ja ? '／' : '; ')}`);
    lines.push(`   ${ja ? '今週の一歩' : 'First step this week'}: ${s.firstStep[language]}`);
    lines.push(
      ja
        ? `   担当: ${s.owners.map((o) => ownerLabel(o, 'ja')).join('・')}／期間の目安: ${s.durationWeeks}週間／効果の見方: ${s.progressMeasure.ja}`
        : `   Who: ${s.owners.map((o) => ownerLabel(o, 'en')).join(', ')}; for about ${s.durationWeeks} weeks; progress: ${s.progressMeasure.en}`,
    );
    lines.push(`   ${ja ? '出典' : 'Source'}: ${shortSource(s.source, language)}`);
    for (const e of s.evidence) facts.push({ kind: e.kind, recordId: e.id, label: e.date });
  });

  const setAside = analysis.suggestions.filter((s) => s.action === 'reconsider' && !shown.includes(s));
  if (setAside.length > 0) {
    lines.push('', ja ? '■ 試したが効果が見られていない支援（優先度を下げています）' : 'Tried without effect so far (ranked lower)');
    for (const s of setAside) lines.push(`  ${b}${s.name[language]}: ${s.why.at(-1)?.[language] ?? ''}`);
  }

  if (analysis.tier.nextReview) lines.push('', ja ? `次の見直し: ${analysis.tier.nextReview}` : `Next review: ${analysis.tier.nextReview}`);
  lines.push(
    ja
      ? `${b}仮説は記録からの推測で、診断ではありません。最終的な判断はチームで行ってください。`
      : `${b}Hypotheses are inferences from the records, not diagnoses. The team makes the final judgement.`,
  );
  return { text: lines.join('\n'), language, sensitivity: 'restricted', facts };
}
