import { describe, expect, it } from 'vitest';
import { suggestSupports, type StrategyFacts } from '../../../../src/analysis/suggestions/suggest.ts';
import { outcomeEffect } from '../../../../src/analysis/plan-outcome.ts';
import type { FunctionHypothesis, Pattern, SupportPlanInput, TierAssessment } from '../../../../src/analysis/types.ts';

const L = (s: string) => ({ ja: s, en: s });

function strategy(id: string, over: Partial<StrategyFacts> = {}): StrategyFacts {
  return {
    id,
    name: L(id),
    functions: [],
    patterns: [],
    tiers: [1, 2, 3],
    owners: ['homeroom_teacher'],
    durationWeeks: 4,
    progressMeasure: L('days attended'),
    firstStep: L(`first step of ${id}`),
    source: 'Kearney & Albano 2007',
    ...over,
  };
}

const library = [
  strategy('morning-check-in', { functions: ['F1'], patterns: ['day_of_week_avoidance'], tiers: [2, 3] }),
  strategy('relaxation', { functions: ['F1'] }),
  strategy('test-accommodation', { functions: ['F2'], patterns: ['event_avoidance'] }),
  strategy('contingency-contract', { functions: ['F4'], tiers: [2, 3] }),
  strategy('case-meeting', { patterns: ['futoko_threshold'], tiers: [3] }),
];
const identify = (text: string) => (text.includes('チェックイン') ? { id: 'morning-check-in' } : text.includes('リラックス') ? { id: 'relaxation' } : undefined);

const tier = (t: 1 | 2 | 3): TierAssessment => ({ tier: t, reasons: [], raisedForUrgent: false, reviewEveryDays: t === 1 ? null : t === 2 ? 14 : 7, nextReview: null, evidence: [] });
const f1: FunctionHypothesis = {
  function: 'F1',
  confidence: 0.7,
  level: 'high',
  statement: L('may avoid distress'),
  signals: [{ ja: '日曜の夜の腹痛', en: 'Sunday-night stomach ache' }],
  evidence: [{ kind: 'observation', id: 'obs-1', date: '2026-06-08' }],
};
const monday: Pattern = {
  code: 'day_of_week_avoidance:mon',
  details: {},
  rule: 'binomial',
  summary: { ja: '月曜日の欠席が目立ちます', en: 'Absences concentrate on Mondays' },
  evidence: [{ kind: 'attendance', id: 'S002:2026-06-08', date: '2026-06-08' }],
};
const plan = (strategyText: string, outcome: string, status: SupportPlanInput['status'] = 'active'): SupportPlanInput => ({
  id: 'plan-1',
  startedOn: '2026-07-01',
  tier: 2,
  goal: 'g',
  strategy: strategyText,
  status,
  outcome,
  reviewOn: '2026-09-30',
});

describe('suggestions', () => {
  it('ranks strategies that fit the hypotheses and patterns, each with why, evidence and a first step', () => {
    const s = suggestSupports({ tier: tier(2), patterns: [monday], hypotheses: [f1], plans: [], urgent: [] }, library, identify);
    expect(s.map((x) => x.strategyId)).toEqual(['morning-check-in', 'relaxation']);
    expect(s[0]!.why.map((w) => w.en)).toEqual(['F1 hypothesis (high): Sunday-night stomach ache', 'Absences concentrate on Mondays']);
    expect(s[0]!.evidence.map((e) => e.id)).toEqual(['obs-1', 'S002:2026-06-08']);
    expect(s[0]!.firstStep.en).toBe('first step of morning-check-in');
    expect(s[0]!.action).toBe('start');
  });

  it('never suggests what rests on no fact', () => {
    expect(suggestSupports({ tier: tier(1), patterns: [], hypotheses: [], plans: [], urgent: [] }, library, identify)).toEqual([]);
    const regular = { ...monday, code: 'regular' as const };
    expect(suggestSupports({ tier: tier(1), patterns: [regular], hypotheses: [], plans: [], urgent: [] }, library, identify)).toEqual([]);
  });

  it('leaves out strategies more intensive than the tier', () => {
    const s = suggestSupports({ tier: tier(1), patterns: [monday], hypotheses: [f1], plans: [], urgent: [] }, library, identify);
    expect(s.map((x) => x.strategyId)).toEqual(['relaxation']);
  });

  it('a strategy tried without effect ranks lower and says why', () => {
    const s = suggestSupports({ tier: tier(2), patterns: [monday], hypotheses: [f1], urgent: [], plans: [plan('月曜朝に担任が短いチェックインをする', '変化なし')] }, library, identify);
    expect(s.map((x) => x.strategyId)).toEqual(['relaxation', 'morning-check-in']);
    const checkIn = s[1]!;
    expect(checkIn.action).toBe('reconsider');
    expect(checkIn.tried).toMatchObject({ planId: 'plan-1', effect: 'no_effect' });
    expect(checkIn.why.at(-1)!.ja).toContain('効果が見られていません');
    expect(checkIn.evidence).toContainEqual({ kind: 'support_plan', id: 'plan-1', date: '2026-07-01' });
  });

  it('a strategy that works is continued; one that worked before is stepped up', () => {
    const working = suggestSupports({ tier: tier(2), patterns: [], hypotheses: [f1], urgent: [], plans: [plan('リラックス法', '改善: 登校日が増えた')] }, library, identify);
    expect(working[0]).toMatchObject({ strategyId: 'relaxation', action: 'continue' });
    const before = suggestSupports({ tier: tier(2), patterns: [], hypotheses: [f1], urgent: [], plans: [plan('リラックス法', '改善した', 'completed')] }, library, identify);
    expect(before[0]).toMatchObject({ strategyId: 'relaxation', action: 'step_up' });
  });

  it('an urgent observation puts the safety plan first, whatever the tier', () => {
    const withSafety = [...library, strategy('safety-planning', { tiers: [3], whenUrgent: true })];
    const urgent = [{ kind: 'observation' as const, id: 'obs-9', date: '2026-11-19' }];
    const s = suggestSupports({ tier: tier(1), patterns: [], hypotheses: [], plans: [], urgent }, withSafety, identify);
    expect(s.map((x) => x.strategyId)).toEqual(['safety-planning']);
    expect(s[0]!.evidence).toEqual(urgent);
    expect(suggestSupports({ tier: tier(3), patterns: [], hypotheses: [], plans: [], urgent: [] }, withSafety, identify)).toEqual([]);
  });

  it('is deterministic and limited', () => {
    const input = { tier: tier(3), patterns: [monday], hypotheses: [f1], plans: [], urgent: [] };
    expect(suggestSupports(input, library, identify, 1)).toHaveLength(1);
    expect(suggestSupports(input, library, identify)).toEqual(suggestSupports(input, [...library].reverse(), identify));
  });
});

describe('what a plan outcome says', () => {
  it.each([
    ['変化なし', 'no_effect'],
    ['改善なし', 'no_effect'],
    ['本人との対面は未達', 'no_effect'],
    ['No change so far', 'no_effect'],
    ['改善: 9月から教室で過ごす日が増えた', 'worked'],
    ['安定して別室に登校', 'worked'],
    ['Improved: comes on Tuesdays now', 'worked'],
    ['', 'unknown'],
    ['保護者と面談予定', 'unknown'],
  ] as const)('%s -> %s', (outcome, effect) => {
    expect(outcomeEffect(outcome)).toBe(effect);
  });
});
