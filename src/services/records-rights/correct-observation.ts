// Correcting an observation (text, visibility, categories). The version it replaces moves to
// ObservationRevision with who corrected it, when and why, and the version goes up: the same
// history an import update keeps. Categories and concern follow a corrected text as they do on
// import; a text with safeguarding words is always urgent.
import { mentionsSafeguardingConcern } from '../../analysis/safeguarding.ts';
import { formatCategories, OBSERVATION_CATEGORIES, VISIBILITIES, type ObservationCategory } from '../../domain/school.ts';
import { afterTextChange } from '../../store/import/kinds/observations.ts';
import type { Tx } from '../../store/records-rights/transaction.ts';
import { OBSERVATION_FIELDS, type AppliedCorrection, type CorrectionMeta, type CorrectionValue } from './correction-types.ts';
import { knownFields, oneOf, text } from './correction-values.ts';
import { RecordsRightsError, show } from './errors.ts';

function categoryList(value: CorrectionValue): ObservationCategory[] {
  const codes = (value ?? '').split(',').map((c) => c.trim()).filter((c) => c !== '');
  return codes.map((c) => oneOf('categories', c, OBSERVATION_CATEGORIES));
}

export async function correctObservation(tx: Tx, observationId: string, changes: Readonly<Record<string, CorrectionValue>>, meta: CorrectionMeta): Promise<AppliedCorrection> {
  const fields = knownFields('observation', OBSERVATION_FIELDS, changes);
  const current = await tx.observation.findUnique({ where: { id: observationId } });
  if (!current || current.studentId !== meta.studentId) {
    throw new RecordsRightsError('unknown_record', `${meta.studentId} has no observation ${show(observationId)}`, { studentId: meta.studentId, observationId });
  }
  const next = { text: current.text, categories: current.categories, concern: current.concern, visibility: current.visibility };
  let given: ObservationCategory[] | undefined;
  for (const [field, value] of fields) {
    if (field === 'text') Object.assign(next, { text: text(field, value, { required: true, max: 10_000 }) });
    else if (field === 'visibility') next.visibility = oneOf(field, value, VISIBILITIES);
    else given = categoryList(value);
  }
  if (next.text !== current.text) Object.assign(next, afterTextChange(current, next.text));
  if (given) {
    const urgent = next.concern === 'urgent' || mentionsSafeguardingConcern(next.text);
    next.categories = formatCategories(OBSERVATION_CATEGORIES.filter((c) => given.includes(c) || (urgent && c === 'safeguarding')));
  }

  const changed = (['text', 'categories', 'concern', 'visibility'] as const).filter((f) => next[f] !== current[f]);
  if (changed.length === 0) throw new RecordsRightsError('no_change', `nothing to correct: observation ${show(observationId)} already has these values`, { observationId });

  await tx.observationRevision.create({
    data: {
      observationId,
      version: current.version,
      text: current.text,
      categories: current.categories,
      setting: current.setting,
      mood: current.mood,
      concern: current.concern,
      visibility: current.visibility,
      replacedById: meta.actorId,
      replacedAt: meta.at,
      reason: meta.reason,
    },
  });
  const version = current.version + 1;
  await tx.observation.update({ where: { id: observationId }, data: { ...next, version } });
  return { kind: 'observation', recordKey: observationId, fields: changed, version, urgent: next.concern === 'urgent' && current.concern !== 'urgent' };
}
