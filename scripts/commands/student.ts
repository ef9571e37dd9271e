// Records rights (APPI) for one student, as an admin:
//   npm run cli -- student export <student_no> --as <admin_id> [--out <dir>] [--json] [--lang ja|en]
//   npm run cli -- student correct <student_no> --as <admin_id> --reason "<why>" <what to correct>
//   npm run cli -- student delete <student_no> --as <admin_id> --confirm <student_no>
// The work is done by src/services/records-rights (the same functions the chat can call), which
// decide who may (admins only) and audit every request, refused ones included.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../cli.ts';
import { openApp } from '../../src/app.ts';
import { AccessDeniedError } from '../../src/access/guard.ts';
import type { StaffMember } from '../../src/domain/staff.ts';
import { findStaffMember } from '../../src/store/staff-repository.ts';
import {
  correctStudentRecords,
  deleteStudent,
  exportStudent,
  RecordsRightsError,
  renderStudentExport,
  type Correction,
  type CorrectionResult,
  type StudentDeletion,
} from '../../src/services/records-rights/index.ts';

const USAGE = `usage: npm run cli -- student export <student_no> --as <admin_id> [--out <dir>] [--json] [--lang ja|en]
       npm run cli -- student correct <student_no> --as <admin_id> --reason "<why>" [profile] [--attendance YYYY-MM-DD ...] [--observation <id> ...]
         profile:      --family-name X --given-name X --family-name-kana X --given-name-kana X --class <id>
                       --enrolled-on YYYY-MM-DD --left-on YYYY-MM-DD|none
         attendance:   --attendance YYYY-MM-DD [--status present|absent|late|early_leave|nurse_office|separate_room|online] [--periods 0-6] [--note TEXT]
         observation:  --observation <id> [--text TEXT] [--visibility team|confidential] [--categories a,b,...]
       npm run cli -- student delete <student_no> --as <admin_id> --confirm <student_no>
`;

