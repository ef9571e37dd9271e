// Turns findings into Kearney function hypotheses (DOMAIN.md, "The four functions"). Points add
// up with diminishing returns, and the level is held back until different kinds of record agree:
// one record alone stays 'low', one kind of source (only notes, only attendance) stays at most
// 'moderate', and surveys alone stay 'low' (they describe the setting, not the behaviour).
import type { EvidenceRef, FunctionCode, FunctionHypothesis, Localized, Pattern, StudentRecords } from '../types.ts';
import { environmentFindings, sleepIsIrregular } from './environment.ts';
import { patternFindings } from './patterns.ts';
import { notesSpeakOfNights, notesSpeakOfPickup, notesSpeakOfSchoolMornings, observationFindings, readNotes, type Finding } from './signals.ts';
import { STATEMENTS } from './statements.ts';

/** confidence = 1 - exp(-points / SCALE): 1.5 points (one rich note) ~0.35, 3.5 ~0.63, 6 ~0.82. */
export const CONFIDENCE_SCALE = 3.5;
/** Below this many points (less than one modest signal) nothing is said. */
export const MIN_POINTS = 0.5;
/** Surveys overlap (peer relations, Q-U, safety measure one class), so together they add at most this. */
export const ENVIRONMENT_CAP = 1.5;
export const LEVEL_MODERATE = 0.4;
export const LEVEL_HIGH = 0.7;
/** DOMAIN.md: functions whose scores lie within 0.25 of each other count as tied. */
export const TIE_MARGIN = 0.25;

const SINGLE_RECORD_MAX = LEVEL_MODERATE - 0.01;
const SINGLE_SOURCE_MAX = LEVEL_HIGH - 0.01;
const FUNCTIONS: FunctionCode[] = ['F1', 'F2', 'F3', 'F4'];

function levelOf(confidence: number): FunctionHypothesis['level'] {
  return confidence >= LEVEL_HIGH ? 'high' : confidence >= LEVEL_MODERATE ? 'moderate' : 'low';
}

function signalLines(findings: Finding[]): Localized[] {
  const lines = new Map<string, { label: Localized; records: number; fromNotes: boolean }>();
  for (const f of findings) {
    for (const s of f.signals) {
      const line = lines.get(s.key) ?? { label: s.label, records: 0, fromNotes: f.source === 'observation' };
      line.records += 1;
      lines.set(s.key, line);
    }
  }
  return [...lines.values()]
    .sort((a, b) => b.records - a.records)
    .map(({ label, records, fromNotes }) =>
      fromNotes && records > 1 ? { ja: `${label.ja}（記録${records}件）`, en: `${label.en} (${records} notes)` } : label,
    );
}

function evidenceOf(findings: Finding[]): EvidenceRef[] {
  const order: Record<Finding['source'], number> = { observation: 0, pattern: 1, environment: 2 };
  const seen = new Set<string>();
  return [...findings]
    .sort((a, b) => order[a.source] - order[b.source])
    .flatMap((f) => f.evidence)
    .filter((e) => {
      const key = `${e.kind}:${e.id}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
}

function hypothesis(fn: FunctionCode, findings: Finding[]): FunctionHypothesis | null {
  const sum = (source: Finding['source']) => findings.filter((f) => f.source === source).reduce((s, f) => s + f.points, 0);
  const points = sum('observation') + sum('pattern') + Math.min(ENVIRONMENT_CAP, sum('environment'));
  if (points < MIN_POINTS) return null;

  let confidence = 1 - Math.exp(-points / CONFIDENCE_SCALE);
  const evidence = evidenceOf(findings);
  const sources = new Set(findings.map((f) => f.source));
  const records = new Set(findings.map((f) => f.record)).size;
  if (records <= 1 || (sources.size === 1 && sources.has('environment'))) confidence = Math.min(confidence, SINGLE_RECORD_MAX);
  else if (sources.size === 1) confidence = Math.min(confidence, SINGLE_SOURCE_MAX);
  confidence = Math.round(confidence * 100) / 100;

  return { function: fn, confidence, level: levelOf(confidence), statement: STATEMENTS[fn], signals: signalLines(findings), evidence };
}

/**
 * Kearney's functions (F1-F4) that the records suggest, most likely first, each with its signals and
 * the records behind it. Functions without evidence are left out; an empty list means "no signal".
 */
export function hypothesiseFunctions(records: StudentRecords, patterns: readonly Pattern[]): FunctionHypothesis[] {
  const notes = readNotes(records.observations);
  const nightContext = notesSpeakOfNights(notes) || sleepIsIrregular(records.environment);
  const findings = [
    ...observationFindings(notes, nightContext),
    ...patternFindings(patterns, {
      nightContext,
      pickupNotes: notesSpeakOfPickup(notes),
      schoolMorningNotes: notesSpeakOfSchoolMornings(notes),
    }),
  ];
  const f3HasOtherEvidence = findings.some((f) => f.fn === 'F3');
  findings.push(...environmentFindings(records.environment, f3HasOtherEvidence));

  return FUNCTIONS.map((fn) => hypothesis(fn, findings.filter((f) => f.fn === fn)))
    .filter((h): h is FunctionHypothesis => h !== null)
    .sort((a, b) => b.confidence - a.confidence || a.function.localeCompare(b.function));
}

/** The hypotheses to present together: the top one and any within TIE_MARGIN of it (DOMAIN.md: ties). */
export function leadingFunctions(hypotheses: readonly FunctionHypothesis[]): FunctionHypothesis[] {
  const top = hypotheses[0];
  if (!top) return [];
  return hypotheses.filter((h) => top.confidence - h.confidence <= TIE_MARGIN + 1e-9);
}
