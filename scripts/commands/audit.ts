// `npm run cli -- audit --student <student_no> | --staff <staff_id> [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--json] [--lang ja|en] --as <admin_id>`
// The audit trail for admins: every audit event about one student (who read or changed their
// records) or by one staff member (what they read), newest first, times in Asia/Tokyo, with a
// short summary (who, how many times, when last). Runs through the same service as the chat
// question: only admins may see it, anyone else is refused, and both the read and the refusal
// are themselves audited (kind 'audit').
// Exit status: 0 shown, 1 refused (not an admin), 2 bad arguments (unknown student, staff or
// --as, a date that is not YYYY-MM-DD, both or neither of --student/--staff).
import { parseArgs } from 'node:util';
import type { CliCommand } from '../cli.ts';
import { openApp } from '../../src/app.ts';
import { isIsoDate } from '../../src/domain/dates.ts';
import { schoolTimeIso, schoolTimeLabel, summaryLine, trailTitle } from '../../src/engine/compose/audit.ts';
import { auditTrail, MAX_AUDIT_EVENTS, type AuditEvent, type AuditTrail } from '../../src/services/audit-query.ts';
import { findStaffMember } from '../../src/store/staff-repository.ts';

const USAGE = 'usage: npm run cli -- audit --student <student_no> | --staff <staff_id> [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--json] [--lang ja|en] --as <admin_id>\n';

/** Columns line up in a terminal: CJK characters take two cells. */
function cells(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return n;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => cells(r[i]!))));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - cells(c)))).join('  ').trimEnd());
}

const actorName = (e: AuditEvent) => (e.actor ? `${e.actor.familyName} ${e.actor.givenName}` : '');

function eventsTable(events: readonly AuditEvent[]): string[] {
  const header = ['time (JST)', 'actor', 'name', 'student', 'action', 'kind', 'intent', 'result', 'reason'];
  return table([header, ...events.map((e) => [schoolTimeLabel(e.at), e.actorId, actorName(e) || '-', e.studentId ?? '-', e.action, e.kind, e.intent, e.result, e.reason ?? ''])]);
}

function asJson(asker: string, trail: AuditTrail): unknown {
  const name = (s: { familyName: string; givenName: string } | undefined) => (s ? `${s.familyName} ${s.givenName}` : null);
  return {
    asker,
    student: trail.student ? { id: trail.student.id, name: name(trail.student), classId: trail.student.classId } : null,
    staff: trail.staff ? { id: trail.staff.id, name: name(trail.staff), role: trail.staff.role } : null,
    since: trail.from ?? null,
    until: trail.to ?? null,
    truncated: trail.truncated,
    summary: trail.summary.map((r) =>
      trail.by === 'actor'
        ? { actorId: r.actorId, name: name(r.actor), accesses: r.accesses, denied: r.denied, first: schoolTimeIso(r.first), last: schoolTimeIso(r.last) }
        : { studentId: r.studentId ?? null, name: name(r.student), accesses: r.accesses, denied: r.denied, first: schoolTimeIso(r.first), last: schoolTimeIso(r.last) },
    ),
    events: trail.events.map((e) => ({
      at: schoolTimeIso(e.at),
      actorId: e.actorId,
      actorName: name(e.actor),
      studentId: e.studentId ?? null,
      action: e.action,
      kind: e.kind,
      intent: e.intent,
      result: e.result,
      reason: e.reason ?? null,
    })),
  };
}

function argumentError(args: string[]): string | undefined {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: false });
  } catch (error) {
    return (error as Error).message;
  }
  const v = parsed.values;
  if ((v.student === undefined) === (v.staff === undefined)) return 'give exactly one of --student <student_no> or --staff <staff_id>';
  if (v.since !== undefined && !isIsoDate(v.since)) return `--since must be a date as YYYY-MM-DD (got ${v.since})`;
  if (v.until !== undefined && !isIsoDate(v.until)) return `--until must be a date as YYYY-MM-DD (got ${v.until})`;
  if (v.since !== undefined && v.until !== undefined && v.since > v.until) return `--since ${v.since} is after --until ${v.until}`;
  if (v.lang !== 'ja' && v.lang !== 'en') return `--lang must be ja or en (got ${v.lang})`;
  if (!v.as) return '--as <admin_id> is required: the audit is for admins, and who read it is audited too';
  return undefined;
}

const OPTIONS = {
  student: { type: 'string' },
  staff: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  as: { type: 'string' },
  json: { type: 'boolean', default: false },
  lang: { type: 'string', default: 'ja' },
} as const;

export const run: CliCommand = async (args, { config, stdout, stderr }) => {
  const problem = argumentError(args);
  if (problem) {
    stderr.write(`${problem}\n${USAGE}`);
    return 2;
  }
  const { values } = parseArgs({ args, options: OPTIONS, allowPositionals: false });
  const language = values.lang === 'en' ? 'en' : 'ja';
  const app = await openApp(config);
  try {
    const asker = await findStaffMember(app.database.db, values.as!);
    if (!asker) {
      stderr.write(`No staff member with id ${values.as} (--as). Use an admin's staff id (see staff.csv).\n`);
      return 2;
    }
    const result = await auditTrail(
      app.services,
      asker,
      {
        ...(values.student !== undefined ? { studentId: values.student } : { staffId: values.staff! }),
        ...(values.since ? { from: values.since } : {}),
        ...(values.until ? { to: values.until } : {}),
      },
      'audit_query',
    );
    switch (result.kind) {
      case 'refused':
        stderr.write(`Refused: only admins may see the audit, and ${asker.id} is ${asker.role}. This attempt has been recorded in the audit.\n`);
        return 1;
      case 'student_not_found':
        stderr.write(`No student with student_no ${values.student} (--student).\n`);
        return 2;
      case 'staff_not_found':
        stderr.write(`No staff member with id ${values.staff} (--staff).\n`);
        return 2;
      case 'trail':
        break;
      default:
        // Ids never match several people or nobody silently; a name search is the chat's.
        stderr.write(`${USAGE}`);
        return 2;
    }
    const { trail } = result;
    if (trail.truncated) stderr.write(`More than ${MAX_AUDIT_EVENTS} events: showing the newest ${MAX_AUDIT_EVENTS}. Narrow the period with --since/--until.\n`);
    if (values.json) {
      stdout.write(`${JSON.stringify(asJson(asker.id, trail), null, 2)}\n`);
      return 0;
    }
    const ja = language === 'ja';
    const lines = [trailTitle(trail, language)];
    const total = trail.accesses.length;
    if (trail.events.length === 0) {
      lines.push(ja ? 'この期間のアクセスは記録されていません。' : 'No access was recorded in this period.');
    } else {
      lines.push(
        '',
        trail.by === 'actor'
          ? ja
            ? `■ アクセスした人（${trail.summary.length}人、計${total}回）`
            : `Who accessed them (${trail.summary.length} ${trail.summary.length === 1 ? 'person' : 'people'}, ${total} ${total === 1 ? 'access' : 'accesses'})`
          : ja
            ? `■ 生徒ごと（計${total}回）`
            : `By student (${total} ${total === 1 ? 'access' : 'accesses'} in all)`,
      );
      for (const row of trail.summary) lines.push(`  ${summaryLine(row, trail.by, language)}`);
      lines.push('', ja ? `■ 監査イベント（${trail.events.length}件、新しい順）` : `Audit events (${trail.events.length}, newest first)`, ...eventsTable(trail.events));
    }
    stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await app.close();
  }
};
