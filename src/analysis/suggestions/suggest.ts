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
  /** Suggested first, whatever the tier, while an urgent observation is recent. */
  whenUrgent?: boolean;
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
  /** Urgent (safeguarding) observations of the last weeks: safety comes before everything. */
  urgent: readonly EvidenceRef[];
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
  /** How many new or continuing strategies; strategies tried without effect come on top of these. */
  limit = 5,
): Suggestion[] {
  const tier = input.tier.tier;
  const reasons = input.patterns.filter((p) => !NOT_A_REASON.has(p.code));
  const suggestions: Suggestion[] = [];

  for (const strategy of library) {
    if (strategy.whenUrgent) {
      if (input.urgent.length > 0) suggestions.push(safetyFirst(strategy, input.urgent));
      continue;
    }
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

  suggestions.sort((a, b) => b.score - a.score || a.strategyId.localeCompare(b.strategyId));
  // What was tried without effect is always reported (after the rest), so the team sees why it
  // is not first: it never silently disappears from the list.
  const top = suggestions.filter((s) => s.action !== 'reconsider').slice(0, limit);
  return [...top, ...suggestions.filter((s) => s.action === 'reconsider')];
}

/** DOMAIN.md: safeguarding comes first, whatever else the records say. */
function safetyFirst(strategy: StrategyFacts, urgent: readonly EvidenceRef[]): Suggestion {
  const latest = urgent.at(-1)!;
  return {
    strategyId: strategy.id,
    name: strategy.name,
    action: 'start',
    score: Number.MAX_SAFE_INTEGER,
    why: [{ ja: `${latest.date}の記録に安全に関わる言葉があります。何よりも先に安全を確認します。`, en: `The note of ${latest.date} contains words about safety; the student's safety comes before anything else.` }],
    firstStep: strategy.firstStep,
    owners: [...strategy.owners],
    durationWeeks: strategy.durationWeeks,
    progressMeasure: strategy.progressMeasure,
    source: strategy.source,
    evidence: [...urgent],
  };
}

function levelJa(level: FunctionHypothesis['level']): string {
  return level === 'high' ? '高' : level === 'moderate' ? '中' : '低';
}
