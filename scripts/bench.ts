// `npm run bench [-- <district|import|demo|ask|analysis|engine|llm|digest|all>]`: measured figures for docs/PERFORMANCE.md. Each run uses
// a temporary SQLite database, or PostgreSQL when BENCH_POSTGRES_URL names a server (a database
// is created and dropped per run). Prints a Markdown table.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { Database } from '../src/store/database.ts';
import { importSchool } from '../src/store/import/index.ts';
import { buildDemoSchool } from '../src/store/demo/index.ts';
import { serviceContext } from '../src/services/context.ts';
import { createEngine } from '../src/engine/handle-turn.ts';
import { parseShellLine } from '../src/adapters/shell/parse.ts';
import { fileURLToPath } from 'node:url';
import { writeLargeExport } from './bench/large-export.ts';
import { withFreshDatabase, type ImportFigures, type SchoolFigures } from './bench/district.ts';
import { createChatModel, createLlmEngine, summarisePromptSizes } from '../src/engine/llm/index.ts';
import { analyseStudent } from '../src/analysis/analyse-student.ts';
import { loadRecords } from '../src/store/analysis-repository.ts';
import { listStudents } from '../src/store/student-repository.ts';
import { findStaffMember } from '../src/store/staff-repository.ts';
import { currentSchoolYear } from '../src/services/school-year.ts';
import { attentionList } from '../src/services/student-analysis.ts';
import { buildDigests, loadDigestSource } from '../src/services/digest/index.ts';
import { composeWeeklyDigest } from '../src/engine/compose/weekly-digest.ts';
import { mondayOf, schoolDateOf } from '../src/domain/dates.ts';

const NOW = new Date('2026-11-20T17:00:00+09:00');
const postgresUrl = process.env.BENCH_POSTGRES_URL;
const rows: string[][] = [];

