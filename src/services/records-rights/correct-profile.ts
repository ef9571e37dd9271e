// Correcting the student's profile: names, kana, class (grade and homeroom teacher follow the
// class), enrolment and leaving dates. Each changed value leaves a RecordCorrection row.
import { recordCorrections, type CorrectionRow } from '../../store/records-rights/corrections.ts';
import type { Tx } from '../../store/records-rights/transaction.ts';
import { PROFILE_FIELDS, type AppliedCorrection, type CorrectionMeta, type CorrectionValue } from './correction-types.ts';
import { invalid, isoDate, knownFields, text } from './correction-values.ts';
import { RecordsRightsError } from './errors.ts';

type Profile = { familyName: string; givenName: string; familyNameKana: string; givenNameKana: string; classId: string; grade: number; homeroomId: string | null; enrolledOn: string; leftOn: string | null };
const COLUMNS = ['familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'classId', 'grade', 'homeroomId', 'enrolledOn', 'leftOn'] as const;

const asText = (v: string | number | null) => (v === null ? null : String(v));
const cleared = (v: CorrectionValue) => v === null || ['', 'none', 'null'].includes(v.trim().toLowerCase());

/** The class, and the grade and homeroom teacher that come with it. */
async function classValues(tx: Tx, value: CorrectionValue): Promise<Pick<Profile, 'classId' | 'grade' | 'homeroomId'>> {
  const id = text('classId', value, { required: true, max: 64 });
  const found = await tx.schoolClass.findUnique({ where: { id }, include: { staff: { where: { relation: 'homeroom' }, select: { staffId: true } } } });
  if (!found) {
    const known = (await tx.schoolClass.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((c) => c.id);
    throw invalid('classId', value, `an existing class: ${known.join(', ')}`);
  }
  // One homeroom teacher on record for the class is the student's; none or several: left open.
  return { classId: id, grade: found.grade, homeroomId: found.staff.length === 1 ? found.staff[0]!.staffId : null };
}

export async function correctProfile(tx: Tx, changes: Readonly<Record<string, CorrectionValue>>, meta: CorrectionMeta): Promise<AppliedCorrection> {
  const current = (await tx.student.findUnique({ where: { id: meta.studentId }, select: Object.fromEntries(COLUMNS.map((c) => [c, true])) as Record<(typeof COLUMNS)[number], true> })) as Profile;
  const next: Profile = { ...current };
  for (const [field, value] of knownFields('profile', PROFILE_FIELDS, changes)) {
    if (field === 'familyName' || field === 'givenName') next[field] = text(field, value, { required: true, max: 64 });
    else if (field === 'familyNameKana' || field === 'givenNameKana') next[field] = text(field, value, { required: false, max: 64 });
    else if (field === 'classId') Object.assign(next, await classValues(tx, value));
    else if (field === 'enrolledOn') next.enrolledOn = isoDate(field, value);
    else next.leftOn = cleared(value) ? null : isoDate(field, value);
  }
  if (next.leftOn !== null && next.leftOn < next.enrolledOn) {
    throw invalid('leftOn', next.leftOn, `a date on or after the enrolment date ${next.enrolledOn}`);
  }
  const changed = COLUMNS.filter((c) => next[c] !== current[c]);
  if (changed.length === 0) throw new RecordsRightsError('no_change', `nothing to correct: ${meta.studentId}'s profile already has these values`, { studentId: meta.studentId });

  await tx.student.update({ where: { id: meta.studentId }, data: Object.fromEntries(changed.map((c) => [c, next[c]])) });
  const row = (field: string, before: string | number | null, after: string | number | null): CorrectionRow => ({
    studentId: meta.studentId, kind: 'profile', recordKey: meta.studentId, field, before: asText(before), after: asText(after), reason: meta.reason, correctedBy: meta.actorId, correctedAt: meta.at,
  });
  await recordCorrections(tx, changed.map((c) => row(c, current[c], next[c])));
  return { kind: 'profile', recordKey: meta.studentId, fields: changed };
}
