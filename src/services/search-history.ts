// Case-history search (issue 4, item 6): "高橋さんの10月の家庭訪問の記録", "notes by the SC
// mentioning games". Finds the observations the asker may see whose text contains every
// keyword, narrowed by period, author and setting, newest first.
//
// Access, and what is audited:
// - A named student (or the conversation's student in focus): one guard.check (read,
//   observation) before the search. A name outside the asker's scope resolves to nothing and is
//   audited as a denial by resolveStudent; the answer is the same neutral 'none' as for a name
//   that matches nobody.
// - No student named: the query covers only the asker's scope (scopeClassIds, the policy's own
//   answer). The students whose notes come back are decided and audited in one checkMany
//   (read, observation), before any row is returned; a student denied there is dropped. A search
//   that finds nothing writes no audit row: no student's record was disclosed, and the guard has
//   no student-less "search" entry (it would need an AccessGuard method; see the report).
// - Every row also passes mayReadObservation: confidential notes only for counselor and admin,
//   the nurse only health and safeguarding notes, authors always their own.
import { mayReadObservation, scopeClassIds, type StaffMember } from '../access/policy.ts';
import { parseCategories, type Role } from '../domain/school.ts';
import { schoolDateOf } from '../domain/dates.ts';
import { normaliseJapanese } from '../domain/names.ts';
import { searchObservations, searchTerms, type ObservationSearchRow } from '../store/observation-search-repository.ts';
import { findStudent, listStudents, type StudentIdentity } from '../store/student-repository.ts';
import type { ServiceContext } from './context.ts';
import { resolveStudent } from './resolve-student.ts';

/** The settings an observation may record (the intent's SETTINGS; repeated to keep services free of the engine). */
export type SearchSetting = 'classroom' | 'nurse_office' | 'separate_room' | 'home_visit' | 'phone' | 'online' | 'counseling' | 'other';

export interface SearchHistoryRequest {
  /** Words naming the student, resolved among the students the asker may see. Pass it only when the message names a student. */
  studentText?: string;
  /** The conversation's student in focus, used when `studentText` is absent. */
  focusStudentId?: string;
  keywords: readonly string[];
  /** School dates, both ends inclusive. */
  period?: { from: string; to: string };
  /** A staff name or role as written: 「石井先生」, "SC", 「保健室の先生」, "homeroom". */
  author?: string;
  setting?: SearchSetting;
}

export interface SearchAuthor {
  id: string;
  familyName: string;
  givenName: string;
  role: Role;
}

export interface SearchHit {
  id: string;
  /** School date (Asia/Tokyo) of the observation. */
  date: string;
  observedAt: Date;
  student: StudentIdentity;
  author?: SearchAuthor;
  setting: string | null;
  concern: 'none' | 'urgent';
  /** The whole note, for callers that quote it (the LLM engine). */
  text: string;
  /** About EXCERPT_LENGTH characters around the first keyword found, on one line. */
  excerpt: string;
}

export interface SearchFilters {
  /** The keywords searched, after dropping empty ones and the student's own name. */
  keywords: string[];
  period?: { from: string; to: string };
  /** The author as written and the staff it resolved to (empty: nobody matched). */
  author?: { text: string; role?: AuthorRole; staff: SearchAuthor[] };
  setting?: SearchSetting;
}

export type AuthorRole = 'homeroom' | Role;

export type SearchHistoryResult =
  | { kind: 'none' }
  | { kind: 'ambiguous'; candidates: StudentIdentity[] }
  | {
      kind: 'results';
      /** The student searched, when the request named one. */
      student?: StudentIdentity;
      /** Newest first, at most MAX_RESULTS. */
      results: SearchHit[];
      filters: SearchFilters;
      /** More notes match than `results` holds. */
      truncated: boolean;
    };

/** Hits returned at most; the reply shows the first ten. */
export const MAX_RESULTS = 50;
/** Rows fetched per query, and at most this many pages, so a search never reads without end. */
const PAGE = 200;
const MAX_PAGES = 10;
export const EXCERPT_LENGTH = 120;

/**
 * Words that name a setting in notes. With a setting filter, a note whose setting was never
 * recorded (every imported note) matches when its text says one of these, so an imported
 * 「家庭訪問。本人は…」 is found by a search for home visits.
 */
const SETTING_WORDS: Record<SearchSetting, string[]> = {
  classroom: ['教室で', '授業中', 'classroom'],
  nurse_office: ['保健室', "nurse's office", 'nurse’s office', 'sick bay'],
  separate_room: ['別室', 'separate room'],
  home_visit: ['家庭訪問', 'home visit'],
  phone: ['電話', 'phone call', 'by phone', 'on the phone', 'phoned'],
  online: ['オンライン', 'online'],
  counseling: ['面談', 'カウンセリング', 'counseling', 'counselling'],
  other: [],
};

