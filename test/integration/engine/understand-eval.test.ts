// The offline engine against the evaluation bar of issue 4: over the shared sample cases and our
// own (test/fixtures/understand-extra.jsonl, varied phrasing in both languages), the intent and the
// student must be right in 95% of cases or more, and every urgent case must be found. Runs the
// same code as `npm run cli -- understand`, in-process, over the imported sample school.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceContext, type ServiceContext } from '../../../src/services/context.ts';
import { importSchool } from '../../../src/store/import/index.ts';
import { findStaffMember } from '../../../src/store/staff-repository.ts';
import { understandFor, type Understood } from '../../../scripts/commands/understand.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { SAMPLE_NOW, SAMPLE_SCHOOL_DIR } from '../../helpers/sample-school.ts';

interface Case {
  as: string;
  text: string;
  expect: { intent: string; student: string | null; candidates?: string[]; categories?: string[]; concern?: 'urgent' | 'none' };
}

const SHARED_CASES = fileURLToPath(new URL('../../../../shared/eval/understand.jsonl', import.meta.url));
const EXTRA_CASES = fileURLToPath(new URL('../../fixtures/understand-extra.jsonl', import.meta.url));

function readCases(path: string): Case[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case);
}

const sorted = (xs: readonly string[] | undefined) => [...(xs ?? [])].sort();

function studentRight(c: Case, got: Understood): boolean {
  if (c.expect.student) return got.student === c.expect.student;
  return got.student === null && JSON.stringify(sorted(got.candidates)) === JSON.stringify(sorted(c.expect.candidates));
}

interface Score {
  total: number;
  intent: number;
  student: number;
  both: number;
  urgent: number;
  urgentFound: number;
  falseAlarms: number;
  categoriesExact: number;
  categoriesTotal: number;
  misses: string[];
}

let database: TestDatabase;
let services: ServiceContext;

beforeAll(async () => {
  database = await createTestDatabase();
  await importSchool(database.db, SAMPLE_SCHOOL_DIR, {});
  services = serviceContext(database, () => SAMPLE_NOW);
});
afterAll(async () => database.destroy());

async function score(cases: readonly Case[]): Promise<Score> {
  const s: Score = { total: cases.length, intent: 0, student: 0, both: 0, urgent: 0, urgentFound: 0, falseAlarms: 0, categoriesExact: 0, categoriesTotal: 0, misses: [] };
  for (const c of cases) {
    const staff = await findStaffMember(database.db, c.as);
    if (!staff) throw new Error(`no staff member ${c.as}`);
    const got = await understandFor(services, staff, c.text);
    const intentOk = got.intent === c.expect.intent;
    const studentOk = studentRight(c, got);
    s.intent += Number(intentOk);
    s.student += Number(studentOk);
    s.both += Number(intentOk && studentOk);
    if (c.expect.concern === 'urgent') {
      s.urgent += 1;
      s.urgentFound += Number(got.concern === 'urgent');
    } else if (got.concern === 'urgent') s.falseAlarms += 1;
    if (c.expect.categories) {
      s.categoriesTotal += 1;
      s.categoriesExact += Number(JSON.stringify(sorted(c.expect.categories)) === JSON.stringify(sorted(got.categories)));
    }
    if (!intentOk || !studentOk || (c.expect.concern === 'urgent') !== (got.concern === 'urgent')) {
      s.misses.push(`${c.as} ${c.text}\n    expected ${JSON.stringify(c.expect)}\n    got      ${JSON.stringify({ ...got, parsed: undefined })}`);
    }
  }
  return s;
}

function report(name: string, s: Score): void {
  const pct = (n: number) => `${((100 * n) / s.total).toFixed(1)}%`;
  console.log(
    [
      `understand eval (${name}): ${s.total} cases`,
      `  intent ${s.intent}/${s.total} (${pct(s.intent)}), student ${s.student}/${s.total} (${pct(s.student)}), both ${s.both}/${s.total}`,
      `  urgent found ${s.urgentFound}/${s.urgent}, false alarms ${s.falseAlarms}, categories exact ${s.categoriesExact}/${s.categoriesTotal}`,
      ...s.misses.map((m) => `  MISS ${m}`),
    ].join('\n'),
  );
}

function meetsTheBar(s: Score): void {
  expect(s.intent / s.total, s.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  expect(s.student / s.total, s.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  expect(s.urgentFound, s.misses.join('\n')).toBe(s.urgent);
}

describe('offline understanding, evaluated', () => {
  it('the 30 shared sample cases: >= 95% on intent and student, every urgent case found', async () => {
    const cases = readCases(SHARED_CASES);
    expect(cases).toHaveLength(30);
    const s = await score(cases);
    report('shared', s);
    meetsTheBar(s);
    expect(s.falseAlarms).toBe(0);
  });

  it('our own cases, every intent in both languages: >= 95% on intent and student, every urgent case found, no false alarm', async () => {
    const cases = readCases(EXTRA_CASES);
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.expect.intent))).toEqual(
      new Set(['ask_about_student', 'log_observation', 'suggest_support', 'search_history', 'list_attention', 'record_support_action', 'digest_preview', 'help', 'smalltalk', 'audit_query', 'records_request']),
    );
    expect(cases.filter((c) => c.expect.concern === 'urgent').length).toBeGreaterThanOrEqual(20);
    const s = await score(cases);
    report('extra', s);
    meetsTheBar(s);
    expect(s.falseAlarms).toBe(0);
  });
});
