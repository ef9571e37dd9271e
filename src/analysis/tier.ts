// Tier of support (DOMAIN.md, MTSS / Attendance Works): Tier 1 universal; Tier 2 when absence is
// 10%+ (or, early in the year, 2 absences in the first month, 4 by month 2, 6 by month 3 ...);
// Tier 3 when absence is 20%+ or Tier 2 support showed no improvement. Review cadence: Tier 2
// every other week, Tier 3 weekly. Additions, each stated in the reasons:
// - An active support plan keeps the student at least at its tier: the team already decided
//   that level of support, and its reviews should follow that tier's cadence.
// - A worsening trend on the attendance ladder is at least Tier 2 (MEXT: catch small signals
//   early as a team), since nurse's-office or separate-room days count as present and would
//   otherwise hide a slide the absence rate cannot see.
// - An urgent observation (safeguarding, DOMAIN.md) in the last 30 days raises the tier by one,
//   to at least 2, so the case is reviewed on a shorter cadence; the safeguarding alert itself
//   happens elsewhere, at once.
// Too little attendance data never raises the tier (issue 3); an urgent observation still does.
import { addDays } from '../domain/dates.ts';
import { outcomeEffect } from './plan-outcome.ts';
import { enDate, jaDate } from './attendance/text.ts';
import type { AttendanceAnalysis, EvidenceRef, Localized, StudentRecords, SupportPlanInput, Tier, TierAssessment } from './types.ts';

export const TIER2_RATE = 0.1;
export const TIER3_RATE = 0.2;
/** A Tier 2 plan needs this long to show an effect (Panorama's default plan length is 6 weeks). */
export const PLAN_MIN_DAYS = 42;
export const URGENT_WINDOW_DAYS = 30;

/** The month (1-based) of the period that `to` falls in, counting from `from`. */
function monthOfPeriod(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const whole = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(1, whole + 1);
}

