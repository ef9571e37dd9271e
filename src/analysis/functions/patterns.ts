// Attendance patterns as evidence for a function (issue 3, DOMAIN.md's table): Monday absences
// point to F1 (the dread of the school week), test and event days to F2, early leaving with a
// parent's pick-up to F3, late arrival with night-time activity to F4. Patterns that say how much
// is missed (chronic, severe, futoko, streaks) or where it is heading say nothing about why, so
// they are no evidence here.
import type { EvidenceRef, FunctionCode, Localized, ObservationInput, Pattern } from '../types.ts';
import type { Finding } from './signals.ts';

/** Weights, in the same evidence points as the vocabulary. */
export const PATTERN_WEIGHTS = {
  mondayF1: 1.2,
  sundayNightBonusF1: 0.4,
  otherWeekdayF2: 0.6,
  eventF2: 1.5,
  earlyLeaveF3: 0.8,
  pickupBonusF3: 0.6,
  lateWithNightsF4: 1.0,
  lateWithoutNightsF1: 0.3,
  nurseOfficeF1: 0.6,
  nurseOfficeF2: 0.4,
  separateRoomF2: 1.0,
} as const;

/** A few attendance records per pattern are enough to check it; the most recent speak loudest. */
const EVIDENCE_PER_PATTERN = 3;

const WEEKDAYS: Record<string, Localized> = {
  mon: { ja: '月', en: 'Monday' },
  tue: { ja: '火', en: 'Tuesday' },
  wed: { ja: '水', en: 'Wednesday' },
  thu: { ja: '木', en: 'Thursday' },
  fri: { ja: '金', en: 'Friday' },
};

function recent(refs: readonly EvidenceRef[]): EvidenceRef[] {
  return [...refs].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)).slice(0, EVIDENCE_PER_PATTERN);
}

export interface PatternContext {
  /** Notes speak of night-time activity or the sleep survey is low. */
  nightContext: boolean;
  /** Notes that say a parent picked the student up. */
  pickupNotes: readonly ObservationInput[];
  /** Notes of distress on Sunday evenings or school mornings. */
  schoolMorningNotes: readonly ObservationInput[];
}

export function patternFindings(patterns: readonly Pattern[], context: PatternContext): Finding[] {
  const findings: Finding[] = [];
  const add = (pattern: Pattern, fn: FunctionCode, points: number, label: Localized, extra: EvidenceRef[] = [], aspect = '') =>
    findings.push({
      fn,
      points,
      source: 'pattern',
      signals: [{ key: `pattern:${pattern.code}:${fn}${aspect}`, label }],
      evidence: [...recent(pattern.evidence), ...extra],
      record: `pattern:${pattern.code}`,
    });

  for (const p of patterns) {
    const [base, day] = p.code.split(':');
    switch (base) {
      case 'day_of_week_avoidance': {
        const d = WEEKDAYS[day ?? ''] ?? { ja: day ?? '', en: day ?? '' };
        if (day === 'mon') {
          add(p, 'F1', PATTERN_WEIGHTS.mondayF1, { ja: '欠席や遅刻が月曜日に集中している（週明けの登校がつらい）', en: 'absences or late arrivals cluster on Mondays (the start of the school week is hard)' });
          // Monday absences and notes of Sunday-night or Monday-morning distress explain each other.
          if (context.schoolMorningNotes.length > 0) {
            const notes = context.schoolMorningNotes.slice(-EVIDENCE_PER_PATTERN).map((o): EvidenceRef => ({ kind: 'observation', id: o.id, date: o.date, note: 'distress before the school week' }));
            add(p, 'F1', PATTERN_WEIGHTS.sundayNightBonusF1, { ja: '月曜日の欠席と、日曜の夜や月曜の朝のつらさの記録が重なっている', en: 'Monday absences match notes of Sunday-night or Monday-morning distress' }, notes, ':sunday');
          }
        } else {
          // Another weekday points to something on that day's timetable: a lesson, a test, a club.
          add(p, 'F2', PATTERN_WEIGHTS.otherWeekdayF2, { ja: `欠席や遅刻が${d.ja}曜日に集中している（その日の授業や活動を確認）`, en: `absences or late arrivals cluster on ${d.en}s (check that day's lessons and activities)` });
        }
        break;
      }
      case 'event_avoidance':
        add(p, 'F2', PATTERN_WEIGHTS.eventF2, { ja: 'テストや行事の日に欠席が集中している', en: 'absences cluster on test and event days' });
        break;
      case 'early_leave':
        add(p, 'F3', PATTERN_WEIGHTS.earlyLeaveF3, { ja: '早退が多い', en: 'frequent early leaving' });
        // Early leaving that ends with a parent collecting the child is the F3 picture (DOMAIN.md).
        if (context.pickupNotes.length > 0) {
          const notes = context.pickupNotes.slice(-EVIDENCE_PER_PATTERN).map((o): EvidenceRef => ({ kind: 'observation', id: o.id, date: o.date, note: 'picked up by a parent' }));
          add(p, 'F3', PATTERN_WEIGHTS.pickupBonusF3, { ja: '早退の際に保護者が迎えに来ている', en: 'early leaving ends with a parent picking the student up' }, notes, ':pickup');
        }
        break;
      case 'late_arrival':
        if (context.nightContext) add(p, 'F4', PATTERN_WEIGHTS.lateWithNightsF4, { ja: '遅刻が多く、夜型の生活がうかがえる', en: 'frequent late arrival alongside late nights' });
        else add(p, 'F1', PATTERN_WEIGHTS.lateWithoutNightsF1, { ja: '遅刻が多い（朝の登校がつらい可能性）', en: 'frequent late arrival (mornings may be hard)' });
        break;
      case 'nurse_office':
        add(p, 'F1', PATTERN_WEIGHTS.nurseOfficeF1, { ja: '保健室で過ごす日が多い（体の不調や不安）', en: "many days in the nurse's office (physical complaints or worry)" });
        add(p, 'F2', PATTERN_WEIGHTS.nurseOfficeF2, { ja: '保健室で過ごす日が多い（教室を避けている可能性）', en: "many days in the nurse's office (may be avoiding the classroom)" });
        break;
      case 'separate_room':
        add(p, 'F2', PATTERN_WEIGHTS.separateRoomF2, { ja: '別室で過ごす日が多い（教室の集団を避けている可能性）', en: 'many days in a separate room (may be avoiding the class group)' });
        break;
      default:
        break;
    }
  }
  return findings;
}
