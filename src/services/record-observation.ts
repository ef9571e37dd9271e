// Saving an observation the author has confirmed. Authorization is checked (write, observation)
// and audited; the author, source `chat` and default visibility are set here, not by the caller,
// so no message wording can change them. A safeguarding concern is always stored as urgent.
import { randomUUID } from 'node:crypto';
import { defaultVisibility } from '../access/policy.ts';
import type { StaffMember } from '../domain/staff.ts';
import { formatCategories, type ObservationCategory } from '../domain/school.ts';
import { mentionsSafeguardingConcern } from '../analysis/safeguarding.ts';
import type { StudentIdentity } from '../store/student-repository.ts';
import type { ServiceContext } from './context.ts';

export interface ObservationToSave {
  text: string;
  observedAt: Date;
  categories: ObservationCategory[];
  setting?: string;
  mood?: string;
  concern: 'none' | 'urgent';
}

export interface SavedObservation {
  id: string;
  concern: 'none' | 'urgent';
  visibility: 'team' | 'confidential';
}

/** Who will see what this author writes: shown on the draft before anything is saved. */
export function visibilityForAuthor(staff: StaffMember): 'team' | 'confidential' {
  return defaultVisibility(staff.role);
}

/** Whether text needs the safeguarding path (DOMAIN.md), e.g. after an edit of a draft. */
export function isSafeguardingText(text: string): boolean {
  return mentionsSafeguardingConcern(text);
}

export async function saveObservation(
  ctx: ServiceContext,
  staff: StaffMember,
  student: StudentIdentity,
  draft: ObservationToSave,
  intent: string,
): Promise<SavedObservation> {
  await ctx.guard.require({ staff, student, action: 'write', kind: 'observation', intent });
  // The safeguarding check is repeated on the final text: an edit may have added the words.
  const urgent = draft.concern === 'urgent' || mentionsSafeguardingConcern(draft.text);
  const categories = urgent ? [...new Set<ObservationCategory>([...draft.categories, 'safeguarding'])] : draft.categories;
  const visibility = defaultVisibility(staff.role);
  const id = randomUUID();
  await ctx.db.observation.create({
    data: {
      id,
      studentId: student.id,
      authorId: staff.id,
      observedAt: draft.observedAt,
      text: draft.text,
      categories: formatCategories(categories),
      setting: draft.setting ?? null,
      mood: draft.mood ?? null,
      concern: urgent ? 'urgent' : 'none',
      visibility,
      source: 'chat',
      // The service clock (YORISOI_NOW pins it), so the undo window is measured on one clock.
      createdAt: ctx.now(),
    },
  });
  return { id, concern: urgent ? 'urgent' : 'none', visibility };
}