export async function searchHistory(ctx: ServiceContext, staff: StaffMember, request: SearchHistoryRequest, intent: string): Promise<SearchHistoryResult> {
  let student: StudentIdentity | undefined;
  if (request.studentText !== undefined && request.studentText.trim() !== '') {
    const resolution = await resolveStudent(ctx, staff, request.studentText, intent);
    if (resolution.kind !== 'found') return resolution;
    student = resolution.student;
  } else if (request.focusStudentId !== undefined) {
    const focus = await findStudent(ctx.db, request.focusStudentId);
    if (!focus) return { kind: 'none' };
    student = focus;
  }

  if (student) {
    const decision = await ctx.guard.check({ staff, action: 'read', student, kind: 'observation', intent });
    if (!decision.allowed) return { kind: 'none' };
  }

  const scope = scopeClassIds(staff);
  const inScope = student ? [student] : scope === 'all' ? undefined : await listStudents(ctx.db, scope);
  const author = request.author?.trim() ? await resolveAuthor(ctx, request.author, student, scope) : undefined;
  const keywords = searchTerms(request.keywords).filter((k) => !(student && namesStudent(k, student)) && !(request.author && sameWords(k, request.author)));
  const filters: SearchFilters = { keywords, period: request.period, author, setting: request.setting };
  const empty = { kind: 'results' as const, student, results: [], filters, truncated: false };
  if (inScope?.length === 0 || author?.staff.length === 0) return empty;

  const { rows, more } = await fetchVisible(ctx, staff, {
    studentIds: inScope?.map((s) => s.id),
    terms: keywords,
    from: request.period ? new Date(`${request.period.from}T00:00:00.000+09:00`) : undefined,
    to: request.period ? new Date(`${request.period.to}T23:59:59.999+09:00`) : undefined,
    authorIds: author?.staff.map((s) => s.id),
    setting: request.setting,
    settingMentions: request.setting ? SETTING_WORDS[request.setting] : undefined,
  });
  if (rows.length === 0) return empty;

  const students = new Map((student ? [student] : (inScope ?? (await studentsById(ctx, [...new Set(rows.map((r) => r.studentId))])))).map((s) => [s.id, s]));
  let shown = rows.filter((r) => students.has(r.studentId));
  if (!student) {
    // The students whose notes are about to be returned: one decision each, one audit write.
    const ids = [...new Set(shown.map((r) => r.studentId))];
    const decisions = await ctx.guard.checkMany(ids.map((id) => ({ staff, action: 'read' as const, student: students.get(id)!, kind: 'observation' as const, intent })));
    const allowed = new Set(ids.filter((_, i) => decisions[i]!.allowed));
    shown = shown.filter((r) => allowed.has(r.studentId));
  }

  const authors = await staffById(ctx, [...new Set(shown.map((r) => r.authorId))]);
  const results = shown.map((r): SearchHit => ({
    id: r.id,
    date: schoolDateOf(r.observedAt),
    observedAt: r.observedAt,
    student: students.get(r.studentId)!,
    author: authors.get(r.authorId),
    setting: r.setting,
    concern: r.concern === 'urgent' ? 'urgent' : 'none',
    text: r.text,
    excerpt: excerptAround(r.text, keywords),
  }));
  return { kind: 'results', student, results, filters, truncated: more };
}

type Query = Omit<Parameters<typeof searchObservations>[2], 'limit' | 'before'>;

/** Pages through matches newest first, keeping the rows the asker may read, until MAX_RESULTS. */
async function fetchVisible(ctx: ServiceContext, staff: StaffMember, query: Query): Promise<{ rows: ObservationSearchRow[]; more: boolean }> {
  const visible: ObservationSearchRow[] = [];
  let before: { observedAt: Date; id: string } | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const rows = await searchObservations(ctx.db, ctx.provider, { ...query, before, limit: PAGE });
    for (const r of rows) {
      const facts = { authorId: r.authorId, visibility: r.visibility === 'confidential' ? ('confidential' as const) : ('team' as const), categories: parseCategories(r.categories) };
      if (mayReadObservation(staff, facts)) visible.push(r);
    }
    if (visible.length > MAX_RESULTS) return { rows: visible.slice(0, MAX_RESULTS), more: true };
    if (rows.length < PAGE) return { rows: visible, more: false };
    const last = rows[rows.length - 1]!;
    before = { observedAt: last.observedAt, id: last.id };
  }
  // Read as far as a search may: there may be more.
  return { rows: visible.slice(0, MAX_RESULTS), more: true };
}

/** Only the students a whole-school search found (listing a 5,000-student school costs ~35 ms). */
async function studentsById(ctx: ServiceContext, ids: readonly string[]): Promise<StudentIdentity[]> {
  return ctx.db.student.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, familyName: true, givenName: true, familyNameKana: true, givenNameKana: true, grade: true, classId: true, enrolledOn: true },
  });
}

async function staffById(ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, SearchAuthor>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.staff.findMany({ where: { id: { in: [...ids] } }, select: { id: true, familyName: true, givenName: true, role: true } });
  return new Map(rows.map((r) => [r.id, { ...r, role: r.role as Role }]));
}

// --- Authors -----------------------------------------------------------------------------------

