// "How is <student>?": this school year's attendance with what the analysis sees in it (patterns,
// tier, trend), the latest observations the asker may see, and open support plans. One access
// pass (audited) decides every kind of record shown.
import type { StaffMember } from '../domain/staff.ts';
import type { AnalysisResult } from '../analysis/analyse-student.ts';
import type { LoadedRecords, RecordKinds } from '../store/analysis-repository.ts';
import { staffNames } from '../store/staff-repository.ts';
import type { StudentIdentity } from '../store/student-repository.ts';
import type { ServiceContext } from './context.ts';
import { analyseStudentFor } from './student-analysis.ts';

const OBSERVATIONS_SHOWN = 5;

export interface StaffName {
  familyName: string;
  givenName: string;
}

export interface StudentOverview {
  student: StudentIdentity;
  asOf: string;
  analysis: AnalysisResult;
  kinds: RecordKinds;
  /** Newest first. */
  observations: (LoadedRecords['observations'][number] & { author?: StaffName })[];
  /** Active plans, newest first. */
  plans: (LoadedRecords['plans'][number] & { owner?: StaffName })[];
}

export async function studentOverview(ctx: ServiceContext, staff: StaffMember, student: StudentIdentity, intent: string): Promise<StudentOverview> {
  const { analysis, observations, plans, kinds } = await analyseStudentFor(ctx, staff, student, intent);
  const latest = [...observations].reverse().slice(0, OBSERVATIONS_SHOWN);
  const open = plans.filter((p) => p.status === 'active').reverse();
  const names = await staffNames(ctx.db, [...latest.map((o) => o.authorId), ...open.map((p) => p.ownerId)]);
  return {
    student,
    asOf: analysis.asOf,
    analysis,
    kinds,
    observations: latest.map((o) => ({ ...o, author: names.get(o.authorId) })),
    plans: open.map((p) => ({ ...p, owner: names.get(p.ownerId) })),
  };
}
