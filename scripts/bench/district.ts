// One measurement of the district bench, in a process of its own so its peak memory is its own:
//   node --import tsx scripts/bench/district.ts school <students> [postgres-url]
//   node --import tsx scripts/bench/district.ts import <attendance-rows> [postgres-url]
// Prints one JSON object of figures on stdout. scripts/bench.ts (`npm run bench -- district`)
// runs it at each size on each database and prints the table.
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { parseShellLine } from '../../src/adapters/shell/parse.ts';
import { analyseStudent } from '../../src/analysis/analyse-student.ts';
import { mondayOf, schoolDateOf } from '../../src/domain/dates.ts';
import { composeWeeklyDigest } from '../../src/engine/compose/weekly-digest.ts';
import { createEngine } from '../../src/engine/handle-turn.ts';
import { serviceContext } from '../../src/services/context.ts';
import { buildDigests, loadDigestSource } from '../../src/services/digest/index.ts';
import { currentSchoolYear } from '../../src/services/school-year.ts';
import { attentionList } from '../../src/services/student-analysis.ts';
import { loadRecords } from '../../src/store/analysis-repository.ts';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { buildDemoSchool } from '../../src/store/demo/index.ts';
import { importSchool } from '../../src/store/import/index.ts';
import { findStaffMember } from '../../src/store/staff-repository.ts';
import { listStudents } from '../../src/store/student-repository.ts';
import { writeLargeExport } from './large-export.ts';

export const BENCH_NOW = new Date('2026-11-20T17:00:00+09:00');

export interface SchoolFigures {
  students: number;
  staff: number;
  attendanceRows: number;
  buildSeconds: number;
  loadSeconds: number;
  analyseSeconds: number;
  attentionSeconds: number;
  turnP50Ms: number;
  turnP99Ms: number;
  turns: number;
  digestSeconds: number;
  peakRssMb: number;
}

export interface ImportFigures {
  rows: number;
  importSeconds: number;
  reimportSeconds: number;
  peakRssMb: number;
}

