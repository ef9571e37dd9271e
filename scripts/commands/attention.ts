// `npm run cli -- attention [--as <staff_id>] [--json]`: the students in the asker's scope who
// need attention now, most pressing first, each with its reason.
import { parseArgs } from 'node:util';
import type { CliCommand } from '../cli.ts';
import { openApp } from '../../src/app.ts';
import { attentionList } from '../../src/services/student-analysis.ts';
import { attentionReason, composeAttention } from '../../src/engine/compose/attention.ts';
import { resolveCliStaff } from './cli-staff.ts';

export const run: CliCommand = async (args, { config, stdout, stderr }) => {
  const { values } = parseArgs({ args, options: { as: { type: 'string' }, json: { type: 'boolean', default: false }, lang: { type: 'string', default: 'ja' } } });
  const language = values.lang === 'en' ? 'en' : 'ja';
  const app = await openApp(config);
  try {
    const staff = await resolveCliStaff(app, values.as, stderr);
    if (!staff) return 2;
    const { items, inScope } = await attentionList(app.services, staff, 'list_attention');
    if (values.json) {
      const rows = items.map((i) => ({
        student: i.student.id,
        classId: i.student.classId,
        tier: i.tier.tier,
        urgent: i.urgent,
        trend: i.attendance.trend,
        absenceRate: i.attendance.absenceRate,
        patterns: i.attendance.patterns.map((p) => p.code),
        reason: attentionReason(i, language),
      }));
      stdout.write(`${JSON.stringify({ asker: staff.id, inScope, students: rows }, null, 2)}\n`);
    } else {
      stdout.write(`${composeAttention(items, inScope, language).text}\n`);
    }
    return 0;
  } finally {
    await app.close();
  }
};
