// Property tests of whole turns (SECURITY.md checklist 16): messages go through the real engine
// (createEngine: understanding, name resolution in the asker's scope, the services, the audit)
// over the sample school's export in a test database. The audit rows a turn writes say which
// student's records it touched, so "never the wrong student" is checked there as well as in the
// reply. Few runs: every turn reads and writes the database.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseShellLine } from '../../src/adapters/shell/parse.ts';
import type { IncomingMessage, Reply } from '../../src/chat/types.ts';
import { createEngine } from '../../src/engine/handle-turn.ts';
import { serviceContext } from '../../src/services/context.ts';
import { importSchool } from '../../src/store/import/index.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { SAMPLE_NOW, SAMPLE_SCHOOL_DIR } from '../helpers/sample-school.ts';
import { insertAt, settings, toFullWidth, zeroWidthInserts } from './fast-check.ts';
import { byId, familyNameOf, fullNameOf, NAME_CHARACTERS, noise, padTo, SHARED_FAMILIES, STUDENTS, type SampleStudent } from './students.ts';

let database: TestDatabase;
let engine: ReturnType<typeof createEngine>;
const failures: { code: string; error: unknown }[] = [];
let sequence = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  await importSchool(database.db, SAMPLE_SCHOOL_DIR, {});
  engine = createEngine(serviceContext(database, () => SAMPLE_NOW), { onError: (code, error) => failures.push({ code, error }) });
});
afterAll(async () => database.destroy());

/** A message in a conversation of its own, so nothing carries over from an earlier run. */
function message(staffId: string, text: string): IncomingMessage {
  const n = ++sequence;
  return { ...parseShellLine(text, staffId, n, SAMPLE_NOW), conversation: { platform: 'shell', parts: [staffId, `property-${n}`] } };
}

interface Outcome {
  reply: Reply;
  /** The audit rows the turn wrote: which student, read or write, allowed or denied. */
  audit: { studentId: string | null; action: string; result: string }[];
}

async function turn(staffId: string, text: string): Promise<Outcome> {
  const last = (await database.db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
  const failed = failures.length;
  const reply = await engine.handleTurn(message(staffId, text));
  expect(failures.slice(failed), 'the turn failed').toEqual([]);
  expect(typeof reply.text).toBe('string');
  expect(reply.text.length).toBeGreaterThan(0);
  const audit = await database.db.auditEvent.findMany({ where: { id: { gt: last } }, select: { studentId: true, action: true, result: true }, orderBy: { id: 'asc' } });
  return { reply, audit };
}

const choices = (reply: Reply) => (reply.actions ?? []).filter((a) => a.type === 'choose_student').map((a) => (a as { studentId: string }).studentId).sort();
const studentsNamedIn = (reply: Reply) => STUDENTS.filter((s) => reply.text.includes(s.display)).map((s) => s.id).sort();

/** Who may see whom in the sample school (staff.csv): homeroom and subject teachers see their classes. */
const SCOPE: Record<string, string[] | 'all'> = { T01: ['2-1'], T02: ['2-2'], T03: ['2-1', '2-2'], T04: ['3-1'], C01: 'all', N01: 'all', A01: 'all' };
const sees = (staffId: string, s: SampleStudent) => SCOPE[staffId] === 'all' || (SCOPE[staffId] as string[]).includes(s.classId);
const homeroomOf = (s: SampleStudent) => (s.classId === '2-1' ? 'T01' : 'T02');

const ASKING = ['さんの様子は？', 'さんの出席は？', 'くんは最近どう？', 'さん、最近どうですか', 'の欠席日数を教えて'];
const ASKING_EN = [' doing?', "'s attendance, please?"];

/**
 * Noise that must not change who is meant: zero-width characters anywhere, full-width letters.
 * (Katakana and half-width forms of the name come from `fullNameOf`; a whole question in katakana,
 * 「サトウハルトノ欠席日数ヲ教エテ」, is not how anyone writes.)
 */
const noisy = fc.record({ inserts: zeroWidthInserts, width: fc.constantFrom('none', 'full-width') });
function addNoise(text: string, n: { inserts: { at: number; char: string }[]; width: string }): string {
  return insertAt(n.width === 'full-width' ? toFullWidth(text) : text, n.inserts);
}

// ---------- any message ----------

const anyText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), fc.constantFrom(...'田中佐藤さんくん記録保存？?。、 \u200B😀한'.split(''), 'の様子は？', '記録:', '保存', 'How is ', '教えて')), maxLength: 120 }) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }), fc.integer({ min: 5_000, max: 10_000 })).map(([chunk, length]) => padTo('', chunk, length)) },
);

