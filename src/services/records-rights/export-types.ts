// The JSON shape of a student export (`format` and `version` name it; a change that removes or
// renames a field bumps `version`). Every instant is an ISO 8601 string in UTC; every school date is
// YYYY-MM-DD (Asia/Tokyo). Codes (status, visibility, ...) are the database's, as in the sample
// school's README. Lists are in a stable order: by date or time, then id.

/** A staff member as the records name them; `name` is null when they are no longer on record. */
export interface StaffRef {
  staffId: string;
  name: string | null;
}

export interface StudentExport {
  format: 'yorisoi/student-export';
  version: 1;
  exportedAt: string;
  exportedBy: string;
  student: {
    studentNo: string;
    familyName: string;
    givenName: string;
    familyNameKana: string;
    givenNameKana: string;
    grade: number;
    classId: string;
    homeroomStaffId: string | null;
    enrolledOn: string;
    leftOn: string | null;
    createdAt: string;
    updatedAt: string;
  };
  /** The class and its homeroom teacher(s). */
  class: { id: string; grade: number; homeroomTeachers: StaffRef[] } | null;
  /** The homeroom teacher on the student's own record. */
  homeroom: StaffRef | null;
  attendance: { date: string; status: string; periodsAttended: number; note: string }[];
  bigFive: { assessedOn: string; instrument: string; openness: number; conscientiousness: number; extraversion: number; agreeableness: number; neuroticism: number }[];
  competencies: { assessedOn: string; competency: string; score: number; rater: string }[];
  environment: { assessedOn: string; factor: string; value: string; note: string }[];
  observations: ExportedObservation[];
  supportPlans: ExportedPlan[];
  /** Corrections of the profile and attendance (an observation's are its `revisions`). */
  corrections: { kind: string; recordKey: string; field: string; before: string | null; after: string | null; reason: string; correctedBy: StaffRef; correctedAt: string }[];
  /** Who read or changed the student's records, when, through what, with what result. */
  auditEvents: { at: string; actorId: string; action: string; kind: string; intent: string; result: string; reason: string }[];
  /** Conversations the bot still remembers that mention the student; other students' ids are replaced by "[other student]". */
  conversationMemory: { key: string; staffId: string; updatedAt: string; expiresAt: string; state: unknown }[];
}

export interface ObservationVersion {
  text: string;
  categories: string[];
  setting: string | null;
  mood: string | null;
  concern: string;
  visibility: string;
}

export interface ExportedObservation extends ObservationVersion {
  id: string;
  observedAt: string;
  author: StaffRef;
  source: string;
  importKey: string | null;
  /** The current version; 1 + the number of earlier versions. */
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Earlier versions, oldest first: each was replaced by the next (or the current text). */
  revisions: (ObservationVersion & { version: number; replacedBy: StaffRef | null; replacedAt: string; reason: string | null })[];
}

export interface ExportedPlan {
  id: string;
  startedOn: string;
  tier: number;
  goal: string;
  strategy: string;
  owner: StaffRef;
  reviewOn: string;
  status: string;
  outcome: string;
  createdAt: string;
  updatedAt: string;
  actions: { id: string; actedOn: string; actor: StaffRef; description: string; outcome: string; createdAt: string }[];
}