/** Role words, compared after normalising and removing a trailing honorific and 「の」. */
const ROLE_WORDS: [AuthorRole, string[]][] = [
  ['subject_teacher', ['教科担任', '教科', '教科の先生', 'subject teacher', 'subject']],
  ['homeroom', ['担任', '学級担任', 'クラス担任', 'homeroom', 'homeroom teacher', 'form teacher', 'class teacher', 'form tutor']],
  ['counselor', ['sc', 'スクールカウンセラー', 'カウンセラー', 'counselor', 'counsellor', 'school counselor', 'school counsellor', 'the counselor', 'the counsellor']],
  ['nurse', ['養護教諭', '養護', '保健室', '保健', 'nurse', 'school nurse', 'the nurse']],
  ['admin', ['管理職', '校長', '教頭', '副校長', 'admin', 'principal', 'vice principal', 'head teacher', 'headteacher', 'the principal']],
];

/** Lower-case NFKC with single spaces, without honorifics and titles. */
function plainName(text: string): string {
  let s = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  s = s.replace(/^(?:mr|mrs|ms|miss|dr)\.?\s+/, '');
  s = s.replace(/(?:\s*-?\s*(?:sensei|san)|先生|せんせい|さん|様|氏)$/u, '').trim();
  return s.replace(/の$/, '').trim();
}

function roleOf(text: string): AuthorRole | undefined {
  const plain = plainName(text);
  for (const [role, words] of ROLE_WORDS) if (words.includes(plain)) return role;
  return undefined;
}

async function resolveAuthor(ctx: ServiceContext, text: string, student: StudentIdentity | undefined, scope: string[] | 'all'): Promise<NonNullable<SearchFilters['author']>> {
  const staff = await ctx.db.staff.findMany({ select: { id: true, familyName: true, givenName: true, role: true, classes: { select: { classId: true, relation: true } } }, orderBy: { id: 'asc' } });
  const pick = (keep: (s: (typeof staff)[number]) => boolean): SearchAuthor[] =>
    staff.filter(keep).map((s) => ({ id: s.id, familyName: s.familyName, givenName: s.givenName, role: s.role as Role }));

  const role = roleOf(text);
  if (role === 'homeroom') {
    // The homeroom teachers of the student searched, else of the classes in the asker's scope.
    const classes = student ? [student.classId] : scope;
    const homeroomId = student ? await homeroomOf(ctx, student.id) : undefined;
    return {
      text,
      role,
      staff: pick((s) => s.id === homeroomId || s.classes.some((c) => c.relation === 'homeroom' && (classes === 'all' || classes.includes(c.classId)))),
    };
  }
  if (role) return { text, role, staff: pick((s) => s.role === role) };

  const plain = plainName(text);
  if ([...plain].length > NAME_MAX) return { text, staff: [] };
  const wanted = normaliseJapanese(plain);
  return {
    text,
    staff: pick((s) => {
      const family = normaliseJapanese(s.familyName);
      const given = normaliseJapanese(s.givenName);
      return wanted === family || wanted === given || wanted === family + given;
    }),
  };
}

async function homeroomOf(ctx: ServiceContext, studentId: string): Promise<string | undefined> {
  const row = await ctx.db.student.findUnique({ where: { id: studentId }, select: { homeroomId: true } });
  return row?.homeroomId ?? undefined;
}

// --- Keywords and excerpts ----------------------------------------------------------------------

/** Longer than any name or role word: not worth normalising (a 10,000-character message is slow to fold). */
const NAME_MAX = 40;
const short = (s: string) => [...s].length <= NAME_MAX;

function sameWords(a: string, b: string): boolean {
  return short(a) && short(b) && normaliseJapanese(plainName(a)) === normaliseJapanese(plainName(b));
}

/** A keyword that is only the student's name (「高橋」, 「蓮くん」) would demand the name in the note. */
function namesStudent(keyword: string, student: StudentIdentity): boolean {
  if (!short(keyword)) return false;
  const k = normaliseJapanese(keyword.replace(/(?:さん|くん|君|ちゃん|氏|様)$/u, ''));
  const forms = [student.familyName, student.givenName, student.familyName + student.givenName, student.familyNameKana, student.givenNameKana, student.familyNameKana + student.givenNameKana];
  return forms.some((f) => normaliseJapanese(f) === k);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * About `length` characters of the note around the first keyword it contains (case-insensitive),
 * on one line, with … where it was cut. Without a keyword found, the note's beginning.
 */
export function excerptAround(text: string, keywords: readonly string[], length = EXCERPT_LENGTH): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= length) return chars.join('');
  const line = chars.join('');
  let at = -1;
  for (const k of keywords) {
    const m = new RegExp(escapeRegExp(k.replace(/\s+/g, ' ')), 'iu').exec(line);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  // The match position in code points, and a window that starts a little before it.
  const startAt = at < 0 ? 0 : [...line.slice(0, at)].length;
  let start = Math.max(0, startAt - Math.floor(length / 3));
  start = Math.min(start, chars.length - length);
  const end = start + length;
  return `${start > 0 ? '…' : ''}${chars.slice(start, end).join('')}${end < chars.length ? '…' : ''}`;
}