export function assessTier(records: StudentRecords, attendance: AttendanceAnalysis): TierAssessment {
  let tier: Tier = 1;
  // Each reason with the tier it argues for, so the decisive ones can be listed first.
  const reasons: { level: Tier; text: Localized }[] = [];
  const evidence: EvidenceRef[] = [];
  const raise = (to: Tier, reason: Localized, refs: EvidenceRef[] = []) => {
    if (to > tier) tier = to;
    reasons.push({ level: to, text: reason });
    evidence.push(...refs);
  };
  const absenceEvidence = attendance.patterns.find((p) => p.code === 'severe_absence' || p.code === 'chronic_absence')?.evidence ?? [];

  const recorded = Object.values(attendance.counts).reduce((a, b) => a + b, 0);
  if (attendance.status === 'ok' && recorded > 0) {
    // From the counts rather than the rounded absenceRate, so the bands match the detectors'.
    const rate = attendance.counts.absent / recorded;
    const pct = `${Math.round(rate * 1000) / 10}%`;
    const absent = attendance.counts.absent;
    if (rate >= TIER3_RATE) {
      raise(3, { ja: `欠席率が${pct}で20%以上のため、Tier 3（個別の集中的支援）です。`, en: `Absent ${pct} of school days (20% or more): Tier 3, intensive individual support.` }, absenceEvidence);
    } else if (rate >= TIER2_RATE) {
      raise(2, { ja: `欠席率が${pct}で10%以上のため、Tier 2（早期の個別支援）です。`, en: `Absent ${pct} of school days (10% or more): Tier 2, early targeted support.` }, absenceEvidence);
    } else {
      const month = monthOfPeriod(attendance.from, attendance.to);
      if (absent >= 2 * month) {
        const refs = absenceRefs(records, attendance);
        raise(2, { ja: `年度${month}か月目で欠席が${absent}日あり、早期の目安（1か月あたり2日）に達しているため Tier 2 です。`, en: `${absent} absences in month ${month} of the year, at or above the early-year mark of 2 per month: Tier 2.` }, refs);
      }
    }
    if (attendance.trend === 'worsening') {
      const p = attendance.patterns.find((x) => x.code === 'worsening');
      raise(2, { ja: '最近、登校の段階が下がってきているため、少なくとも Tier 2 で見守ります。', en: 'Moving down the attendance ladder lately: at least Tier 2.' }, p?.evidence.slice(-5) ?? []);
    }
  }

  for (const plan of records.plans) {
    if (plan.status !== 'active' || plan.startedOn > records.asOf) continue;
    const planTier = Math.min(3, Math.max(1, Math.round(plan.tier))) as Tier;
    if (planTier > 1) raise(planTier, { ja: `Tier ${planTier} の支援計画が進行中です（${jaDate(plan.startedOn)}開始）。`, en: `A Tier ${planTier} support plan is active (since ${enDate(plan.startedOn)}).` }, [planRef(plan)]);
  }

  // Tier 2 support that showed no improvement: a plan of tier 2 (any status: the outcome is what
  // counts), started at least 6 weeks ago, whose outcome says no change, and no improving trend.
  if (attendance.trend !== 'improving') {
    for (const plan of records.plans) {
      if (plan.tier !== 2 || outcomeEffect(plan.outcome) !== 'no_effect' || addDays(plan.startedOn, PLAN_MIN_DAYS) > records.asOf) continue;
      raise(3, { ja: `Tier 2 の支援（${jaDate(plan.startedOn)}開始）で改善が見られていないため、Tier 3 です（結果：「${plan.outcome}」）。`, en: `Tier 2 support since ${enDate(plan.startedOn)} has shown no improvement ("${plan.outcome}"): Tier 3.` }, [planRef(plan)]);
    }
  }

  let raisedForUrgent = false;
  const since = addDays(records.asOf, -URGENT_WINDOW_DAYS);
  const urgent = records.observations.filter((o) => o.concern === 'urgent' && o.date > since && o.date <= records.asOf);
  if (urgent.length) {
    const before = tier;
    tier = Math.min(3, Math.max(2, tier + 1)) as Tier;
    raisedForUrgent = tier > before;
    reasons.push({
      level: tier,
      text: raisedForUrgent
        ? {
            ja: `直近${URGENT_WINDOW_DAYS}日以内に緊急の記録があるため、見直しのため Tier ${before} から Tier ${tier} に引き上げています。`,
            en: `An urgent observation in the last ${URGENT_WINDOW_DAYS} days raises the tier for review, from ${before} to ${tier}.`,
          }
        : {
            ja: `直近${URGENT_WINDOW_DAYS}日以内に緊急の記録があります（すでに Tier 3 で毎週見直します）。`,
            en: `An urgent observation in the last ${URGENT_WINDOW_DAYS} days (already Tier 3, reviewed weekly).`,
          },
    });
    evidence.push(...urgent.map((o) => ({ kind: 'observation' as const, id: o.id, date: o.date, note: 'flagged urgent' })));
  }

  if (tier === 1) {
    reasons.push({
      level: 1,
      text:
        attendance.status === 'ok'
          ? { ja: '欠席率は10%未満で、全員向けの支援（Tier 1）の範囲です。', en: 'Absence below 10%: Tier 1, universal support.' }
          : { ja: '出欠の記録がまだ少ないため判断を保留し、Tier 1 としています。', en: 'Too little attendance recorded to judge yet: Tier 1 for now.' },
    });
  }
  // The reasons that set the final tier first (a stable sort keeps their order otherwise).
  const ordered = [...reasons].sort((a, b) => b.level - a.level).map((r) => r.text);

  const reviewEveryDays = tier === 3 ? 7 : tier === 2 ? 14 : null;
  let nextReview: string | null = null;
  if (reviewEveryDays) {
    nextReview = addDays(records.asOf, reviewEveryDays);
    // An active plan's own review date wins when it comes sooner.
    for (const plan of records.plans) if (plan.status === 'active' && plan.reviewOn >= records.asOf && plan.reviewOn < nextReview) nextReview = plan.reviewOn;
  }
  return { tier, reasons: ordered, raisedForUrgent, reviewEveryDays, nextReview, evidence: dedupe(evidence) };
}

function planRef(plan: SupportPlanInput): EvidenceRef {
  return { kind: 'support_plan', id: plan.id, date: plan.startedOn, note: plan.outcome ? `outcome: ${plan.outcome}` : plan.status };
}

function absenceRefs(records: StudentRecords, attendance: AttendanceAnalysis): EvidenceRef[] {
  return records.attendance
    .filter((r) => r.status === 'absent' && r.date >= attendance.from && r.date <= attendance.to)
    .map((r) => ({ kind: 'attendance' as const, id: `${records.studentId}:${r.date}`, date: r.date, note: 'absent' }));
}

function dedupe(refs: EvidenceRef[]): EvidenceRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.kind}:${r.id}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
