// What a support plan's outcome note says about whether it helped. Staff write outcomes in plain
// words (「改善: 教室で過ごす日が増えた」, 「変化なし」, "no change"), so this reads the words.
import { normaliseForMatching } from './safeguarding.ts';

export type OutcomeEffect = 'worked' | 'no_effect' | 'unknown';

const NO_EFFECT = /変化(?:なし|が?ない|が見られない)|改善(?:なし|が?ない|が?見られない|せず)|効果(?:なし|が?ない|が?見られない)|変わらない|横ばい|未達|悪化|続かない|no (?:change|improvement|effect|progress)|not improv|unchanged|did(?: not|n't) (?:help|improve|work)|worse|not achieved/;
const WORKED = /改善|増えた|増加|安定|できた|できるようになった|前進|良くなった|効果あり|改善傾向|improv|better|more days|stable|worked|progress|succeed/;

export function outcomeEffect(outcome: string): OutcomeEffect {
  const text = normaliseForMatching(outcome);
  if (!text.trim()) return 'unknown';
  // "No change" wins over a hopeful word in the same note (「改善なし」 contains 改善).
  if (NO_EFFECT.test(text)) return 'no_effect';
  if (WORKED.test(text)) return 'worked';
  return 'unknown';
}