/** A fresh database for one bench: a temp SQLite file, or a new database on BENCH_POSTGRES_URL. */
const withDatabase = <T>(work: (database: Database) => Promise<T>): Promise<T> => withFreshDatabase(postgresUrl, work);

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function benchImport(): Promise<void> {
  for (const [students, days] of [[250, 200], [500, 200]] as const) {
    const { dir, rows: count } = writeLargeExport(students, days);
    try {
      await withDatabase(async (database) => {
      const { db } = database;
        const first = await timed(() => importSchool(db, dir, {}));
        const again = await timed(() => importSchool(db, dir, {}));
        rows.push([`import ${count.toLocaleString('en')} attendance rows`, seconds(first), `re-import unchanged ${seconds(again)}`]);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

async function benchDemo(): Promise<void> {
  for (const students of [360, 5000]) {
    await withDatabase(async (database) => {
      const { db } = database;
      const ms = await timed(() => buildDemoSchool(db, { now: NOW, students }));
      rows.push([`demo school, ${students} students`, seconds(ms), `${(await db.attendance.count()).toLocaleString('en')} attendance rows`]);
    });
  }
}

async function benchAsk(): Promise<void> {
  for (const students of [360, 5000]) {
    await withDatabase(async (database) => {
      const { db } = database;
      await buildDemoSchool(db, { now: NOW, students });
      const counselor = await db.staff.findFirstOrThrow({ where: { role: 'counselor' } });
      const names = await db.student.findMany({ take: 50, orderBy: { id: 'asc' }, select: { familyName: true, givenName: true } });
      const now = () => NOW;
      const engine = createEngine(serviceContext(database, now));
      const times: number[] = [];
      for (const [i, n] of names.entries()) {
        times.push(await timed(() => engine.handleTurn(parseShellLine(`${n.familyName}${n.givenName}さんの様子は？`, counselor.id, i, NOW))));
      }
      times.sort((a, b) => a - b);
      const p = (q: number) => `${times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1)} ms`;
      rows.push([`"how is <student>?" as the counselor, ${students} students`, `median ${p(0.5)}`, `p95 ${p(0.95)} over ${times.length} turns`]);
    });
  }
}

/**
 * Issue 3's target: a 1,000-student school with a full year of attendance analysed in under 1 s.
 * Loading is timed apart from the (pure) analysis, which is what the target is about.
 */
async function benchAnalysis(): Promise<void> {
  await withDatabase(async (database) => {
      const { db } = database;
    await buildDemoSchool(db, { now: NOW, students: 1000 });
    const admin = await db.staff.findFirstOrThrow({ where: { role: 'admin' } });
    const staff = (await findStaffMember(db, admin.id))!;
    const now = () => NOW;
    const services = serviceContext(database, now);
    const students = await listStudents(db, 'all');
    const year = (await currentSchoolYear(services))!;
    const all = { attendance: true, observations: true, environment: true, assessments: true, plans: true };
    let loaded!: Awaited<ReturnType<typeof loadRecords>>;
    const loadMs = await timed(async () => {
      loaded = await loadRecords(db, students.map((s) => s.id), () => all, year.yearStart, year.lastRecorded);
    });
    const records = students.map((s) => {
      const r = loaded.get(s.id)!;
      return { studentId: s.id, enrolledOn: s.enrolledOn, asOf: year.today, yearStart: year.yearStart, lastRecorded: year.lastRecorded, calendar: year.calendar, ...r };
    });
    analyseStudent(records[0]!); // warm-up: first-call compilation is not the steady state
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push(await timed(async () => void records.map((r) => analyseStudent(r))));
    runs.sort((a, b) => a - b);
    const median = runs[2]!;
    const rowsCount = records.reduce((n, r) => n + r.attendance.length, 0);
    rows.push([`analyse ${records.length} students (full analysis, median of 5)`, `${median.toFixed(0)} ms`, `${(median / records.length).toFixed(3)} ms per student; ${rowsCount.toLocaleString('en')} attendance rows`]);
    rows.push([`load their records (one query per kind)`, `${loadMs.toFixed(0)} ms`, 'attendance, observations, surveys, assessments, plans']);
    const attentionMs = await timed(() => attentionList(services, staff, 'list_attention'));
    rows.push([`attention list for the whole school (${records.length} students)`, `${attentionMs.toFixed(0)} ms`, 'access checks and audit, load, analyse, rank']);
  });
}

/** Issue 4's target: offline turn latency p99 < 50 ms on a 1,000-student school. */
async function benchEngine(): Promise<void> {
  await withDatabase(async (database) => {
      const { db } = database;
    await buildDemoSchool(db, { now: NOW, students: 1000 });
    const now = () => NOW;
    const engine = createEngine(serviceContext(database, now));
    const teacher = await db.staff.findFirstOrThrow({ where: { role: 'homeroom_teacher' }, orderBy: { id: 'asc' } });
    const counselor = await db.staff.findFirstOrThrow({ where: { role: 'counselor' } });
    // Each asks about students they may see: the teacher about their own class, as in real use.
    const select = { familyName: true, givenName: true } as const;
    const own = await db.student.findMany({ where: { homeroomId: teacher.id }, orderBy: { id: 'asc' }, select });
    const others = await db.student.findMany({ where: { NOT: { homeroomId: teacher.id } }, take: 100, orderBy: { id: 'asc' }, select });
    const turns: [string, string][] = [];
    // 200 conversations of five turns: a p99 read from 1,000 turns is not one unlucky turn.
    for (let i = 0; i < 200; i++) {
      const pool = i % 2 ? others : own;
      const p = pool[Math.floor(i / 2) % pool.length]!;
      const name = `${p.familyName}${p.givenName}`;
      const who = i % 2 ? counselor.id : teacher.id;
      turns.push([who, `${name}さんの様子は？`], [who, `${name}さんにどんな支援ができる？`], [who, `記録：${name}さん、今朝は1限から登校。表情は明るかった。`], [who, '取消'], [who, 'help']);
    }
    // Warm-up: the first turns compile code paths and fill caches; steady state is what staff feel.
    for (const [i, [who, text]] of turns.slice(0, 10).entries()) await engine.handleTurn(parseShellLine(text, who, -1 - i, NOW));
    const times: number[] = [];
    const byKind = new Map<string, number[]>();
    for (const [i, [who, text]] of turns.entries()) {
      const ms = await timed(() => engine.handleTurn(parseShellLine(text, who, i, NOW)));
      times.push(ms);
      const kind = ['ask', 'suggest', 'log', 'cancel', 'help'][i % 5]!;
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
    }
    const quantile = (list: number[], p: number) => list[Math.min(list.length - 1, Math.floor(p * list.length))]!.toFixed(1);
    for (const [kind, list] of byKind) {
      list.sort((a, b) => a - b);
      rows.push([`  ${kind} turns`, `p50 ${quantile(list, 0.5)} ms`, `p99 ${quantile(list, 0.99)} ms, max ${list.at(-1)!.toFixed(1)} ms`]);
    }
    times.sort((a, b) => a - b);
    rows.push([`offline engine turn, 1,000-student school (${times.length} turns: ask, suggest, log, cancel, help)`, `p50 ${quantile(times, 0.5)} ms`, `p99 ${quantile(times, 0.99)} ms`]);
  });
}

/**
 * The LLM engine's prompt size per turn over the shared sample cases, measured from the requests
 * it builds. A local stand-in answers every request with nothing usable, so each turn also
 * exercises the fallback; no network is used.
 */
async function benchLlmPrompts(): Promise<void> {
  const cases = readFileSync(new URL('../../shared/eval/understand.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { as: string; text: string });
  await withDatabase(async (database) => {
    await importSchool(database.db, fileURLToPath(new URL('../../shared/sample-school/', import.meta.url)), {});
    const now = () => NOW;
    const bodies: string[] = [];
    let n = 0;
    const standIn: typeof fetch = async (_url, init) => {
      bodies.push(String(init?.body ?? ''));
      const completion = { id: `bench-${++n}`, object: 'chat.completion', created: 0, model: 'bench', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }], usage: { prompt_tokens: 0, completion_tokens: 1, total_tokens: 1 } };
      return new Response(JSON.stringify(completion), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const offline = createEngine(serviceContext(database, now));
    const engine = createLlmEngine({ offline, model: createChatModel({ apiKey: 'bench', model: 'gpt-4o-mini' }, { fetch: standIn, maxRetries: 0 }), now });
    for (const [i, c] of cases.entries()) await engine.handleTurn(parseShellLine(c.text, c.as, 1000 + i, NOW));
    const sizes = summarisePromptSizes(bodies);
    const understanding = sizes.perRequest.filter((r) => r.toolTokens > 0);
    const phrasing = sizes.perRequest.filter((r) => r.toolTokens === 0);
    const mean = (list: typeof understanding) => (list.length ? Math.round(list.reduce((t, r) => t + r.tokens, 0) / list.length) : 0);
    rows.push([`LLM prompt tokens per turn (${cases.length} sample cases, estimated)`, `${Math.round(sizes.totalTokens / cases.length)} tokens`, `${sizes.requests} requests; understanding mean ${mean(understanding)} (tools ${understanding[0]?.toolTokens ?? 0}); phrasing mean ${mean(phrasing)} over ${phrasing.length}`]);
  });
}

/**
 * Issue 6's target: every staff member's digest for a week of a 1,000-student demo school in under
 * 2 s: one read of the week's records, the access checks for everyone (one audit write), then per
 * recipient the analyses at the week's start and end, the text and the PNG chart.
 */
async function benchDigest(): Promise<void> {
  await withDatabase(async (database) => {
    await buildDemoSchool(database.db, { now: NOW, students: 1000 });
    const services = serviceContext(database, () => NOW);
    const staff = await database.db.staff.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
    const members = (await Promise.all(staff.map((s) => findStaffMember(database.db, s.id)))).filter((s) => s !== undefined);
    const week = mondayOf(schoolDateOf(NOW));
    for (const run of [1, 2]) {
      let charts = 0;
      const start = performance.now();
      const source = await loadDigestSource(services, week);
      const loaded = performance.now();
      // As the scheduled run does: every recipient decided and audited in one pass, then worded.
      const digests = await buildDigests(services, members, source, 'weekly_digest');
      members.forEach((member, i) => {
        charts += composeWeeklyDigest(digests[i]!, member.preferredLanguage).attachments?.length ?? 0;
      });
      const total = performance.now() - start;
      rows.push([`weekly digests for all ${members.length} staff, 1,000-student school (run ${run})`, seconds(total), `read ${seconds(loaded - start)}, build and render ${seconds(total - (loaded - start))}; ${charts} charts`]);
    }
  });
}

/**
 * Issue 8: the cost at three sizes up to a district (20 schools x 600 students = 12,000), on SQLite
 * and, when BENCH_POSTGRES_URL is set, PostgreSQL; and an import of 1,000,000 attendance rows. Each
 * measurement runs in a process of its own (scripts/bench/district.ts), so its peak memory is its
 * own. Prints its own table, with the machine it ran on.
 */
async function benchDistrict(): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? '600,3000,12000').split(',').map(Number);
  const importRows = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
  const databases: [string, string][] = [['SQLite', ''], ...(postgresUrl ? ([['PostgreSQL', postgresUrl]] as [string, string][]) : [])];
  const child = (args: string[]) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./bench/district.ts', import.meta.url)), ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (run.status !== 0) throw new Error(`district bench ${args.slice(0, 2).join(' ')} failed:\n${run.stderr}`);
    const figures = run.stdout.trim().split('\n').at(-1)!;
    process.stderr.write(`  ${figures}\n`); // kept even if a later measurement fails
    return JSON.parse(figures) as Record<string, number>;
  };
  const table: { label: string; cells: string[] }[] = [];
  const header = ['what'];
  const results = databases.map(([name, url]) => {
    const schools = sizes.map((n) => {
      process.stderr.write(`bench: ${name}, ${n} students\n`);
      return child(['school', String(n), url]) as unknown as SchoolFigures;
    });
    process.stderr.write(`bench: ${name}, import ${importRows.toLocaleString('en')} attendance rows\n`);
    return { name, schools, imported: child(['import', String(importRows), url]) as unknown as ImportFigures };
  });
  for (const { name } of results) for (const n of sizes) header.push(`${name} ${n.toLocaleString('en')}`);
  header.push(...results.map((r) => `growth ${r.name} (x${sizes.at(-1)! / sizes[0]!} students)`));
  const metric = (label: string, pick: (f: SchoolFigures) => number, format: (v: number) => string) => {
    const cells = results.flatMap((r) => r.schools.map((f) => format(pick(f))));
    const growth = results.map((r) => `x${(pick(r.schools.at(-1)!) / pick(r.schools[0]!)).toFixed(1)}`);
    table.push({ label, cells: [...cells, ...growth] });
  };
  const s = (v: number) => `${v.toFixed(2)} s`;
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  metric('staff', (f) => f.staff, String);
  metric('attendance rows', (f) => f.attendanceRows, (v) => v.toLocaleString('en'));
  metric('build the demo school', (f) => f.buildSeconds, s);
  metric('load every record for analysis', (f) => f.loadSeconds, s);
  metric('analyse every student', (f) => f.analyseSeconds, s);
  metric('attention list, whole school (admin)', (f) => f.attentionSeconds, s);
  metric('offline turn p50 (500 turns)', (f) => f.turnP50Ms, ms);
  metric('offline turn p99', (f) => f.turnP99Ms, ms);
  metric("every staff member's weekly digest", (f) => f.digestSeconds, s);
  metric('peak memory (RSS) of the run', (f) => f.peakRssMb, (v) => `${v} MB`);
  const cpus = cpus_();
  console.log(`machine: ${cpus.count} x ${cpus.model}, ${Math.round(totalmem() / 2 ** 30)} GB memory; node ${process.version}; ${new Date().toISOString().slice(0, 10)}\n`);
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const r of table) console.log(`| ${r.label} | ${r.cells.join(' | ')} |`);
  console.log('');
  for (const r of results) {
    const f = r.imported;
    console.log(`import ${f.rows!.toLocaleString('en')} attendance rows (${r.name}): ${f.importSeconds!.toFixed(1)} s (${Math.round(f.rows! / f.importSeconds!).toLocaleString('en')} rows/s), re-import unchanged ${f.reimportSeconds!.toFixed(1)} s, peak ${f.peakRssMb} MB`);
  }
}

function cpus_(): { count: number; model: string } {
  const list = cpus();
  return { count: list.length, model: list[0]?.model.trim() ?? 'unknown CPU' };
}

const benches: Record<string, () => Promise<void>> = { district: benchDistrict, import: benchImport, demo: benchDemo, ask: benchAsk, analysis: benchAnalysis, engine: benchEngine, llm: benchLlmPrompts, digest: benchDigest };
// No argument: the district table (issue 8). `all` runs every bench but that one.
const which = process.argv[2] ?? 'district';
if (which !== 'all' && !benches[which]) {
  console.error(`usage: npm run bench -- [${Object.keys(benches).join('|')}|all]`);
  process.exit(2);
}
if (which === 'district') {
  await benchDistrict();
} else {
  for (const [name, bench] of Object.entries(benches)) if (name !== 'district' && (which === 'all' || which === name)) await bench();
  console.log(`database: ${postgresUrl ? 'PostgreSQL' : 'SQLite'}; node ${process.version}; ${new Date().toISOString().slice(0, 10)}\n`);
  console.log('| what | time | notes |\n|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}
