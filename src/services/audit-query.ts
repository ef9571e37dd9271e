// The audit trail, for admins (issue 7): who read a student's records, or what one staff member
// read, over a period ("今月、鈴木さんの記録を見たのは誰？", "what did Yamada look at",
// `npm run cli -- audit`). Reading the trail is itself decided by the policy (mayReadAudit) and
// audited through the guard as a read of kind 'audit': anyone else is refused, and the refusal is
// audited too. The subject is resolved first without disclosing anything (a refused asker learns
// neither whether the student exists nor whether the name was ambiguous), so the refusal's audit
// row can still say whose trail was asked for.
import type { StaffMember } from '../access/policy.ts';
import { addDays, schoolLocalTimeToInstant } from '../domain/dates.ts';
import { findMentionedStudents, normaliseJapanese, romajiKey } from '../domain/names.ts';
import type { Role } from '../domain/school.ts';
import { findAuditEvents, type AuditEventRow } from '../store/audit-repository.ts';
import { findStudent, listStudents, type StudentIdentity } from '../store/student-repository.ts';
import type { ServiceContext } from './context.ts';

/** Events read at most for one answer; more are reported as truncated. */
export const MAX_AUDIT_EVENTS = 5_000;

export interface AuditStaff {
  id: string;
  familyName: string;
  givenName: string;
  role: Role;
}

export interface AuditTrailRequest {
  /** The student by number (the CLI). */
  studentId?: string;
  /** Words naming the student (the chat), matched among every student. */
  studentText?: string;
  /** The student in focus in the conversation, used when `studentText` names nobody and no staff member is asked about. */
  focusStudentId?: string;
  /** The staff member by id (the CLI). */
  staffId?: string;
  /** A staff name or id as written: 「山田先生」, "Yamada", "Mr Yamada", T01. */
  staffText?: string;
  /** School dates (Asia/Tokyo), both ends inclusive; either may be left open. */
  from?: string;
  to?: string;
}

export interface AuditEvent {
  id: number;
  at: Date;
  actorId: string;
  /** The actor as a staff member; absent for `platform:...` or `cli:...` actors. */
  actor?: AuditStaff;
  studentId?: string;
  student?: StudentIdentity;
  action: string;
  kind: string;
  intent: string;
  result: string;
  reason?: string;
}

/**
 * One access: the rows a single request wrote for one student (a question about a student reads
 * several kinds of record at once, audited in one write with one time).
 */
export interface AuditAccess {
  at: Date;
  actorId: string;
  actor?: AuditStaff;
  studentId?: string;
  student?: StudentIdentity;
  intent: string;
  actions: string[];
  /** Kinds allowed, then kinds denied. */
  kinds: string[];
  deniedKinds: string[];
  result: 'allowed' | 'partly_denied' | 'denied';
}

/** Accesses counted per actor (a student's trail) or per student (a staff member's trail). */
export interface AuditSummaryRow {
  actorId?: string;
  actor?: AuditStaff;
  /** Per student: the student; absent for accesses that named no student (a search over all, a refusal). */
  studentId?: string;
  student?: StudentIdentity;
  accesses: number;
  /** Accesses in which everything was refused. */
  denied: number;
  first: Date;
  last: Date;
}

export interface AuditTrail {
  student?: StudentIdentity;
  staff?: AuditStaff;
  /** The period asked for (school dates, inclusive); absent ends are open. */
  from?: string;
  to?: string;
  /** Newest first. */
  events: AuditEvent[];
  /** Newest first. */
  accesses: AuditAccess[];
  /** Most accesses first; per actor for a student's trail, per student for a staff member's. */
  summary: AuditSummaryRow[];
  by: 'actor' | 'student';
  /** More events matched than were read (MAX_AUDIT_EVENTS). */
  truncated: boolean;
}

export type AuditTrailResult =
  | { kind: 'refused' }
  /** Neither a student nor a staff member was named. */
  | { kind: 'no_subject' }
  | { kind: 'student_not_found' }
  | { kind: 'student_ambiguous'; candidates: StudentIdentity[] }
  | { kind: 'staff_not_found'; text: string }
  | { kind: 'staff_ambiguous'; candidates: AuditStaff[] }
  | { kind: 'trail'; trail: AuditTrail };

type Resolved<T> = { kind: 'none' } | { kind: 'absent' } | { kind: 'found'; value: T } | { kind: 'ambiguous'; candidates: T[] };

