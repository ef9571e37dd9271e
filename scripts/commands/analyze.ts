// `npm run cli -- analyze <student_no> [--as <staff_id>] [--json]`: what the analysis engine sees
// in one student's records. Runs as a staff member (default: the first admin), through the same
// access policy and audit as the chat.
import { parseArgs } from 'node:util';
import type { CliCommand } from '../cli.ts';
import { openApp } from '../../src/app.ts';
import { findStudent } from '../../src/store/student-repository.ts';
import { analyseStudentFor } from '../../src/services/student-analysis.ts';
import { AccessDeniedError } from '../../src/access/guard.ts';
import { composeStudentOverview } from '../../src/engine/compose/student-overview.ts';
import { composeSuggestions } from '../../src/engine/compose/suggestions.ts';
import { studentOverview } from '../../src/services/ask-about-student.ts';
import { resolveCliStaff } from './cli-staff.ts';

export const run: CliCommand = async (args, { config, stdout, stderr }) => {
  const { values, positionals } = parseArgs({
    args,
    options: { as: { type: 'string' }, json: { type: 'boolean', default: false }, lang: { type: 'string', default: 'ja' } },
    allowPositionals: true,
  });
  const studentNo = positionals[0];
  const language = values.lang === 'en' ? 'en' : 'ja';
  if (!studentNo || positionals.length > 1) {
    stderr.write('usage: npm run cli -- analyze <student_no> [--as <staff_id>] [--json] [--lang ja|en]\n');
    return 2;
  }
  const app = await openApp(config);
  try {
    const staff = await resolveCliStaff(app, values.as, stderr);
    if (!staff) return 2;
    const student = await findStudent(app.database.db, studentNo);
    if (!student) {
      stderr.write(`No student with student_no ${studentNo}.\n`);
      return 1;
    }
    try {
      if (values.json) {
        const { analysis } = await analyseStudentFor(app.services, staff, student, 'analyze');
        stdout.write(`${JSON.stringify(analysis, null, 2)}\n`);
      } else {
        const overview = await studentOverview(app.services, staff, student, 'analyze');
        stdout.write(`${composeStudentOverview(overview, language).text}\n\n${composeSuggestions(student, overview.analysis, language).text}\n`);
      }
      return 0;
    } catch (error) {
      if (error instanceof AccessDeniedError) {
        stderr.write(`${staff.id} may not see ${studentNo}'s records (${error.reason}); the attempt is audited.\n`);
        return 1;
      }
      throw error;
    }
  } finally {
    await app.close();
  }
};