describe('SECURITY checklist 16: parser robustness, whole turns', () => {
  it('any message from any staff member gets an answer: never a crash, never the "unavailable" fallback', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(anyText, fc.constantFrom(...Object.keys(SCOPE)), async (text, staffId) => {
        const { reply, audit } = await turn(staffId, text);
        // Whatever it touched, it touched only students this staff member may see, or recorded a denial.
        for (const row of audit) {
          if (row.result === 'allowed' && row.studentId) expect(sees(staffId, byId(row.studentId)), `${staffId} read ${row.studentId}`).toBe(true);
        }
        expect(reply.text).not.toMatch(/一時的に利用できません|temporarily unavailable/);
      }),
      settings(50, [
        ['はぬ'.repeat(5_000), 'C01'],
        ['検索'.repeat(5_000), 'T01'],
        ['田中'.repeat(5_000), 'C01'],
        [`${'あ'.repeat(9_990)}田中美咲さん`, 'T01'],
      ]),
    );
  });
});

// ---------- the right student ----------

const askedInFull = fc
  .record({ s: fc.constantFrom(...STUDENTS), asker: fc.constantFrom('C01', 'homeroom', 'A01', 'T03'), i: fc.nat(), noise, long: fc.boolean() })
  .chain((r) => fullNameOf(r.s).map((name) => ({ ...r, name })))
  .map(({ s, asker, i, noise: filler, long, name }) => {
    const latin = /^[\x20-\x7E\uFF01-\uFF5E\u3000]+$/.test(name);
    const text = latin ? `How is ${name}${ASKING_EN[i % ASKING_EN.length]}` : `${name}${ASKING[i % ASKING.length]}`;
    return { s, staffId: asker === 'homeroom' ? homeroomOf(s) : asker, text: long ? padTo(text, filler || '・', 10_000) : text };
  });

describe('SECURITY checklist 16: never the wrong student, whole turns', () => {
  it('a question naming a student in full, with any noise, is answered about that student and touches no other', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(askedInFull, noisy, async ({ s, staffId, text }, n) => {
        const { reply, audit } = await turn(staffId, addNoise(text, n));
        // Answered about them (or, for a long message that reads like a note, a draft about them).
        expect(studentsNamedIn(reply)).toEqual([s.id]);
        expect(choices(reply)).toEqual([]);
        for (const row of audit) expect(row.studentId).toBe(s.id);
      }),
      settings(60, [
        // The examples the name properties found, end to end.
        [{ s: byId('S006'), staffId: 'C01', text: 'ﾜﾀﾅﾍﾞ ｻｸﾗさんの様子は？' }, { inserts: [{ at: 4, char: '\u200B' }], width: 'none' }],
        [{ s: byId('S004'), staffId: 'T01', text: 'How is Tanaka Misaki doing?' }, { inserts: [{ at: 10, char: '\u200B' }], width: 'full-width' }],
      ]),
    );
  });

  it('a student out of scope named in full gets the same answer as nobody, with a denial audited, even when a namesake is in scope', { timeout: 120_000 }, async () => {
    const nobody = { en: (await turn('T02', 'How is Hanako Kimura doing?')).reply.text, ja: (await turn('T02', '木村花子さんの様子は？')).reply.text };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('T01', 'T02', 'T04').chain((staffId) =>
          fc.record({ staffId: fc.constant(staffId), s: fc.constantFrom(...STUDENTS.filter((s) => !sees(staffId, s))) }).chain((r) => fullNameOf(r.s).map((name) => ({ ...r, name }))),
        ),
        async ({ staffId, s, name }) => {
          const latin = /^[\x20-\x7E\uFF01-\uFF5E\u3000]+$/.test(name);
          const { reply, audit } = await turn(staffId, latin ? `How is ${name} doing?` : `${name}さんの様子は？`);
          expect(studentsNamedIn(reply)).toEqual([]);
          expect(choices(reply)).toEqual([]);
          expect(reply.text).toBe(latin ? nobody.en : nobody.ja);
          expect(audit.filter((r) => r.result === 'allowed')).toEqual([]);
          expect(audit.filter((r) => r.result === 'denied').map((r) => r.studentId)).toContain(s.id);
        },
      ),
      settings(40, [
        // Found by the name properties: T02 (homeroom 2-2, which has 田中悠人) asking about 田中美咲
        // in romaji was answered about 田中悠人.
        [{ staffId: 'T02', s: byId('S004'), name: 'Misaki Tanaka' }],
        [{ staffId: 'T01', s: byId('S012'), name: 'airi SATO' }],
      ]),
    );
  });
});

