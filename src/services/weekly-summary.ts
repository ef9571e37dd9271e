// A preview of the asker's week: observations written about their students this week by
// category, who needs attention, and the support plans due for review. Every number is read
// from the database now, through the same access checks as any answer.
import type { StaffMember } from '../domain/staff.ts';
import { addDays, schoolDateOf, weekday } from '../domain/dates.ts';
import { mayReadObservation, scopeClassIds } from '../access/policy.ts';
import { parseCategories, type ObservationCategory } from '../domain/school.ts';
import { listStudents, type StudentIdentity } from '../store/student-repository.ts';
import type { ServiceContext } from './context.ts';
import { attentionList, type AttentionItem } from './student-analysis.ts';

export interface WeeklySummary {
  weekOf: string;
  weekEnd: string;
  inScope: number;
  observationsByCategory: Partial<Record<ObservationCategory | 'uncategorised', number>>;
  observationCount: number;
  urgentCount: number;
  attention: AttentionItem[];
  reviewsDue: { student: StudentIdentity; goal: string; reviewOn: string; tier: number }[];
}

/** The Monday of the week containing `date`. */
export function mondayOf(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7));
}

export async function weeklySummary(ctx: ServiceContext, staff: StaffMember, weekOf: string | undefined, intent: string): Promise<WeeklySummary> {
  const monday = mondayOf(weekOf ?? schoolDateOf(ctx.now()));
  const sunday = addDays(monday, 6);
  const { items, inScope } = await attentionList(ctx, staff, intent);
  const students = await listStudents(ctx.db, scopeClassIds(staff));
  const byId = new Map(students.map((s) => [s.id, s]));
  const ids = new Set(byId.keys());
  // attentionList has decided and audited observation and plan reads for every student in scope.
  const observations = (
    await ctx.db.observation.findMany({
      where: { observedAt: { gte: new Date(`${monday}T00:00:00+09:00`), lte: new Date(`${sunday}T23:59:59+09:00`) } },
      select: { studentId: true, authorId: true, visibility: true, categories: true, concern: true },
    })
  )
    .filter((o) => ids.has(o.studentId))
    .map((o) => ({ ...o, categories: parseCategories(o.categories), visibility: o.visibility === 'confidential' ? ('confidential' as const) : ('team' as const) }))
    .filter((o) => mayReadObservation(staff, o));
  const byCategory: WeeklySummary['observationsByCategory'] = {};
  for (const o of observations) {
    const keys = o.categories.length ? o.categories : (['uncategorised'] as const);
    for (const c of keys) byCategory[c] = (byCategory[c] ?? 0) + 1;
  }
  const plans = await ctx.db.supportPlan.findMany({ where: { status: 'active', reviewOn: { lte: sunday } }, select: { studentId: true, goal: true, reviewOn: true, tier: true }, orderBy: { reviewOn: 'asc' } });
  return {
    weekOf: monday,
    weekEnd: sunday,
    inScope,
    observationsByCategory: byCategory,
    observationCount: observations.length,
    urgentCount: observations.filter((o) => o.concern === 'urgent').length,
    attention: items,
    reviewsDue: plans.flatMap((p) => (byId.has(p.studentId) ? [{ student: byId.get(p.studentId)!, goal: p.goal, reviewOn: p.reviewOn, tier: p.tier }] : [])),
  };
}
