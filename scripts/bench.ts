// `npm run bench -- <import|demo|ask|analysis|engine|all>`: measured figures for docs/PERFORMANCE.md. Each run uses
// a temporary SQLite database, or PostgreSQL when BENCH_POSTGRES_URL names a server (a database
// is created and dropped per run). Prints a Markdown table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/store/database.ts';
import { importSchool } from '../src/store/import/index.ts';
import { buildDemoSchool } from '../src/store/demo/index.ts';
import { serviceContext } from '../src/services/context.ts';
import { createEngine } from '../src/engine/handle-turn.ts';
import { parseShellLine } from '../src/adapters/shell/parse.ts';
import { writeLargeExport } from './bench/large-export.ts';
import { analyseStudent } from '../src/analysis/analyse-student.ts';
import { loadRecords } from '../src/store/analysis-repository.ts';
import { listStudents } from '../src/store/student-repository.ts';
import { findStaffMember } from '../src/store/staff-repository.ts';
import { currentSchoolYear } from '../src/services/school-year.ts';
import { attentionList } from '../src/services/student-analysis.ts';

const NOW = new Date('2026-11-20T17:00:00+09:00');
const postgresUrl = process.env.BENCH_POSTGRES_URL;
const rows: string[][] = [];

async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  if (postgresUrl) {
    const name = `yorisoi_bench_${randomBytes(4).toString('hex')}`;
    const admin = async (sql: string) => {
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(sql).finally(() => c.end());
    };
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase(url.toString());
    try {
      return await work(database);
    } finally {
      await database.close();
      await admin(`DROP DATABASE ${name} WITH (FORCE)`);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-bench-'));
  const database = await openDatabase(`file:${join(dir, 'bench.db')}`);
  try {
    return await work(database);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

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
    const pupils = await db.student.findMany({ take: 40, orderBy: { id: 'asc' }, select: { familyName: true, givenName: true } });
    const turns: [string, string][] = [];
    for (const [i, p] of pupils.entries()) {
      const name = `${p.familyName}${p.givenName}`;
      const who = i % 2 ? counselor.id : teacher.id;
      turns.push([who, `${name}さんの様子は？`], [who, `${name}さんにどんな支援ができる？`], [who, `記録：${name}さん、今朝は1限から登校。表情は明るかった。`], [who, '取消'], [who, 'help']);
    }
    const times: number[] = [];
    for (const [i, [who, text]] of turns.entries()) {
      times.push(await timed(() => engine.handleTurn(parseShellLine(text, who, i, NOW))));
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
    rows.push([`offline engine turn, 1,000-student school (${times.length} turns: ask, suggest, log, cancel, help)`, `p50 ${q(0.5)} ms`, `p99 ${q(0.99)} ms`]);
  });
}

const benches: Record<string, () => Promise<void>> = { import: benchImport, demo: benchDemo, ask: benchAsk, analysis: benchAnalysis, engine: benchEngine };
const which = process.argv[2] ?? 'all';
if (which !== 'all' && !benches[which]) {
  console.error(`usage: npm run bench -- [${Object.keys(benches).join('|')}|all]`);
  process.exit(2);
}
for (const [name, bench] of Object.entries(benches)) if (which === 'all' || which === name) await bench();
console.log(`database: ${postgresUrl ? 'PostgreSQL' : 'SQLite'}; node ${process.version}; ${new Date().toISOString().slice(0, 10)}\n`);
console.log('| what | time | notes |\n|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