// ---------- ambiguity ----------

describe('SECURITY checklist 16: ambiguity is asked back, whole turns', () => {
  it('a bare shared family name asked by someone who sees both is asked back with exactly the two, and nothing is read', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SHARED_FAMILIES).chain((family) => familyNameOf(family).map((name) => ({ family, name }))),
        fc.constantFrom('C01', 'A01', 'T03'),
        noisy,
        async ({ family, name }, staffId, n) => {
          const text = name.latin ? `How is ${name.name} doing?` : `${name.name}さんの様子は？`;
          const { reply, audit } = await turn(staffId, addNoise(text, n));
          expect(choices(reply)).toEqual([...family.ids].sort());
          expect(reply.text).toMatch(/どの生徒のことですか|Which student do you mean/);
          expect(audit.filter((r) => r.result === 'allowed' && r.action === 'read')).toEqual([]);
        },
      ),
      settings(40),
    );
  });

  it('someone else’s name holding a student’s name is asked back or not found, and nothing is read', { timeout: 120_000 }, async () => {
    const hiragana = fc
      .integer({ min: 0x3042, max: 0x3093 })
      .map((c) => String.fromCharCode(c))
      .filter((c) => !NAME_CHARACTERS.has(c) && !'はがにをへとのもやでぁぃぅぇぉっゃゅょゎ'.includes(c));
    const kanji = fc
      .integer({ min: 0x4e00, max: 0x9fff })
      .map((c) => String.fromCharCode(c))
      .filter((c) => !NAME_CHARACTERS.has(c));
    const someoneElse = fc.oneof(
      fc.tuple(fc.array(hiragana, { minLength: 1, maxLength: 2 }), fc.constantFrom(...STUDENTS)).map(([p, s]) => p.join('') + s.givenNameKana),
      fc.tuple(kanji, fc.constantFrom(...STUDENTS)).map(([k, s]) => k + s.givenName),
      fc.tuple(kanji, kanji, fc.constantFrom(...STUDENTS)).map(([a, b, s]) => a + b + s.givenNameKana),
      fc.constantFrom('Hanako Tanaka', 'Yui Kimura', 'SORA SATO'),
    );
    await fc.assert(
      fc.asyncProperty(someoneElse, fc.constantFrom('T01', 'T02', 'C01'), async (name, staffId) => {
        const text = /^[A-Za-z ]+$/.test(name) ? `How is ${name} doing?` : `${name}さんの様子は？`;
        const { reply, audit } = await turn(staffId, text);
        expect(audit.filter((r) => r.result === 'allowed' && r.action === 'read')).toEqual([]);
        const asked = choices(reply);
        if (asked.length === 0) expect(studentsNamedIn(reply)).toEqual([]);
      }),
      settings(50, [
        ['かれん', 'T01'],
        ['花蓮', 'T01'],
        ['さい' + 'とう', 'T01'],
        ['Hanako Tanaka', 'T02'],
      ]),
    );
  });
});
