// May a digest go to a shared Slack channel? Only when every member of the channel may see every
// part of it: each student it names or charts (attendance, notes, plans), each note it quotes, and
// counts that include confidential notes only for counselors and admins. Otherwise, by DM.
import { decide, mayReadObservation, type RecordKind } from '../../access/policy.ts';
import type { StaffMember } from '../../domain/staff.ts';
import type { StudentIdentity } from '../../store/student-repository.ts';
import type { DigestSource } from './source.ts';
import type { WeeklyDigest } from './types.ts';

const KINDS: RecordKind[] = ['profile', 'attendance', 'observation', 'support_plan'];

function studentsIn(digest: WeeklyDigest): StudentIdentity[] {
  const all = [digest.urgentNotes, digest.escalations, digest.newStreaks, digest.improvements, digest.reviewsDue, digest.unwatched, digest.chart?.rows ?? []].flat().map((x) => x.student);
  return [...new Map(all.map((s) => [s.id, s])).values()];
}

/**
 * `members` are the channel's people as staff; `undefined` entries are people the school has not
 * registered (a guest, a parent, a bot): any of those and the answer is no.
 */
export function everyoneMaySee(members: readonly (StaffMember | undefined)[], recipient: StaffMember, digest: WeeklyDigest, source: DigestSource): boolean {
  if (members.length === 0 || members.some((m) => m === undefined)) return false;
  const students = studentsIn(digest);
  const notes = new Map(digest.urgentNotes.map((n) => [n.observationId, source.records.get(n.student.id)?.observations.find((o) => o.id === n.observationId)]));
  // A recipient who reads confidential notes has them in their counts.
  const seesConfidential = recipient.role === 'counselor' || recipient.role === 'admin';
  return (members as StaffMember[]).every(
    (m) =>
      (!seesConfidential || m.role === 'counselor' || m.role === 'admin') &&
      students.every((s) => KINDS.every((kind) => decide(m, 'read', s, kind).allowed)) &&
      [...notes.values()].every((o) => o !== undefined && mayReadObservation(m, o)),
  );
}