export async function auditTrail(ctx: ServiceContext, asker: StaffMember, request: AuditTrailRequest, intent: string): Promise<AuditTrailResult> {
  const everyone = await listStudents(ctx.db, 'all');
  const staffList = await ctx.db.staff.findMany({ select: { id: true, familyName: true, givenName: true, role: true, email: true }, orderBy: { id: 'asc' } });
  const staffMember = resolveStaff(staffList, request);
  const student = await resolveStudentFor(ctx, everyone, request, staffMember.kind !== 'absent');
  const studentId = student.kind === 'found' ? student.value.id : undefined;

  const outcome = await ctx.guard.readAuditTrail({ staff: asker, intent, ...(studentId ? { studentId } : {}) }, async (): Promise<AuditTrailResult> => {
    if (student.kind === 'none') return { kind: 'student_not_found' };
    if (student.kind === 'ambiguous') return { kind: 'student_ambiguous', candidates: student.candidates };
    if (staffMember.kind === 'none') return { kind: 'staff_not_found', text: request.staffText ?? request.staffId ?? '' };
    if (staffMember.kind === 'ambiguous') return { kind: 'staff_ambiguous', candidates: staffMember.candidates };
    if (student.kind === 'absent' && staffMember.kind === 'absent') return { kind: 'no_subject' };
    const trail = await readTrail(ctx, everyone, staffList, {
      ...(student.kind === 'found' ? { student: student.value } : {}),
      ...(staffMember.kind === 'found' ? { staff: staffMember.value } : {}),
      ...(request.from ? { from: request.from } : {}),
      ...(request.to ? { to: request.to } : {}),
    });
    return { kind: 'trail', trail };
  });
  return outcome.allowed ? outcome.value : { kind: 'refused' };
}

async function resolveStudentFor(ctx: ServiceContext, everyone: StudentIdentity[], request: AuditTrailRequest, staffNamed: boolean): Promise<Resolved<StudentIdentity>> {
  if (request.studentId !== undefined) {
    const student = await findStudent(ctx.db, request.studentId);
    return student ? { kind: 'found', value: student } : { kind: 'none' };
  }
  const text = request.studentText?.trim() ?? '';
  if (text) {
    const byId = new Map(everyone.map((s) => [s.id, s]));
    const candidates = findMentionedStudents(text, everyone)
      .map((m) => byId.get(m.studentId))
      .filter((s): s is StudentIdentity => s !== undefined);
    if (candidates.length === 1) return { kind: 'found', value: candidates[0]! };
    if (candidates.length > 1) return { kind: 'ambiguous', candidates };
    // A name that matches nobody is "not found" only when the message names someone as a student.
    if (namesAStudent(text)) return { kind: 'none' };
  }
  if (!staffNamed && request.focusStudentId) {
    const focus = everyone.find((s) => s.id === request.focusStudentId);
    if (focus) return { kind: 'found', value: focus };
  }
  return { kind: 'absent' };
}

/** 〇〇さん/くん/ちゃん, or "X's records": the message names a student, even one that matches nobody. */
function namesAStudent(text: string): boolean {
  const t = text.normalize('NFKC').replace(/(?:皆|みな|生徒|子供|子ども|お子|保護者|親御)さん/g, '');
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{1,8}(?:さん|くん|君|ちゃん)/u.test(t) || /\b(?!(?:his|her|their|its|my|our|your|the)\b)[A-Za-z]{2,}'s\s+(?:records?|notes?|files?|data|info|information|profile|attendance)\b/i.test(t);
}

type StaffRow = Omit<AuditStaff, 'role'> & { role: string; email: string | null };

/** Lower-case NFKC without honorifics and titles: 「山田先生」 -> 山田, "Mr Yamada" -> yamada, "Yamada-sensei" -> yamada. */
function plainStaffName(text: string): string {
  let s = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  s = s.replace(/^(?:mr|mrs|ms|miss|dr)\.?\s+/, '');
  s = s.replace(/(?:\s*-?\s*(?:sensei|san)|先生|せんせい|さん|様|氏)$/u, '').trim();
  return s;
}

function resolveStaff(staff: readonly StaffRow[], request: AuditTrailRequest): Resolved<AuditStaff> {
  const pick = (rows: readonly StaffRow[]): AuditStaff[] => rows.map(({ id, familyName, givenName, role }) => ({ id, familyName, givenName, role: role as Role }));
  if (request.staffId !== undefined) {
    const found = pick(staff.filter((s) => s.id === request.staffId));
    return found.length ? { kind: 'found', value: found[0]! } : { kind: 'none' };
  }
  const text = request.staffText?.trim();
  if (!text) return { kind: 'absent' };
  const plain = plainStaffName(text);
  if ([...plain].length > 40) return { kind: 'none' };
  const byId = staff.filter((s) => s.id.toLowerCase() === plain);
  const wanted = normaliseJapanese(plain.replace(/[\s・]/g, ''));
  const words = (plain.match(/[a-z]+/g) ?? []).map(romajiKey);
  const matches = byId.length
    ? byId
    : staff.filter((s) => {
        const family = normaliseJapanese(s.familyName);
        const given = normaliseJapanese(s.givenName);
        if (wanted === family || wanted === given || wanted === family + given || wanted === given + family) return true;
        const romaji = s.email?.split('@')[0]?.split(/[._-]/)[0];
        return romaji !== undefined && words.includes(romajiKey(romaji));
      });
  const found = pick(matches);
  if (found.length === 1) return { kind: 'found', value: found[0]! };
  return found.length > 1 ? { kind: 'ambiguous', candidates: found } : { kind: 'none' };
}

