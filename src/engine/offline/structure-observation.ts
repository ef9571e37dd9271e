// A plain-language observation turned into a draft record: the note itself (minus a leading
// 記録: / Log: marker), when, where, what about, how the student seemed, and whether it is a
// safeguarding concern. The student is not decided here: their name stays in the text and the
// services resolve it among the students the author may see.
// The safeguarding screen (analysis/safeguarding.ts), reached through the services as the engine's
// import rules require.
import { isSafeguardingText as mentionsSafeguardingConcern } from '../../services/record-observation.ts';
import type { ObservationDraft } from '../intent.ts';
import { categorise } from '../../domain/categories/categorise.ts';
import { parseMood } from './mood.ts';
import { parseSetting } from './setting.ts';
import { parseWhen } from './when.ts';

/** 記録: / 記録 / メモ： / 【記録】 / Log: / Note: / Observation - at the start of a message. */
const LOG_MARKER =
  /^(?:[#【[]\s*)?(?:(?:観察)?記録|メモ|観察|所見|報告|共有)(?:して(?:おいて|ください)?|お願い(?:します)?|です)?\s*(?:[】\]]\s*[:：]?|[:：]|\s+|[-–—]\s*)\s*|^(?:[#[]\s*)?(?:log|note|obs|observation|record|memo)\s*(?:\]\s*[:：-]?|[:：]|\s+[-–—])\s*/iu;
/** 「記録して」「記録しておいて」 anywhere: the author asks for this to be written down. */
const LOG_REQUEST = /記録(?:して(?:おいて|ください|下さい)?|しておいて|しといて|お願い)|\b(?:please )?(?:log|record|note down) (?:this|that)\b/iu;

/** True when the message says outright that it is a note to record. */
export function hasLogMarker(text: string): boolean {
  return LOG_MARKER.test(text) || LOG_REQUEST.test(text);
}

/** The note without its marker. */
export function stripLogMarker(text: string): string {
  const stripped = text.replace(LOG_MARKER, '').trim();
  return stripped || text.trim();
}

export function structureObservation(text: string, now: Date): ObservationDraft {
  const note = stripLogMarker(text);
  const urgent = mentionsSafeguardingConcern(note);
  const when = parseWhen(note, now);
  const setting = parseSetting(note);
  const mood = parseMood(note);
  return {
    text: note,
    observedOn: when.observedOn,
    ...(when.observedTime ? { observedTime: when.observedTime } : {}),
    ...(when.lessonPeriod !== undefined ? { lessonPeriod: when.lessonPeriod } : {}),
    ...(setting ? { setting } : {}),
    categories: categorise(note, urgent),
    ...(mood ? { mood } : {}),
    concern: urgent ? 'urgent' : 'none',
  };
}
