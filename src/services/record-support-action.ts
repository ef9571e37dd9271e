// Starting, updating or ending a support plan from what a staff member says they did. A new plan
// takes the student's current tier and its review date by tier cadence (DOMAIN.md); an update adds
// an action with its outcome to the plan it belongs to; an end closes the plan with its outcome.
import { randomUUID } from 'node:crypto';
import { addDays } from '../domain/dates.ts';
import type { StaffMember } from '../domain/staff.ts';
import { matchTriedStrategy } from '../analysis/strategies/index.ts';
import type { StudentIdentity } from '../store/student-repository.ts';
import type { ServiceContext } from './context.ts';

export interface SupportActionRequest {
  action: 'start' | 'update' | 'end';
  description: string;
  outcome?: string;
  actedOn: string;
  /** The student's tier now, for a new plan and its review cadence. */
  tier: 1 | 2 | 3;
}

export type SupportActionResult =
  | { kind: 'started' | 'updated' | 'ended'; planId: string; goal: string; reviewOn: string }
  /** An update or end that matches no single active plan: nothing is written. */
  | { kind: 'unmatched'; activeGoals: string[] };

const REVIEW_DAYS: Record<1 | 2 | 3, number> = { 1: 28, 2: 14, 3: 7 };

/** Which active plan the words are about: the one using the same library strategy, or the only one. */
function findPlan<T extends { strategy: string }>(plans: T[], description: string): T | undefined {
  const said = matchTriedStrategy(description)?.id;
  const same = said ? plans.find((p) => matchTriedStrategy(p.strategy)?.id === said) : undefined;
  return same ?? (plans.length === 1 ? plans[0] : undefined);
}

export async function recordSupportAction(
  ctx: ServiceContext,
  staff: StaffMember,
  student: StudentIdentity,
  request: SupportActionRequest,
  intent: string,
): Promise<SupportActionResult> {
  await ctx.guard.require({ staff, student, action: 'write', kind: 'support_plan', intent });
  const active = await ctx.db.supportPlan.findMany({ where: { studentId: student.id, status: 'active' }, orderBy: { startedOn: 'desc' } });
  const plan = request.action === 'start' ? undefined : findPlan(active, request.description);

  if (!plan && request.action !== 'start') return { kind: 'unmatched', activeGoals: active.map((p) => p.goal) };
  if (!plan) {
    const tier = Math.max(2, request.tier) as 2 | 3;
    const reviewOn = addDays(request.actedOn, REVIEW_DAYS[tier]);
    const id = randomUUID();
    await ctx.db.supportPlan.create({
      data: { id, studentId: student.id, startedOn: request.actedOn, tier, goal: request.description, strategy: request.description, ownerId: staff.id, reviewOn, status: 'active', outcome: request.outcome ?? '' },
    });
    return { planId: id, kind: 'started', goal: request.description, reviewOn };
  }

  // The action and the plan change together or not at all.
  const ended = request.action === 'end';
  await ctx.db.$transaction([
    ctx.db.supportAction.create({
      data: { id: randomUUID(), planId: plan.id, actedOn: request.actedOn, actorId: staff.id, description: request.description, outcome: request.outcome ?? '' },
    }),
    ctx.db.supportPlan.update({
      where: { id: plan.id },
      data: { ...(request.outcome ? { outcome: request.outcome } : {}), ...(ended ? { status: 'completed' } : {}) },
    }),
  ]);
  return { planId: plan.id, kind: ended ? 'ended' : 'updated', goal: plan.goal, reviewOn: plan.reviewOn };
}
