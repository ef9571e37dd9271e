import type { Language, Role } from './school.ts';

/** A staff member as the policy sees them: role and the classes they are responsible for. */
export interface StaffMember {
  id: string;
  role: Role;
  familyName: string;
  givenName: string;
  preferredLanguage: Language;
  homeroomClassIds: string[];
  taughtClassIds: string[];
}
