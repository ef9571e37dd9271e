// A disclosure request (APPI art. 33): everything the school holds about one student, as JSON of a
// documented shape (export-types.ts) and as a readable document (export-document.ts). Admins only;
// the export reads every record kind, confidential notes included, and audits each kind as read.
import { RECORD_KINDS } from '../../access/policy.ts';
import type { StaffMember } from '../../domain/staff.ts';
import { parseCategories } from '../../domain/school.ts';
import { createAuditLog } from '../../store/audit-repository.ts';
import { allMemoryRows } from '../../store/records-rights/memory-rows.ts';
import { loadStudentRecords, staffDisplayNames, type StudentRecords } from '../../store/records-rights/student-records.ts';
import { listStudents } from '../../store/student-repository.ts';
import type { ServiceContext } from '../context.ts';
import { authoriseRecordsRights, RECORDS_RIGHTS_INTENTS } from './authorise.ts';
import { RecordsRightsError, show } from './errors.ts';
import type { StaffRef, StudentExport } from './export-types.ts';
import { memoryMentions, withoutOtherStudents } from './memory-mentions.ts';

export type { StudentExport } from './export-types.ts';

const iso = (d: Date) => d.toISOString();

function staffIds(r: StudentRecords): string[] {
  return [
    ...(r.student.homeroomId ? [r.student.homeroomId] : []),
    ...r.observations.flatMap((o) => [o.authorId, ...o.revisions.flatMap((v) => (v.replacedById ? [v.replacedById] : []))]),
    ...r.supportPlans.flatMap((p) => [p.ownerId, ...p.actions.map((a) => a.actorId)]),
    ...r.corrections.map((c) => c.correctedBy),
  ];
}

async function memoriesAbout(ctx: ServiceContext, r: StudentRecords): Promise<StudentExport['conversationMemory']> {
  const recordIds = new Set([...r.observations.map((o) => o.id), ...r.supportPlans.flatMap((p) => [p.id, ...p.actions.map((a) => a.id)])]);
  const target = { ...r.student, recordIds };
  const others = new Set((await listStudents(ctx.db, 'all')).map((s) => s.id).filter((id) => id !== r.student.id));
  return (await allMemoryRows(ctx.db))
    .filter((row) => memoryMentions(row.state, target))
    .map((row) => ({ key: row.key, staffId: row.staffId, updatedAt: iso(row.updatedAt), expiresAt: iso(row.expiresAt), state: withoutOtherStudents(row.state, others) }));
}

export async function exportStudent(ctx: ServiceContext, actor: StaffMember, studentId: string): Promise<StudentExport> {
  const intent = RECORDS_RIGHTS_INTENTS.export;
  await authoriseRecordsRights(ctx, actor, { action: 'read', intent, studentId });
  const r = await loadStudentRecords(ctx.db, studentId);
  if (!r) throw new RecordsRightsError('unknown_student', `no student with student_no ${show(studentId)}`, { studentId });
  const names = await staffDisplayNames(ctx.db, staffIds(r));
  const ref = (id: string): StaffRef => ({ staffId: id, name: names.get(id) ?? null });
  const conversationMemory = await memoriesAbout(ctx, r);
  const { student: s } = r;

  const exported: StudentExport = {
    format: 'yorisoi/student-export',
    version: 1,
    exportedAt: iso(ctx.now()),
    exportedBy: actor.id,
    student: {
      studentNo: s.id,
      familyName: s.familyName,
      givenName: s.givenName,
      familyNameKana: s.familyNameKana,
      givenNameKana: s.givenNameKana,
      grade: s.grade,
      classId: s.classId,
      homeroomStaffId: s.homeroomId,
      enrolledOn: s.enrolledOn,
      leftOn: s.leftOn,
      createdAt: iso(s.createdAt),
      updatedAt: iso(s.updatedAt),
    },
    class: r.schoolClass
      ? { id: r.schoolClass.id, grade: r.schoolClass.grade, homeroomTeachers: r.schoolClass.staff.map((sc) => ({ staffId: sc.staff.id, name: `${sc.staff.familyName} ${sc.staff.givenName}` })) }
      : null,
    homeroom: r.homeroom ? { staffId: r.homeroom.id, name: `${r.homeroom.familyName} ${r.homeroom.givenName}` } : s.homeroomId ? ref(s.homeroomId) : null,
    attendance: r.attendance.map((a) => ({ date: a.date, status: a.status, periodsAttended: a.periodsAttended, note: a.note })),
    bigFive: r.bigFive.map(({ assessedOn, instrument, openness, conscientiousness, extraversion, agreeableness, neuroticism }) => ({ assessedOn, instrument, openness, conscientiousness, extraversion, agreeableness, neuroticism })),
    competencies: r.competencies.map(({ assessedOn, competency, score, rater }) => ({ assessedOn, competency, score, rater })),
    environment: r.environment.map(({ assessedOn, factor, value, note }) => ({ assessedOn, factor, value, note })),
    observations: r.observations.map((o) => ({
      id: o.id,
      observedAt: iso(o.observedAt),
      author: ref(o.authorId),
      text: o.text,
      categories: parseCategories(o.categories),
      setting: o.setting,
      mood: o.mood,
      concern: o.concern,
      visibility: o.visibility,
      source: o.source,
      importKey: o.importKey,
      version: o.version,
      createdAt: iso(o.createdAt),
      updatedAt: iso(o.updatedAt),
      revisions: o.revisions.map((v) => ({
        version: v.version,
        text: v.text,
        categories: parseCategories(v.categories),
        setting: v.setting,
        mood: v.mood,
        concern: v.concern,
        visibility: v.visibility,
        replacedBy: v.replacedById ? ref(v.replacedById) : null,
        replacedAt: iso(v.replacedAt),
        reason: v.reason,
      })),
    })),
    supportPlans: r.supportPlans.map((p) => ({
      id: p.id,
      startedOn: p.startedOn,
      tier: p.tier,
      goal: p.goal,
      strategy: p.strategy,
      owner: ref(p.ownerId),
      reviewOn: p.reviewOn,
      status: p.status,
      outcome: p.outcome,
      createdAt: iso(p.createdAt),
      updatedAt: iso(p.updatedAt),
      actions: p.actions.map((a) => ({ id: a.id, actedOn: a.actedOn, actor: ref(a.actorId), description: a.description, outcome: a.outcome, createdAt: iso(a.createdAt) })),
    })),
    corrections: r.corrections.map((c) => ({ kind: c.kind, recordKey: c.recordKey, field: c.field, before: c.before, after: c.after, reason: c.reason, correctedBy: ref(c.correctedBy), correctedAt: iso(c.correctedAt) })),
    auditEvents: r.auditEvents.map((e) => ({ at: iso(e.at), actorId: e.actorId, action: e.action, kind: e.kind, intent: e.intent, result: e.result, reason: e.reason })),
    conversationMemory,
  };
  // Audited after the read, so the export lists the accesses before it; one row per record kind.
  await createAuditLog(ctx, ctx.now).recordMany(RECORD_KINDS.map((kind) => ({ actorId: actor.id, studentId, action: 'read' as const, kind, intent, result: 'allowed' as const })));
  return exported;
}