const since = (start: number) => (performance.now() - start) / 1000;
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** A fresh database: a temp SQLite file, or a new database on the PostgreSQL server. */
export async function withFreshDatabase<T>(postgresUrl: string | undefined, work: (database: Database) => Promise<T>): Promise<T> {
  if (postgresUrl) {
    const name = `yorisoi_bench_${randomBytes(4).toString('hex')}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(sql).finally(() => client.end());
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
  const dir = mkdtempSync(join(tmpdir(), 'yorisoi-district-'));
  const database = await openDatabase(`file:${join(dir, 'bench.db')}`);
  try {
    return await work(database);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Everything a school of `size` students costs: build, analysis, turns, the week's digests. */
async function measureSchool(size: number, postgresUrl: string | undefined): Promise<SchoolFigures> {
  return withFreshDatabase(postgresUrl, async (database) => {
    const { db } = database;
    let start = performance.now();
    await buildDemoSchool(db, { now: BENCH_NOW, students: size });
    const buildSeconds = since(start);
    const services = serviceContext(database, () => BENCH_NOW);

    // The whole school analysed: records loaded once per kind, then the pure analysis.
    const students = await listStudents(db, 'all');
    const year = (await currentSchoolYear(services))!;
    const kinds = { attendance: true, observations: true, environment: true, assessments: true, plans: true };
    start = performance.now();
    const loaded = await loadRecords(db, students.map((s) => s.id), () => kinds, year.yearStart, year.lastRecorded);
    const loadSeconds = since(start);
    start = performance.now();
    let attendanceRows = 0;
    for (const s of students) {
      const r = loaded.get(s.id)!;
      attendanceRows += r.attendance.length;
      analyseStudent({ studentId: s.id, enrolledOn: s.enrolledOn, asOf: year.today, yearStart: year.yearStart, lastRecorded: year.lastRecorded, calendar: year.calendar, ...r });
    }
    const analyseSeconds = since(start);
    const admin = (await findStaffMember(db, (await db.staff.findFirstOrThrow({ where: { role: 'admin' } })).id))!;
    start = performance.now();
    await attentionList(services, admin, 'list_attention');
    const attentionSeconds = since(start);

    // Offline turns as the engine bench asks them: a teacher about their class, the counselor
    // about anyone; ask, suggest, log, cancel, help.
    const engine = createEngine(services);
    const teacher = await db.staff.findFirstOrThrow({ where: { role: 'homeroom_teacher' }, orderBy: { id: 'asc' } });
    const counselor = await db.staff.findFirstOrThrow({ where: { role: 'counselor' } });
    const select = { familyName: true, givenName: true } as const;
    const own = await db.student.findMany({ where: { homeroomId: teacher.id }, orderBy: { id: 'asc' }, select });
    const others = await db.student.findMany({ where: { NOT: { homeroomId: teacher.id } }, take: 100, orderBy: { id: 'asc' }, select });
    const turns: [string, string][] = [];
    for (let i = 0; i < 100; i++) {
      const p = (i % 2 ? others : own)[Math.floor(i / 2) % (i % 2 ? others : own).length]!;
      const name = `${p.familyName}${p.givenName}`;
      const who = i % 2 ? counselor.id : teacher.id;
      turns.push([who, `${name}さんの様子は？`], [who, `${name}さんにどんな支援ができる？`], [who, `記録：${name}さん、今朝は1限から登校。`], [who, '取消'], [who, 'help']);
    }
    for (const [i, [who, text]] of turns.slice(0, 10).entries()) await engine.handleTurn(parseShellLine(text, who, -1 - i, BENCH_NOW));
    const times: number[] = [];
    for (const [i, [who, text]] of turns.entries()) {
      const t = performance.now();
      await engine.handleTurn(parseShellLine(text, who, i, BENCH_NOW));
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);

    // Every staff member's digest for the week, as the scheduled run builds them.
    const staffIds = await db.staff.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
    const members = (await Promise.all(staffIds.map((s) => findStaffMember(db, s.id)))).filter((s) => s !== undefined);
    start = performance.now();
    const source = await loadDigestSource(services, mondayOf(schoolDateOf(BENCH_NOW)));
    const digests = await buildDigests(services, members, source, 'weekly_digest');
    members.forEach((m, i) => composeWeeklyDigest(digests[i]!, m.preferredLanguage));
    const digestSeconds = since(start);

    return {
      students: students.length,
      staff: members.length,
      attendanceRows,
      buildSeconds,
      loadSeconds,
      analyseSeconds,
      attentionSeconds,
      turnP50Ms: quantile(times, 0.5),
      turnP99Ms: quantile(times, 0.99),
      turns: times.length,
      digestSeconds,
      peakRssMb: peakRssMb(),
    };
  });
}

/** Importing a school export with `rows` attendance rows (200 school days), then again unchanged. */
async function measureImport(rows: number, postgresUrl: string | undefined): Promise<ImportFigures> {
  const { dir, rows: count } = writeLargeExport(Math.ceil(rows / 200), 200);
  try {
    return await withFreshDatabase(postgresUrl, async (database) => {
      let start = performance.now();
      await importSchool(database.db, dir, {});
      const importSeconds = since(start);
      start = performance.now();
      await importSchool(database.db, dir, {});
      return { rows: count, importSeconds, reimportSeconds: since(start), peakRssMb: peakRssMb() };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [what, size, postgresUrl] = process.argv.slice(2);
  const n = Number(size);
  if ((what !== 'school' && what !== 'import') || !Number.isInteger(n) || n < 1) {
    console.error('usage: district.ts school <students> | import <attendance-rows> [postgres-url]');
    process.exit(2);
  }
  const figures = what === 'school' ? await measureSchool(n, postgresUrl || undefined) : await measureImport(n, postgresUrl || undefined);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
