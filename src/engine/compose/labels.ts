// The words replies use for stored codes, in both languages, in one place.
import type { AttendanceStatus, Language, ObservationCategory } from '../../domain/school.ts';

export const STATUS_LABEL: Record<Language, Record<AttendanceStatus, string>> = {
  ja: { present: '出席', absent: '欠席', late: '遅刻', early_leave: '早退', nurse_office: '保健室登校', separate_room: '別室登校', online: 'オンライン' },
  en: { present: 'present', absent: 'absent', late: 'late', early_leave: 'early leave', nurse_office: "nurse's office", separate_room: 'separate room', online: 'online' },
};

export const CATEGORY_LABEL: Record<ObservationCategory | 'uncategorised', Record<Language, string>> = {
  attendance: { ja: '出欠', en: 'attendance' },
  health: { ja: '健康', en: 'health' },
  emotional: { ja: '気持ち', en: 'emotional' },
  peer: { ja: '友人関係', en: 'peers' },
  academic: { ja: '学習', en: 'academic' },
  family: { ja: '家庭', en: 'family' },
  positive: { ja: '前向きな様子', en: 'positive' },
  safeguarding: { ja: '安全確認が必要', en: 'safeguarding' },
  uncategorised: { ja: '分類なし', en: 'uncategorised' },
};
