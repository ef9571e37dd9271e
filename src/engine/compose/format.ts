// Small shared pieces of the offline replies.
import type { Language } from '../../domain/school.ts';
import { romanise } from '../../domain/names.ts';
import type { StudentIdentity } from '../../services/resolve-student.ts';

export function studentDisplayName(s: StudentIdentity, language: Language): string {
  return language === 'ja'
    ? `${s.familyName} ${s.givenName}`
    : `${romanise(s.givenNameKana)} ${romanise(s.familyNameKana)} (${s.familyName} ${s.givenName})`;
}

export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

export function bullet(language: Language): string {
  return language === 'ja' ? '・' : '- ';
}

const OWNER: Record<string, { ja: string; en: string }> = {
  homeroom_teacher: { ja: '担任', en: 'homeroom teacher' },
  subject_teacher: { ja: '教科担任', en: 'subject teacher' },
  counselor: { ja: 'SC', en: 'counselor' },
  nurse: { ja: '養護教諭', en: 'nurse' },
  family: { ja: '家庭', en: 'family' },
  support_staff: { ja: '支援員', en: 'support staff' },
  admin: { ja: '管理職', en: 'school leaders' },
};

export function ownerLabel(owner: string, language: Language): string {
  return OWNER[owner]?.[language] ?? owner;
}

const TREND = {
  improving: { ja: '改善傾向（出席のはしごを上っています）', en: 'improving (moving up the attendance ladder)' },
  worsening: { ja: '悪化傾向（ここ数週間で出席のはしごを下っています）', en: 'worsening (moving down the attendance ladder in recent weeks)' },
  stable: { ja: '大きな変化なし', en: 'no clear change' },
  insufficient_data: { ja: '判断できるだけの記録がまだありません', en: 'not enough records yet to judge' },
} as const;

export function trendLabel(trend: keyof typeof TREND, language: Language): string {
  return TREND[trend][language];
}
