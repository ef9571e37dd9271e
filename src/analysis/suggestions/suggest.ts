// Ranks support strategies for one student. A suggestion must rest on facts (a function
// hypothesis or an attendance pattern, each with record ids): one that cites nothing is never
// made. What was already tried counts: a strategy that worked is continued or stepped up, one
// tried without effect ranks lower and says why (DOMAIN.md: a plan starts from what is known).
import type { EvidenceRef, FunctionCode, FunctionHypothesis, Localized, Pattern, SupportPlanInput, TierAssessment } from '../types.ts';
import { outcomeEffect, type OutcomeEffect } from '../plan-outcome.ts';

/** The parts of a library strategy that ranking reads. */
export interface StrategyFacts {
  id: string;
  name: Localized;
  functions: readonly FunctionCode[];
  patterns: readonly string[];
  tiers: readonly number[];
  owners: readonly string[];
  durationWeeks: number;
  progressMeasure: Localized;
  firstStep: Localized;
  source: string;
}

export type SuggestionAction = 'start' | 'continue' | 'step_up' | 'reconsider';

export interface Suggestion {
  strategyId: string;
  name: Localized;
  action: SuggestionAction;
  score: number;
  /** The facts it rests on, in plain words. */
  why: Localized[];
  firstStep: Localized;
  owners: string[];
  durationWeeks: number;
  progressMeasure: Localized;
  source: string;
  evidence: EvidenceRef[];
  tried?: { planId: string; startedOn: string; status: string; outcome: string; effect: OutcomeEffect };
}

export interface SuggestionInput {
  tier: TierAssessment;
  patterns: readonly Pattern[];
  hypotheses: readonly FunctionHypothesis[];
  plans: readonly SupportPlanInput[];
}

const EVIDENCE_PER_FACT = 3;
/** Patterns that describe the absence of a problem are not reasons to intervene. */
const NOT_A_REASON = new Set(['regular']);

function patternFits(strategy: StrategyFacts, pattern: Pattern): boolean {
  return strategy.patterns.some((p) => pattern.code === p || pattern.code.startsWith(`${p}:`));
}

function uniqueEvidence(refs: EvidenceRef[]): EvidenceRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.kind}:${r.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function triedPlan(strategy: StrategyFacts, plans: readonly SupportPlanInput[], identify: (planText: string) => { id: string } | undefined) {
  // The most recent plan that used this strategy speaks for it.
  return [...plans].reverse().find((p) => identify(p.strategy)?.id === strategy.id);
}

export function suggestSupports(
  input: SuggestionInput,
  library: readonly StrategyFacts[],
  identify: (planText: string) => { id: string } | undefined,
  limit = 5,
): Suggestion[] {
  const tier = input.tier.tier;
  const reasons = input.patterns.filter((p) => !NOT_A_REASON.has(p.code));
  const suggestions: Suggestion[] = [];

  for (const strategy of library) {
    if (!strategy.tiers.includes(tier) && Math.max(...strategy.tiers) > tier) continue; // too intensive for now
    const hypotheses = input.hypotheses.filter((h) => strategy.functions.includes(h.function));
    const patterns = reasons.filter((p) => patternFits(strategy, p));
    if (hypotheses.length === 0 && patterns.length === 0) continue; // rests on nothing: never suggested

    let score = hypotheses.reduce((sum, h) => sum + 2 * h.confidence, 0) + Math.min(2, patterns.length) * 0.6;
    score += strategy.tiers.includes(tier) ? 0.5 : -0.5;
    const why: Localized[] = [
      ...hypotheses.map((h) => ({ ja: `${h.function}の仮説（確からしさ: ${levelJa(h.level)}）: ${h.signals[0]?.ja ?? h.statement.ja}`, en: `${h.function} hypothesis (${h.level}): ${h.signals[0]?.en ?? h.statement.en}` })),
      ...patterns.map((p) => p.summary),
    ];

    let action: SuggestionAction = 'start';
    let tried: Suggestion['tried'];
    const plan = triedPlan(strategy, input.plans, identify);
    if (plan) {
      const effect = outcomeEffect(plan.outcome);
      tried = { planId: plan.id, startedOn: plan.startedOn, status: plan.status, outcome: plan.outcome, effect };
      const note = plan.outcome ? `「${plan.outcome}」` : '';
      if (effect === 'no_effect') {
        action = 'reconsider';
        score *= 0.4;
        why.push({ ja: `${plan.startedOn}から試したが効果が見られていません${note}。別の方法を優先します。`, en: `Tried since ${plan.startedOn} without effect${plan.outcome ? ` ("${plan.outcome}")` : ''}; other approaches come first.` });
      } else if (effect === 'worked' && plan.status === 'active') {
        action = 'continue';
        score += 1;
        why.push({ ja: `${plan.startedOn}からの取り組みで効果が出ています${note}。続けましょう。`, en: `Working since ${plan.startedOn}${plan.outcome ? ` ("${plan.outcome}")` : ''}: keep it going.` });
      } else if (effect === 'worked') {
        action = 'step_up';
        score += 0.5;
        why.push({ ja: `以前（${plan.startedOn}〜）効果がありました${note}。次の段階へ進めます。`, en: `It worked before (from ${plan.startedOn}${plan.outcome ? `, "${plan.outcome}"` : ''}): take the next step.` });
      } else if (plan.status === 'active') {
        action = 'continue';
        score += 0.3;
        why.push({ ja: `${plan.startedOn}から実施中です。見直し日に効果を確かめます。`, en: `In place since ${plan.startedOn}; check its effect at the review.` });
      }
    }

    const evidence = uniqueEvidence([
      ...hypotheses.flatMap((h) => h.evidence.slice(0, EVIDENCE_PER_FACT)),
      ...patterns.flatMap((p) => p.evidence.slice(0, EVIDENCE_PER_FACT)),
      ...(plan ? [{ kind: 'support_plan' as const, id: plan.id, date: plan.startedOn }] : []),
    ]);
    if (evidence.length === 0) continue;

    suggestions.push({
      strategyId: strategy.id,
      name: strategy.name,
      action,
      score: Math.round(score * 100) / 100,
      why,
      firstStep: strategy.firstStep,
      owners: [...strategy.owners],
      durationWeeks: strategy.durationWeeks,
      progressMeasure: strategy.progressMeasure,
      source: strategy.source,
      evidence,
      tried,
    });
  }

  return suggestions.sort((a, b) => b.score - a.score || a.strategyId.localeCompare(b.strategyId)).slice(0, limit);
}

function levelJa(level: FunctionHypothesis['level']): string {
  return level === 'high' ? '高' : level === 'moderate' ? '中' : '低';
}
