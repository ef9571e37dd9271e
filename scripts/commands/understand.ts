// `npm run cli -- understand < cases.jsonl`: the offline engine's understanding, for evaluation.
// Reads one JSON object a line, {"as": "<staff_id>", "text": "..."}, and writes one line for each:
// {"intent", "student": "<student_no>" | null, "candidates": [...], "categories": [...], "concern"}.
// The student is resolved as in the chat: among the students that staff member may see, so an
// ambiguous name gives candidates and a name out of scope gives none (and is audited).
import { createInterface } from 'node:readline';
import type { CliCommand } from '../cli.ts';
import { mentionsSafeguardingConcern } from '../../src/analysis/safeguarding.ts';
import type { StaffMember } from '../../src/domain/staff.ts';
import type { Intent } from '../../src/engine/intent.ts';
import { understandOffline } from '../../src/engine/offline/understand.ts';
import { serviceContext, type ServiceContext } from '../../src/services/context.ts';
import { resolveStudent } from '../../src/services/resolve-student.ts';
import { openDatabase } from '../../src/store/database.ts';
import { findStaffMember } from '../../src/store/staff-repository.ts';

export interface Understood {
  intent: Intent['type'];
  student: string | null;
  candidates: string[];
  categories: string[];
  concern: 'urgent' | 'none';
}

/** Intents about one student: their text names the student, resolved by the services. */
const ABOUT_A_STUDENT = new Set<Intent['type']>(['ask_about_student', 'suggest_support', 'log_observation', 'record_support_action', 'search_history', 'audit_query', 'records_request']);

/** One message understood as the offline engine would, with the student resolved for `staff`. */
export async function understandFor(services: ServiceContext, staff: StaffMember, text: string): Promise<Understood & { parsed: Intent }> {
  const parsed = understandOffline(text, { now: services.now(), awaitingChoice: false, awaitingConfirmation: false });
  let student: string | null = null;
  let candidates: string[] = [];
  if (ABOUT_A_STUDENT.has(parsed.type) && 'text' in parsed) {
    const resolution = await resolveStudent(services, staff, parsed.text, parsed.type);
    if (resolution.kind === 'found') student = resolution.student.id;
    if (resolution.kind === 'ambiguous') candidates = resolution.candidates.map((c) => c.id);
  }
  const draft = parsed.type === 'log_observation' ? parsed.draft : undefined;
  return {
    intent: parsed.type,
    student,
    candidates,
    categories: draft ? [...draft.categories] : [],
    concern: draft ? draft.concern : mentionsSafeguardingConcern(text) ? 'urgent' : 'none',
    parsed,
  };
}

export const run: CliCommand = async (args, { config, stdout, stderr }) => {
  if (args.length > 0) {
    stderr.write('usage: npm run cli -- understand < cases.jsonl   (one {"as": "<staff_id>", "text": "..."} a line)\n');
    return 2;
  }
  // The services as app.ts wires them, without the chat engine: understanding needs no replies.
  const database = await openDatabase(config.databaseUrl);
  const services = serviceContext(database, config.now);
  const staffCache = new Map<string, StaffMember | undefined>();
  let lineNo = 0;
  let failures = 0;
  try {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      lineNo += 1;
      if (!line.trim()) continue;
      let input: unknown;
      try {
        input = JSON.parse(line);
      } catch {
        failures += 1;
        stdout.write(`${JSON.stringify({ error: `line ${lineNo}: not valid JSON` })}\n`);
        continue;
      }
      const { as, text } = (input ?? {}) as { as?: unknown; text?: unknown };
      if (typeof as !== 'string' || typeof text !== 'string') {
        failures += 1;
        stdout.write(`${JSON.stringify({ error: `line ${lineNo}: expected {"as": "<staff_id>", "text": "..."}` })}\n`);
        continue;
      }
      if (!staffCache.has(as)) staffCache.set(as, await findStaffMember(database.db, as));
      const staff = staffCache.get(as);
      if (!staff) {
        failures += 1;
        stdout.write(`${JSON.stringify({ error: `line ${lineNo}: no staff member with id ${as}` })}\n`);
        continue;
      }
      const { parsed: _parsed, ...understood } = await understandFor(services, staff, text);
      stdout.write(`${JSON.stringify(understood)}\n`);
    }
    // Error lines keep the output aligned with the input; the run itself succeeded.
    if (failures > 0) stderr.write(`${failures} line(s) could not be understood; see the error lines.\n`);
    return 0;
  } finally {
    await database.close();
  }
};
