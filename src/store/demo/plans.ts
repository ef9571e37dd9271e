// Support plans (and the actions taken under them) for the students whose pattern a school would
// have acted on: every serious case, most milder ones, and each safeguarding case from the day
// of the note. Closed plans record their outcome; running plans carry the next review date on
// the tier's cadence (DOMAIN.md: Tier 2 every other week, Tier 3 weekly), a few already overdue
// so the demo has reviews to chase.
import { addDays, schoolLocalTimeToInstant } from '../../domain/dates.ts';
import type { AttendanceRow } from './attendance.ts';
import type { ObservationRow } from './observations.ts';
import { planDrafts, safeguardingPlan, type ActionDraft, type Owner, type PlanDraft } from './plan-templates.ts';
import type { Profile } from './profiles.ts';
import { streamFor } from './random.ts';
import type { SchoolDay } from './school-days.ts';
import type { DemoStaff } from './staff.ts';
import type { DemoStudent } from './students.ts';

export interface PlanRow {
  id: string;
  studentId: string;
  startedOn: string;
  tier: number;
  goal: string;
  strategy: string;
  ownerId: string;
  reviewOn: string;
  status: 'active' | 'completed' | 'stopped';
  outcome: string;
  importKey: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface ActionRow {
  id: string;
  planId: string;
  actedOn: string;
  actorId: string;
  description: string;
  outcome: string;
  createdAt: Date;
}

export interface PlanInputs {
  seed: number;
  now: Date;
  students: readonly DemoStudent[];
  profiles: ReadonlyMap<string, Profile>;
  attendance: ReadonlyMap<string, readonly AttendanceRow[]>;
  days: readonly SchoolDay[];
  staff: readonly DemoStaff[];
  observations: readonly ObservationRow[];
  newPlanId: () => string;
  newActionId: () => string;
}

const MAX_ACTIONS = 8;
const MIN_DAYS_FOR_PLANS = 20;
const at = (date: string, time: string, now: Date) => {
  const instant = schoolLocalTimeToInstant(`${date}T${time}`);
  return instant > now ? new Date(now) : instant;
};

export function buildPlans(input: PlanInputs, plantedIds: ReadonlySet<string>): { plans: PlanRow[]; actions: ActionRow[] } {
  const { seed, now, students, profiles, attendance, days, staff, observations, newPlanId, newActionId } = input;
  const plans: PlanRow[] = [];
  const actions: ActionRow[] = [];
  const today = days.at(-1)?.date;
  // In the first weeks of the year no pattern is visible yet, so no school would have a plan.
  if (!today || days.length < MIN_DAYS_FOR_PLANS) return { plans, actions };
  const dateAt = (frac: number) => (frac > 1 ? undefined : days[Math.round(Math.max(0, frac) * (days.length - 1))]?.date);
  const dayOf = new Map(days.map((d) => [d.date, d]));
  const counselors = staff.filter((s) => s.role === 'counselor');
  const nurses = staff.filter((s) => s.role === 'nurse');
  const urgentOn = new Map<string, string>();
  for (const o of observations) if (o.concern === 'urgent' && !urgentOn.has(o.studentId)) urgentOn.set(o.studentId, o.importKey.slice(0, 10));

  students.forEach((student, index) => {
    const profile = profiles.get(student.id) as Profile;
    const rows = attendance.get(student.id) ?? [];
    if (rows.length === 0) return;
    const rng = streamFor(seed, 'plans', student.id);
    const ownerOf = (owner: Owner): string =>
      owner === 'counselor' ? (counselors[index % counselors.length]?.id ?? student.homeroomId)
      : owner === 'nurse' ? (nurses[index % nurses.length]?.id ?? student.homeroomId)
      : student.homeroomId;

    const drafts: { draft: Omit<PlanDraft, 'start'>; start: string | undefined; close?: string }[] = [];
    if (profile.serious || plantedIds.has(student.id) || rng.chance(0.6)) {
      for (const d of planDrafts(profile)) drafts.push({ draft: d, start: dateAt(d.start), close: d.close ? dateAt(d.close.at) : undefined });
    }
    const flagged = urgentOn.get(student.id);
    if (profile.safeguarding && flagged) drafts.push({ draft: safeguardingPlan(profile.safeguarding), start: flagged });

    for (const { draft, start, close } of drafts) {
      if (!start || start < (rows[0] as AttendanceRow).date) continue;
      const closed = draft.close && close && close > start ? draft.close : undefined;
      const cadence = draft.tier === 3 ? 7 : 14;
      let reviewOn = close ?? start;
      if (!closed) {
        reviewOn = start;
        while (reviewOn < today) reviewOn = addDays(reviewOn, cadence);
        // A quarter of running plans are past their review date: a nudge the bot can give.
        if (reviewOn > addDays(start, cadence) && rng.chance(0.25)) reviewOn = addDays(reviewOn, -cadence);
      }
      const strategy = draft.strategy;
      const plan: PlanRow = {
        id: newPlanId(),
        studentId: student.id,
        startedOn: start,
        tier: draft.tier,
        goal: draft.goal,
        strategy,
        ownerId: ownerOf(draft.owner),
        reviewOn,
        status: closed ? closed.status : 'active',
        outcome: closed ? closed.outcome : draft.soFar,
        importKey: `${student.id}|${start}|${strategy}`,
        createdAt: at(start, '16:00', now),
        updatedAt: at(closed ? reviewOn : start, '16:30', now),
      };
      plans.push(plan);
      if (draft.actions) actions.push(...planActions(draft.actions, plan, rows, dayOf, closed ? reviewOn : today, ownerOf, now, newActionId));
    }
  });
  return { plans, actions };
}

function planActions(
  spec: ActionDraft,
  plan: PlanRow,
  rows: readonly AttendanceRow[],
  dayOf: ReadonlyMap<string, SchoolDay>,
  until: string,
  ownerOf: (o: Owner) => string,
  now: Date,
  newId: () => string,
): ActionRow[] {
  const span = rows.filter((r) => r.date >= plan.startedOn && r.date <= until);
  const chosen = span.filter((r, i) =>
    spec.on === 'week_start' ? (dayOf.get(r.date) as SchoolDay).firstOfWeek : spec.on === 'weekly' ? i % 5 === 2 : i % 10 === 2,
  );
  const actor = spec.actor ? ownerOf(spec.actor) : plan.ownerId;
  return chosen.slice(-MAX_ACTIONS).map((r) => ({
    id: newId(),
    planId: plan.id,
    actedOn: r.date,
    actorId: actor,
    description: spec.description,
    outcome: spec.outcome(r),
    createdAt: at(r.date, '17:00', now),
  }));
}
