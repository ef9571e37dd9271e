// Competencies as strengths to build on (DOMAIN.md: "a support plan starts from strengths"). A
// strength needs agreement: the teacher's rating, or two raters (self, peer) both high. A single
// self-rating is not enough, and one adult's view outweighs one peer's. Each rater's latest
// rating counts. The text names the competency in plain words and never shows the score.
import type { CompetencyInput, Localized, StrengthNote } from '../types.ts';

/** 4 or 5 on the 1-5 scale is "high". */
export const HIGH_SCORE = 4;
/** The student rates it 2 or lower while others rate it high: worth telling them. */
const LOW_SELF = 2;

const NAMES: Record<string, Localized> = {
  resilience: { ja: 'うまくいかなくても立ち直る力', en: 'bouncing back when things go wrong' },
  collaboration: { ja: '仲間と協力する力', en: 'working together with others' },
  self_efficacy: { ja: '「やればできる」という自信', en: 'believing they can do it' },
  curiosity: { ja: '知りたい・やってみたいという好奇心', en: 'curiosity' },
  emotional_regulation: { ja: '気持ちを落ち着かせる力', en: 'calming their own feelings' },
  communication: { ja: '自分の考えを伝える力', en: 'putting their thoughts into words' },
};

const RATERS: Record<CompetencyInput['rater'], Localized> = {
  self: { ja: '本人', en: 'the student' },
  peer: { ja: '友達', en: 'peers' },
  teacher: { ja: '先生', en: 'the teacher' },
};
const RATER_ORDER: CompetencyInput['rater'][] = ['self', 'peer', 'teacher'];

export function competencyName(code: string): Localized {
  return NAMES[code] ?? { ja: code.replace(/_/g, ' '), en: code.replace(/_/g, ' ') };
}

function joinRaters(raters: CompetencyInput['rater'][]): Localized {
  const names = RATER_ORDER.filter((r) => raters.includes(r)).map((r) => RATERS[r]);
  return { ja: names.map((n) => n.ja).join('・'), en: names.map((n) => n.en).join(' and ') };
}

interface Ranked {
  note: StrengthNote;
  rank: number;
}

export function competencyStrengths(ratings: readonly CompetencyInput[]): StrengthNote[] {
  // Each rater's latest rating per competency.
  const latest = new Map<string, Map<CompetencyInput['rater'], CompetencyInput>>();
  for (const r of ratings) {
    const byRater = latest.get(r.competency) ?? new Map<CompetencyInput['rater'], CompetencyInput>();
    const seen = byRater.get(r.rater);
    if (!seen || r.assessedOn >= seen.assessedOn) byRater.set(r.rater, r);
    latest.set(r.competency, byRater);
  }

  const ranked: Ranked[] = [];
  for (const [competency, byRater] of latest) {
    const rows = [...byRater.values()];
    const high = rows.filter((r) => r.score >= HIGH_SCORE);
    const highRaters = high.map((r) => r.rater);
    const name = competencyName(competency);
    const evidence = rows
      .sort((a, b) => RATER_ORDER.indexOf(a.rater) - RATER_ORDER.indexOf(b.rater))
      .map((r) => ({ kind: 'competency' as const, id: r.id, date: r.assessedOn, note: `${r.rater} rating` }));
    const self = byRater.get('self');

    if (highRaters.includes('teacher') || high.length >= 2) {
      const who = joinRaters(highRaters);
      const together = high.length >= 2 ? 'の評価がそろって高い' : 'の評価が高い';
      ranked.push({
        rank: (highRaters.includes('teacher') ? 10 : 0) + high.length * 2 + high.reduce((s, r) => s + r.score, 0) / high.length,
        note: {
          kind: 'strength',
          text: { ja: `強み：${name.ja}（${who.ja}${together}）`, en: `Strength: ${name.en} (rated high by ${who.en})` },
          evidence,
        },
      });
    } else if (high.length >= 1 && !highRaters.includes('self') && self && self.score <= LOW_SELF) {
      const who = joinRaters(highRaters);
      ranked.push({
        rank: 1,
        note: {
          kind: 'strength',
          text: {
            ja: `周りが認めている力：${name.ja}（${who.ja}は高く評価、本人は自信が持てていない。伝えて自信につなげる）`,
            en: `A strength others see: ${name.en} (${who.en} rate it high, the student does not yet; tell them)`,
          },
          evidence,
        },
      });
    }
  }
  return ranked.sort((a, b) => b.rank - a.rank || a.note.text.en.localeCompare(b.note.text.en)).map((r) => r.note);
}
