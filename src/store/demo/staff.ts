// The staff room: one homeroom teacher per class, subject teachers who each teach several
// classes, counselors, nurses and two admins (principal and vice principal), with fake but
// clearly-demo Slack, Discord and e-mail identities so a newcomer can see how mapping works.
import type { Language, Role } from '../../domain/school.ts';
import type { DemoClass } from './classes.ts';
import { FAMILY_NAME_WEIGHTS, MAN_NAMES, WOMAN_NAMES, type NameEntry } from './names.ts';
import { streamFor } from './random.ts';
import { romanise } from '../../domain/names.ts';

export interface DemoStaff {
  id: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  gender: 'm' | 'f';
  role: Role;
  /** 担当教科, or the post for staff who teach no subject. */
  subject: string;
  preferredLanguage: Language;
  homeroomClassId?: string;
  taughtClassIds: string[];
  slackUserId: string;
  discordUserId: string;
  email: string;
}

export const DEMO_DEFAULT_STAFF_ID = 'T01';
export const DEMO_EMAIL_DOMAIN = 'demo.example.ed.jp';

const CORE_SUBJECTS = ['国語', '社会', '数学', '理科', '英語'] as const;
const SKILL_SUBJECTS = ['音楽', '美術', '保健体育', '技術・家庭'] as const;
/** A core-subject teacher covers about six classes (3-4 periods each a week), a skill-subject teacher twelve. */
const CORE_LOAD = 6;
const SKILL_LOAD = 12;

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface Draft {
  prefix: 'T' | 'C' | 'N' | 'A';
  role: Role;
  subject: string;
  homeroomClassId?: string;
  taughtClassIds: string[];
}

export function buildStaff(seed: number, classes: readonly DemoClass[], defaultClassId: string, students: number): DemoStaff[] {
  const drafts: Draft[] = [];
  const ordered = [...classes.filter((c) => c.id === defaultClassId), ...classes.filter((c) => c.id !== defaultClassId)];
  const grades = [...new Set(classes.map((c) => c.grade))];
  const subjectRng = streamFor(seed, 'staff-subjects');

  // Homeroom teachers also teach their subject in the neighbouring class of their grade, where
  // the access policy treats them as a subject teacher.
  for (const c of ordered) {
    const sameGrade = classes.filter((k) => k.grade === c.grade);
    const neighbour = sameGrade.length > 1 ? sameGrade[c.number % sameGrade.length] : undefined;
    drafts.push({
      prefix: 'T',
      role: 'homeroom_teacher',
      subject: subjectRng.pick([...CORE_SUBJECTS, ...SKILL_SUBJECTS]),
      homeroomClassId: c.id,
      taughtClassIds: neighbour ? [neighbour.id] : [],
    });
  }
  for (const grade of grades) {
    const ids = classes.filter((c) => c.grade === grade).map((c) => c.id);
    for (const subject of CORE_SUBJECTS) {
      for (const group of chunk(ids, CORE_LOAD)) drafts.push({ prefix: 'T', role: 'subject_teacher', subject, taughtClassIds: group });
    }
  }
  for (const subject of SKILL_SUBJECTS) {
    for (const group of chunk(classes.map((c) => c.id), SKILL_LOAD)) drafts.push({ prefix: 'T', role: 'subject_teacher', subject, taughtClassIds: group });
  }
  const counselors = Math.max(1, Math.round(students / 1000));
  const nurses = Math.max(1, Math.round(students / 1500));
  for (let i = 0; i < counselors; i++) drafts.push({ prefix: 'C', role: 'counselor', subject: 'スクールカウンセラー', taughtClassIds: [] });
  for (let i = 0; i < nurses; i++) drafts.push({ prefix: 'N', role: 'nurse', subject: '養護教諭', taughtClassIds: [] });
  drafts.push({ prefix: 'A', role: 'admin', subject: '校長', taughtClassIds: [] });
  drafts.push({ prefix: 'A', role: 'admin', subject: '教頭', taughtClassIds: [] });

  // Two English-preferring staff, so the team's notes come in both languages: the English
  // teacher of the default class (their notes appear in the demo teacher's class) and the
  // homeroom teacher of another class.
  const englishTeacher = drafts.find((d) => d.role === 'subject_teacher' && d.subject === '英語' && d.taughtClassIds.includes(defaultClassId));
  const englishHomeroom = drafts.find((d) => d.role === 'homeroom_teacher' && d.homeroomClassId !== defaultClassId && d.homeroomClassId?.startsWith('1-'));

  const counters: Record<Draft['prefix'], number> = { T: 0, C: 0, N: 0, A: 0 };
  const tWidth = Math.max(2, String(drafts.filter((d) => d.prefix === 'T').length).length);
  const rng = streamFor(seed, 'staff-names');
  const usedNames = new Set<string>();
  return drafts.map((d, index) => {
    counters[d.prefix] += 1;
    const id = `${d.prefix}${String(counters[d.prefix]).padStart(d.prefix === 'T' ? tWidth : 2, '0')}`;
    const gender = rng.chance(d.role === 'nurse' ? 0.9 : 0.45) ? 'f' : 'm';
    let family: NameEntry;
    let given: NameEntry;
    do {
      family = rng.weighted(FAMILY_NAME_WEIGHTS);
      given = rng.pick(gender === 'f' ? WOMAN_NAMES : MAN_NAMES);
    } while (usedNames.has(family.kanji + given.kanji) && usedNames.size < 1000);
    usedNames.add(family.kanji + given.kanji);
    return {
      id,
      familyName: family.kanji,
      givenName: given.kanji,
      familyNameKana: family.kana,
      gender,
      role: d.role,
      subject: d.subject,
      preferredLanguage: d === englishTeacher || d === englishHomeroom ? 'en' : 'ja',
      homeroomClassId: d.homeroomClassId,
      taughtClassIds: d.taughtClassIds,
      slackUserId: `U0DEMO${id}`,
      discordUserId: `99${String(index + 1).padStart(16, '0')}`,
      email: `${romanise(family.kana).toLowerCase()}.${id.toLowerCase()}@${DEMO_EMAIL_DOMAIN}`,
    };
  });
}
