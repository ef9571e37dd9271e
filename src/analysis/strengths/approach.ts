// Approach notes from the Big Five, as DOMAIN.md allows: the traits explain only 6-12% of the
// variance in absence, so they are a weak prior about *how to approach* a student, read only at
// clear extremes, and never a label, a prediction or a score. The text names neither the trait nor
// the number; staff get a way of working, students and families never see a trait.
import type { BigFiveInput, Localized, StrengthNote } from '../types.ts';

/** On the 1-5 scale, a full point from the midpoint either way: a clear extreme, not a lean. */
export const HIGH = 4.0;
export const LOW = 2.0;

type Trait = 'neuroticism' | 'extraversion' | 'openness' | 'conscientiousness' | 'agreeableness';

const WEAK_HINT: Localized = { ja: '（性格傾向の調査からの弱い手がかり）', en: ' (a weak hint from a personality survey)' };

const NOTES: Record<Trait, { high: Localized; low: Localized }> = {
  neuroticism: {
    high: { ja: '心配を先回りして受け止める：予定や変更は前もって伝え、見通しを持てるようにする', en: 'anticipates worry: give advance notice of changes and a clear picture of what comes next' },
    low: { ja: 'つらさが表に出にくいことがある：様子を待たずに、こちらから具体的に聞いてみる', en: 'may not show distress outwardly: ask directly rather than waiting for signs' },
  },
  extraversion: {
    high: { ja: '人との関わりが力になりやすい：友達と一緒の活動や役割を入り口にする', en: 'draws energy from people: use roles and activities with friends as a way in' },
    low: { ja: '大人数の場より、一対一や少人数の場で話す機会をつくる', en: 'prefers one-to-one or small-group settings: talk one-to-one before group settings' },
  },
  openness: {
    high: { ja: '興味のあることと結びつけた目標にすると動きやすい', en: 'interest-linked goals: connect each step to what catches their curiosity' },
    low: { ja: '慣れた手順や具体的な見通しを大切にし、新しいことは少しずつ加える', en: 'values the familiar: keep routines concrete and add new things a little at a time' },
  },
  conscientiousness: {
    high: { ja: '自分で計画を立てる役割を任せつつ、頑張りすぎていないか気にかける', en: 'likes a plan: let them help set the steps, and watch for over-striving' },
    low: { ja: '課題を小さなステップに分け、こまめに声をかけて確認する', en: 'break tasks into small steps with frequent check-ins' },
  },
  agreeableness: {
    high: { ja: '周りに合わせて無理をしやすい：「嫌」「つらい」と言ってよいことを伝える', en: 'keen to please: make it safe to say no or to say something is hard' },
    low: { ja: '指示よりも選択肢を示し、本人が選べるようにする', en: 'responds better to choices than to instructions: offer options' },
  },
};

const ORDER: Trait[] = ['neuroticism', 'extraversion', 'openness', 'conscientiousness', 'agreeableness'];

export function approachNotes(assessments: readonly BigFiveInput[]): StrengthNote[] {
  const latest = [...assessments].sort((a, b) => (a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : 0)).at(-1);
  if (!latest) return [];
  const notes: StrengthNote[] = [];
  for (const trait of ORDER) {
    const value = latest[trait];
    if (!Number.isFinite(value)) continue;
    const note = value >= HIGH ? NOTES[trait].high : value <= LOW ? NOTES[trait].low : null;
    if (!note) continue;
    notes.push({
      kind: 'approach',
      text: { ja: `${note.ja}${WEAK_HINT.ja}`, en: `${note.en}${WEAK_HINT.en}` },
      evidence: [{ kind: 'big_five', id: latest.id, date: latest.assessedOn, note: 'personality survey, used only as a weak hint' }],
    });
  }
  return notes;
}