const OPTIONS = {
  as: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
  lang: { type: 'string' },
  reason: { type: 'string' },
  confirm: { type: 'string' },
  'family-name': { type: 'string' },
  'given-name': { type: 'string' },
  'family-name-kana': { type: 'string' },
  'given-name-kana': { type: 'string' },
  class: { type: 'string' },
  'enrolled-on': { type: 'string' },
  'left-on': { type: 'string' },
  attendance: { type: 'string' },
  status: { type: 'string' },
  periods: { type: 'string' },
  note: { type: 'string' },
  observation: { type: 'string' },
  text: { type: 'string' },
  visibility: { type: 'string' },
  categories: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

const PROFILE_FLAGS = { 'family-name': 'familyName', 'given-name': 'givenName', 'family-name-kana': 'familyNameKana', 'given-name-kana': 'givenNameKana', class: 'classId', 'enrolled-on': 'enrolledOn', 'left-on': 'leftOn' } as const;
const ATTENDANCE_FLAGS = { status: 'status', periods: 'periodsAttended', note: 'note' } as const;
const OBSERVATION_FLAGS = { text: 'text', visibility: 'visibility', categories: 'categories' } as const;

function changesFrom(values: Values, flags: Record<string, string>): Record<string, string> {
  const changes: Record<string, string> = {};
  for (const [flag, field] of Object.entries(flags)) {
    const value = values[flag as keyof Values];
    if (typeof value === 'string') changes[field] = value;
  }
  return changes;
}

/** The corrections the flags ask for, or a usage problem. */
function correctionsFrom(values: Values): Correction[] | string {
  const corrections: Correction[] = [];
  const profile = changesFrom(values, PROFILE_FLAGS);
  if (Object.keys(profile).length) corrections.push({ kind: 'profile', changes: profile });
  const attendance = changesFrom(values, ATTENDANCE_FLAGS);
  if (values.attendance !== undefined) corrections.push({ kind: 'attendance', date: values.attendance, changes: attendance });
  else if (Object.keys(attendance).length) return '--status, --periods and --note correct an attendance day: add --attendance YYYY-MM-DD';
  const observation = changesFrom(values, OBSERVATION_FLAGS);
  if (values.observation !== undefined) corrections.push({ kind: 'observation', observationId: values.observation, changes: observation });
  else if (Object.keys(observation).length) return '--text, --visibility and --categories correct an observation: add --observation <id>';
  return corrections.length ? corrections : 'name something to correct';
}

function describeCorrection(result: CorrectionResult): string {
  const lines = result.applied.map((a) => {
    const what = a.kind === 'profile' ? 'profile' : a.kind === 'attendance' ? `attendance ${a.recordKey}` : `observation ${a.recordKey} (now version ${a.version})`;
    const urgent = a.urgent ? '\n  the corrected note mentions a safeguarding concern: it is now urgent; make sure the counselor knows' : '';
    return `  ${what}: ${a.fields.join(', ')}${urgent}`;
  });
  return `Corrected ${result.studentId}; the earlier values are kept in the record's history:\n${lines.join('\n')}\n`;
}

function describeDeletion(d: StudentDeletion): string {
  const { auditEventsAnonymised, ...rows } = d.deleted;
  const counts = Object.entries(rows).filter(([, n]) => n > 0).map(([kind, n]) => `${kind} ${n}`);
  return [
    `Deleted ${d.studentId} and every record about them: ${counts.join(', ')}.`,
    `${auditEventsAnonymised} audit events kept without the student number, and the deletion recorded.`,
    ...(d.erasedFromFile ? [] : ['The database file could not be compacted yet (another process is reading it); it will be at the next checkpoint.']),
  ].join('\n') + '\n';
}

async function exportTo(out: string | undefined, studentNo: string, json: string, document: string, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream, asJson: boolean): Promise<void> {
  if (out === undefined) {
    stdout.write(asJson ? json : document);
    return;
  }
  mkdirSync(out, { recursive: true });
  // Readable by the admin's account only: the files hold everything about a child.
  for (const [file, content] of [[`${studentNo}-export.json`, json], [`${studentNo}-export.md`, document]] as const) {
    const path = join(out, file);
    writeFileSync(path, content, { mode: 0o600 });
    stderr.write(`wrote ${path}\n`);
  }
}

export const run: CliCommand = async (args, { config, stdout, stderr }) => {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [action, studentNo, ...rest] = positionals;
  if (!['export', 'correct', 'delete'].includes(action ?? '') || !studentNo || rest.length > 0) {
    stderr.write(USAGE);
    return 2;
  }
  if (!values.as) {
    stderr.write(`--as <admin_id> is required: records rights are exercised by a named admin.\n${USAGE}`);
    return 2;
  }
  if (values.lang !== undefined && values.lang !== 'ja' && values.lang !== 'en') {
    stderr.write('--lang must be ja or en\n');
    return 2;
  }
  const corrections = action === 'correct' ? correctionsFrom(values) : [];
  if (typeof corrections === 'string') {
    stderr.write(`${corrections}\n${USAGE}`);
    return 2;
  }
  if (action === 'delete' && values.confirm === undefined) {
    stderr.write(`--confirm ${studentNo} is required: type the student number again to delete everything about them.\n`);
    return 2;
  }

  const app = await openApp(config);
  let actor: StaffMember | undefined;
  try {
    actor = await findStaffMember(app.database.db, values.as);
    if (!actor) {
      stderr.write(`No staff member with id ${values.as}. Use --as <admin_id> (see staff.csv).\n`);
      return 2;
    }
    if (action === 'export') {
      const exported = await exportStudent(app.services, actor, studentNo);
      const language = values.lang === 'en' || values.lang === 'ja' ? values.lang : actor.preferredLanguage;
      await exportTo(values.out, studentNo, `${JSON.stringify(exported, null, 2)}\n`, renderStudentExport(exported, language), stdout, stderr, values.json);
    } else if (action === 'correct') {
      stdout.write(describeCorrection(await correctStudentRecords(app.services, actor, studentNo, corrections, values.reason ?? '')));
    } else {
      stdout.write(describeDeletion(await deleteStudent(app.services, actor, studentNo, values.confirm!)));
    }
    return 0;
  } catch (error) {
    if (error instanceof AccessDeniedError) {
      stderr.write(`${actor?.id} may not ${action} student records: only an admin may (the attempt is audited).\n`);
      return 1;
    }
    if (error instanceof RecordsRightsError) {
      stderr.write(`${error.message}\nNothing was changed.\n`);
      return 1;
    }
    throw error;
  } finally {
    await app.close();
  }
};
