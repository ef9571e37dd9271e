// Findings: one piece of evidence for one function, with its points and the record it rests on.
// This file reads observations; patterns.ts and environment.ts read the other two sources.
import type { EvidenceRef, FunctionCode, Localized, ObservationInput } from '../types.ts';
import { clauseHas, clausesOf, type Clause } from './text.ts';
import { AVOIDANCE_NEAR_EVALUATION, CUES, MORNING_WORDS, type Cue } from './vocabulary.ts';

export type FindingSource = 'observation' | 'pattern' | 'environment';

export interface Finding {
  fn: FunctionCode;
  points: number;
  source: FindingSource;
  /** The signals behind it; the same key across records is one signal line with a count. */
  signals: { key: string; label: Localized }[];
  evidence: EvidenceRef[];
  /** The record (note, pattern or survey row) it comes from: corroboration counts records, not findings. */
  record: string;
}

/** One note can say a lot; it still is one record. Its points per function stop here. */
export const OBSERVATION_CAP = 1.5;
/** Somatic complaints on school mornings are the F1 picture in DOMAIN.md. */
const MORNING_SOMATIC = 1.5;
/** A complaint that ends with a parent collecting the child reads more as F3 than F1. */
const SOMATIC_WITH_PICKUP = 0.5;
/** Before 10:00 counts as the school morning (registration and the first periods). */
const MORNING_BEFORE_HOUR = 10;

interface Hit {
  cue: Cue;
  /** Every clause the cue occurs in, un-negated. */
  clauses: number[];
}

function hitsIn(clauses: Clause[]): Hit[] {
  const hits: Hit[] = [];
  for (const cue of CUES) {
    const where = clauses.flatMap((c, i) => (clauseHas(c, cue) ? [i] : []));
    if (where.length > 0) hits.push({ cue, clauses: where });
  }
  return hits;
}

/** A note read once: its clauses and the cues found in them. */
export interface ReadNote {
  obs: ObservationInput;
  clauses: Clause[];
  hits: Hit[];
}

export function readNotes(observations: readonly ObservationInput[]): ReadNote[] {
  return observations.map((obs) => {
    const clauses = clausesOf(obs.text);
    return { obs, clauses, hits: hitsIn(clauses) };
  });
}

/** Night-time activity or reversed sleep in any note (the F4 reading of "cannot get up", late arrival). */
export function notesSpeakOfNights(notes: readonly ReadNote[]): boolean {
  return notes.some((n) => n.hits.some((h) => h.cue.role === 'night'));
}

/** Notes that say a parent picked the student up (strengthen the early-leave pattern). */
export function notesSpeakOfPickup(notes: readonly ReadNote[]): ObservationInput[] {
  return notes.filter((n) => n.hits.some((h) => h.cue.role === 'pickup')).map((n) => n.obs);
}

/** Notes of distress on Sunday evenings or school mornings (strengthen the Monday pattern). */
export function notesSpeakOfSchoolMornings(notes: readonly ReadNote[]): ObservationInput[] {
  return notes.filter((n) => n.hits.some((h) => h.cue.id === 'f1_school_morning')).map((n) => n.obs);
}

export function observationFindings(notes: readonly ReadNote[], nightContext: boolean): Finding[] {
  const findings: Finding[] = [];
  for (const { obs, clauses, hits } of notes) {
    if (hits.length === 0) continue;
    const morning = obs.hour < MORNING_BEFORE_HOUR || clauses.some((c) => clauseHas(c, MORNING_WORDS));
    const pickedUp = hits.some((h) => h.cue.role === 'pickup');
    const byFn = new Map<FunctionCode, { points: number; cues: Cue[] }>();

    const f2Clauses = new Set(hits.filter((h) => h.cue.fn === 'F2').flatMap((h) => h.clauses));
    for (const { cue, clauses: where } of hits) {
      let fn = cue.fn;
      let points = cue.weight;
      switch (cue.role) {
        case 'evaluative':
          points = where.some((i) => clauseHas(clauses[i]!, AVOIDANCE_NEAR_EVALUATION)) ? cue.weight : (cue.bareWeight ?? 0);
          break;
        case 'worry':
          // 「小テストが不安」: the worry has a social or evaluative object, so it is F2's evidence
          // (already counted there through the avoidance-or-worry rule), not general distress.
          if (where.every((i) => f2Clauses.has(i))) points = 0;
          break;
        case 'somatic':
          if (morning) points *= MORNING_SOMATIC;
          if (pickedUp) points *= SOMATIC_WITH_PICKUP;
          break;
        case 'morning_difficulty':
          fn = nightContext ? 'F4' : 'F1';
          break;
        default:
          break;
      }
      if (points <= 0) continue;
      const entry = byFn.get(fn) ?? { points: 0, cues: [] };
      entry.points += points;
      entry.cues.push(cue);
      byFn.set(fn, entry);
    }

    for (const [fn, { points, cues }] of byFn) {
      findings.push({
        fn,
        points: Math.min(OBSERVATION_CAP, points),
        source: 'observation',
        signals: cues.map((c) => ({ key: `obs:${c.id}`, label: c.label })),
        evidence: [{ kind: 'observation', id: obs.id, date: obs.date, note: cues[0]!.label.en }],
        record: `observation:${obs.id}`,
      });
    }
  }
  return findings;
}