interface TrailSubject {
  student?: StudentIdentity;
  staff?: AuditStaff;
  from?: string;
  to?: string;
}

async function readTrail(ctx: ServiceContext, everyone: readonly StudentIdentity[], staffList: readonly StaffRow[], subject: TrailSubject): Promise<AuditTrail> {
  const rows = await findAuditEvents(ctx.db, {
    ...(subject.student ? { studentId: subject.student.id } : {}),
    ...(subject.staff ? { actorId: subject.staff.id } : {}),
    ...(subject.from ? { from: schoolLocalTimeToInstant(`${subject.from}T00:00`) } : {}),
    ...(subject.to ? { before: schoolLocalTimeToInstant(`${addDays(subject.to, 1)}T00:00`) } : {}),
    limit: MAX_AUDIT_EVENTS + 1,
  });
  const truncated = rows.length > MAX_AUDIT_EVENTS;
  const students = new Map(everyone.map((s) => [s.id, s]));
  const staff = new Map(staffList.map(({ id, familyName, givenName, role }) => [id, { id, familyName, givenName, role: role as Role }]));
  const events = rows.slice(0, MAX_AUDIT_EVENTS).map((row) => toEvent(row, staff, students));
  const accesses = groupAccesses(events);
  const by = subject.staff ? 'student' : 'actor';
  return {
    ...subject,
    events,
    accesses,
    summary: summarise(accesses, by),
    by,
    truncated,
  };
}

function toEvent(row: AuditEventRow, staff: ReadonlyMap<string, AuditStaff>, students: ReadonlyMap<string, StudentIdentity>): AuditEvent {
  const actor = staff.get(row.actorId);
  const student = row.studentId ? students.get(row.studentId) : undefined;
  return {
    id: row.id,
    at: row.at,
    actorId: row.actorId,
    ...(actor ? { actor } : {}),
    ...(row.studentId ? { studentId: row.studentId } : {}),
    ...(student ? { student } : {}),
    action: row.action,
    kind: row.kind,
    intent: row.intent,
    result: row.result,
    ...(row.reason ? { reason: row.reason } : {}),
  };
}

/**
 * Rows of one request (same actor, student, intent and time) as one access, newest first. A row's
 * kind may list several kinds, comma-separated (kinds decided together share a row).
 */
function groupAccesses(events: readonly AuditEvent[]): AuditAccess[] {
  const groups = new Map<string, AuditEvent[]>();
  for (const e of events) {
    const key = `${e.actorId}\u0000${e.studentId ?? ''}\u0000${e.intent}\u0000${e.at.getTime()}`;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const access: AuditAccess = {
      at: first.at,
      actorId: first.actorId,
      ...(first.actor ? { actor: first.actor } : {}),
      ...(first.studentId ? { studentId: first.studentId } : {}),
      ...(first.student ? { student: first.student } : {}),
      intent: first.intent,
      actions: [],
      kinds: [],
      deniedKinds: [],
      result: 'allowed',
    };
    // In the order written.
    for (const e of [...group].sort((a, b) => a.id - b.id)) {
      if (!access.actions.includes(e.action)) access.actions.push(e.action);
      const list = e.result === 'denied' ? access.deniedKinds : access.kinds;
      for (const kind of e.kind.split(',')) if (kind && !list.includes(kind)) list.push(kind);
    }
    access.result = access.deniedKinds.length === 0 ? 'allowed' : access.kinds.length === 0 ? 'denied' : 'partly_denied';
    return access;
  });
}

function summarise(accesses: readonly AuditAccess[], by: 'actor' | 'student'): AuditSummaryRow[] {
  const rows = new Map<string, AuditSummaryRow>();
  for (const a of accesses) {
    const key = by === 'actor' ? a.actorId : (a.studentId ?? '');
    let row = rows.get(key);
    if (!row) {
      row =
        by === 'actor'
          ? { actorId: a.actorId, ...(a.actor ? { actor: a.actor } : {}), accesses: 0, denied: 0, first: a.at, last: a.at }
          : { ...(a.studentId ? { studentId: a.studentId } : {}), ...(a.student ? { student: a.student } : {}), accesses: 0, denied: 0, first: a.at, last: a.at };
      rows.set(key, row);
    }
    row.accesses += 1;
    if (a.result === 'denied') row.denied += 1;
    if (a.at < row.first) row.first = a.at;
    if (a.at > row.last) row.last = a.at;
  }
  return [...rows.values()].sort((a, b) => b.accesses - a.accesses || b.last.getTime() - a.last.getTime());
}
