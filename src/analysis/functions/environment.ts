// Survey results as context for a function (DOMAIN.md, Environment and Q-U). Surveys describe the
// setting, not what keeps the absence going, so they add a little and never stand alone above
// 'low' (hypothesise.ts). Only each factor's latest assessment counts: it describes now.
import type { EnvironmentInput, FunctionCode, Localized } from '../types.ts';
import type { Finding } from './signals.ts';

/** The most recent row per factor. */
export function latestEnvironment(rows: readonly EnvironmentInput[]): Map<string, EnvironmentInput> {
  const latest = new Map<string, EnvironmentInput>();
  for (const row of rows) {
    const seen = latest.get(row.factor);
    if (!seen || row.assessedOn >= seen.assessedOn) latest.set(row.factor, row);
  }
  return latest;
}

/** 1-5 survey scale: 1 or 2 is low. */
const LOW = 2;

function score(row: EnvironmentInput | undefined): number | null {
  if (!row) return null;
  const n = Number(row.value);
  return Number.isFinite(n) ? n : null;
}

export function sleepIsIrregular(rows: readonly EnvironmentInput[]): boolean {
  const s = score(latestEnvironment(rows).get('sleep_regularity'));
  return s !== null && s <= LOW;
}

// Q-U (河村茂雄): 侵害行為認知群 feel picked on, 要支援群 is the urgent end of 不満足群 (low approval
// and high harm), 非承認群 feel unrecognised but not harmed. All point to the class as a social
// setting (F2), by how much harm they report.
const QU_F2: Record<string, { points: number; label: Localized }> = {
  harmed: { points: 1.0, label: { ja: 'Q-Uで侵害行為認知群（からかいや嫌な思いを感じている）', en: 'Q-U: feels picked on in class (harmed group)' } },
  needs_support: { points: 1.0, label: { ja: 'Q-Uで要支援群', en: 'Q-U: needs-support group' } },
  dissatisfied: { points: 0.7, label: { ja: 'Q-Uで学級生活不満足群', en: 'Q-U: dissatisfied with class life' } },
  not_recognized: { points: 0.4, label: { ja: 'Q-Uで非承認群（認められている実感が乏しい）', en: 'Q-U: does not feel recognised in class' } },
};

/**
 * @param f3HasOtherEvidence low family support is read for F3 only when notes or patterns already
 *   point there: on its own it says the family has little room, not that the child seeks a parent.
 */
export function environmentFindings(rows: readonly EnvironmentInput[], f3HasOtherEvidence: boolean): Finding[] {
  const findings: Finding[] = [];
  const latest = latestEnvironment(rows);
  const add = (row: EnvironmentInput, fn: FunctionCode, points: number, label: Localized) =>
    findings.push({
      fn,
      points,
      source: 'environment',
      signals: [{ key: `env:${row.factor}:${fn}`, label }],
      evidence: [{ kind: 'environment', id: row.id, date: row.assessedOn, note: label.en }],
      record: `environment:${row.id}`,
    });

  const peers = latest.get('peer_relations');
  const peerScore = score(peers);
  if (peers && peerScore !== null && peerScore <= LOW) {
    add(peers, 'F2', peerScore <= 1 ? 1.0 : 0.8, { ja: '友人関係の評価が低い', en: 'peer relations rated low' });
  }
  const safety = latest.get('psychological_safety');
  const safetyScore = score(safety);
  if (safety && safetyScore !== null && safetyScore <= LOW) {
    add(safety, 'F2', 0.4, { ja: 'クラスでの安心感の評価が低い', en: 'feeling safe in class rated low' });
  }
  const qu = latest.get('qu_group');
  const quSignal = qu ? QU_F2[qu.value] : undefined;
  if (qu && quSignal) add(qu, 'F2', quSignal.points, quSignal.label);

  const sleep = latest.get('sleep_regularity');
  const sleepScore = score(sleep);
  if (sleep && sleepScore !== null && sleepScore <= LOW) {
    add(sleep, 'F4', sleepScore <= 1 ? 1.0 : 0.7, { ja: '睡眠リズムが不規則', en: 'irregular sleep' });
    add(sleep, 'F1', 0.3, { ja: '睡眠リズムが不規則（心身の不調につながりうる）', en: 'irregular sleep (can feed distress)' });
  }
  const family = latest.get('family_support');
  const familyScore = score(family);
  if (f3HasOtherEvidence && family && familyScore !== null && familyScore <= LOW) {
    add(family, 'F3', 0.3, { ja: '家庭の支えの評価が低め（保護者に余裕が少ない可能性）', en: 'family support rated low (parents may have little room)' });
  }
  return findings;
}
