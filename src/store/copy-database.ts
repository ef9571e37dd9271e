// `db copy`: moves a school from one database to another (typically SQLite -> PostgreSQL; any
// pair of providers works). Every model is copied in foreign-key order through the Prisma
// delegates (findMany on the source, createMany on the target; attendance, most of the rows, in
// bulk through store/attendance-insert.ts), so each provider's DateTime,
// Boolean and Float encodings are converted by Prisma rather than by hand.
//
// - The target is migrated first (openDatabase does it) and must hold no rows at all.
// - Pages are read with keyset pagination on each model's key fields (never OFFSET: a district
//   has a million attendance rows, and OFFSET re-reads every skipped row on every page).
// - The source is read inside one transaction (a consistent snapshot: SQLite's WAL read
//   transaction, PostgreSQL's REPEATABLE READ) and everything is written inside ONE target
//   transaction: a failure anywhere, including the final count check, leaves the target empty.
// - Full-text search needs nothing extra: on SQLite the FTS5 triggers of migration 0002 fire for
//   every inserted observation; on PostgreSQL the pg_trgm GIN index is an ordinary index.
// - PostgreSQL's autoincrement sequences do not move when ids are inserted explicitly, so they
//   are set to max(id) afterwards (SQLite's AUTOINCREMENT follows explicit ids by itself), and
//   the copied tables are ANALYZEd.
import { existsSync } from 'node:fs';
import { Prisma } from './generated/sqlite/client.ts';
import { openDatabase, providerOf, type Database, type Db, type Provider } from './database.ts';
import { checkReadiness } from './readiness.ts';
import { insertAttendance, type AttendanceInsertRow } from './attendance-insert.ts';

export interface CopyModel {
  name: Prisma.ModelName;
  /** The model's @id / @@id fields: the keyset pagination order. */
  key: readonly string[];
}

/**
 * Every model, parents before children (foreign-key order), with its key fields. A unit test
 * checks this list against Prisma.ModelName and the schema's @id/@@id and relations, so a new
 * model cannot be forgotten; copyDatabase also refuses to run when the two disagree.
 */
export const COPY_MODELS: readonly CopyModel[] = [
  { name: 'CalendarEntry', key: ['id'] },
  { name: 'Staff', key: ['id'] },
  { name: 'SchoolClass', key: ['id'] },
  { name: 'StaffClass', key: ['staffId', 'classId', 'relation'] },
  { name: 'Student', key: ['id'] },
  { name: 'Attendance', key: ['studentId', 'date'] },
  { name: 'BigFiveResult', key: ['id'] },
  { name: 'CompetencyRating', key: ['id'] },
  { name: 'EnvironmentFactor', key: ['id'] },
  { name: 'Observation', key: ['id'] },
  { name: 'ObservationRevision', key: ['id'] },
  { name: 'SupportPlan', key: ['id'] },
  { name: 'SupportAction', key: ['id'] },
  { name: 'RecordCorrection', key: ['id'] },
  { name: 'AuditEvent', key: ['id'] },
  { name: 'ProcessedEvent', key: ['key'] },
  { name: 'ChatInstallation', key: ['platform', 'workspaceId'] },
  { name: 'DigestRun', key: ['id'] },
  { name: 'ConversationMemory', key: ['key'] },
];

/**
 * Rows per page by default. Measured on 2 cores (a 1,000-student school, SQLite -> PostgreSQL):
 * 1,000 rows a page copied 8,100 rows/s with a 500 MB peak RSS; 5,000 rows a page, 6,600 rows/s
 * and 800 MB (Prisma's per-row cost dominates either way, and larger pages only grow the heap).
 */
export const DEFAULT_PAGE_ROWS = 1000;
/** The largest page the CLI accepts. */
export const MAX_PAGE_ROWS = 5000;
/**
 * Bound parameters per createMany statement we aim to stay under (rows x columns): below
 * SQLite's 32,766 and PostgreSQL's 65,535 without relying on Prisma to split the statement.
 */
const PARAMETER_BUDGET = 30_000;
/** The one target transaction may run this long (a district-sized copy takes minutes). */
export const DEFAULT_TRANSACTION_TIMEOUT_MS = 2 * 60 * 60 * 1000;

/** The copy was not started because of the target or the source; nothing was written. */
export class CopyRefusedError extends Error {
  override name = 'CopyRefusedError';
}

/** The copy ran and failed; the target transaction was rolled back, so the target is empty. */
export class CopyFailedError extends Error {
  override name = 'CopyFailedError';
}

export interface TableCopyReport {
  table: Prisma.ModelName;
  sourceRows: number;
  targetRows: number;
  pages: number;
  ms: number;
}

export interface CopyReport {
  source: { provider: Provider; url: string };
  target: { provider: Provider; url: string };
  tables: TableCopyReport[];
  totalRows: number;
  ms: number;
  rowsPerSecond: number;
  /** PostgreSQL sequences moved past the copied ids ("Table.id"). */
  sequencesReset: string[];
}

export type CopyProgress =
  | { kind: 'page'; table: Prisma.ModelName; rowsSoFar: number; sourceRows: number }
  | { kind: 'table'; table: TableCopyReport };

export interface CopyOptions {
  /** Rows per page (capped per model by the parameter budget); default DEFAULT_PAGE_ROWS. */
  pageSize?: number;
  transactionTimeoutMs?: number;
  /** Called after every page written and every table finished; a throw aborts (and rolls back). */
  onProgress?: (event: CopyProgress) => void;
}

/** The URL with any password hidden, for messages and reports. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

type Row = Record<string, unknown>;
interface Delegate {
  findMany(args: { where?: object; orderBy?: object[]; take?: number }): Promise<Row[]>;
  createMany(args: { data: Row[] }): Promise<{ count: number }>;
  count(): Promise<number>;
}
/** Db or an interactive-transaction client: both carry the model delegates. */
type Client = Pick<Db, '$queryRawUnsafe' | '$executeRawUnsafe'>;

const delegateName = (model: string) => model[0]!.toLowerCase() + model.slice(1);
function delegate(client: Client, model: Prisma.ModelName): Delegate {
  const d = (client as unknown as Record<string, Delegate | undefined>)[delegateName(model)];
  if (!d) throw new Error(`the Prisma client has no delegate for ${model}`);
  return d;
}

/** The model's scalar fields, from the generated client (e.g. Prisma.AttendanceScalarFieldEnum). */
export function scalarFields(model: Prisma.ModelName): string[] {
  const fields = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[`${model}ScalarFieldEnum`];
  if (!fields) throw new Error(`the Prisma client has no scalar fields for ${model}`);
  return Object.values(fields);
}

/** Rows per page for a model: the requested size, within the bound-parameter budget. */
export function pageRowsFor(model: Prisma.ModelName, requested = DEFAULT_PAGE_ROWS): number {
  return Math.max(1, Math.min(requested, Math.floor(PARAMETER_BUDGET / scalarFields(model).length)));
}

/**
 * The keyset condition "key > last" for a composite key (k1, k2, ..., kn), lexicographically:
 *   k1 >= v1 AND (k1 > v1 OR (k1 = v1 AND (k2 > v2 OR (k2 = v2 AND ... kn > vn))))
 * The leading `k1 >= v1` is what lets SQLite and PostgreSQL start the index range scan at the
 * last row instead of filtering from the start of the index on every page.
 */
export function keysetAfter(key: readonly string[], last: Row): object {
  const chain = (i: number): object => {
    const field = key[i]!;
    if (i === key.length - 1) return { [field]: { gt: last[field] } };
    return { OR: [{ [field]: { gt: last[field] } }, { AND: [{ [field]: last[field] }, chain(i + 1)] }] };
  };
  if (key.length === 1) return chain(0);
  return { AND: [{ [key[0]!]: { gte: last[key[0]!] } }, chain(0)] };
}

/** The list and the generated client disagree: a model was added or renamed. */
export function modelListProblems(models: readonly CopyModel[] = COPY_MODELS): string[] {
  const listed = models.map((m) => m.name as string);
  const known = Object.values(Prisma.ModelName) as string[];
  const problems: string[] = [];
  for (const name of known) if (!listed.includes(name)) problems.push(`model ${name} is missing from COPY_MODELS`);
  for (const name of listed) if (!known.includes(name)) problems.push(`COPY_MODELS lists ${name}, which the schema does not have`);
  if (new Set(listed).size !== listed.length) problems.push('COPY_MODELS lists a model twice');
  return problems;
}

/** Tables of the model list that hold rows, with their counts (an empty list: empty). */
export async function nonEmptyTables(client: Client, models: readonly CopyModel[] = COPY_MODELS): Promise<{ table: Prisma.ModelName; rows: number }[]> {
  const found: { table: Prisma.ModelName; rows: number }[] = [];
  for (const m of models) {
    const rows = await delegate(client, m.name).count();
    if (rows > 0) found.push({ table: m.name, rows });
  }
  return found;
}

function describeNonEmpty(tables: { table: string; rows: number }[]): string {
  return tables.map((t) => `"${t.table}" holds ${t.rows} row${t.rows === 1 ? '' : 's'}`).join(', ');
}

/** Moves every PostgreSQL serial sequence past the largest id in its table. */
async function resetSequences(tx: Client, models: readonly CopyModel[]): Promise<string[]> {
  const reset: string[] = [];
  for (const m of models) {
    if (m.key.length !== 1) continue;
    const column = m.key[0]!;
    const [row] = await tx.$queryRawUnsafe<{ seq: string | null }[]>(`SELECT pg_get_serial_sequence($1, $2) AS seq`, `"${m.name}"`, column);
    if (!row?.seq) continue;
    // is_called = false: the next nextval() returns exactly max(id) + 1 (1 for an empty table).
    await tx.$queryRawUnsafe(`SELECT setval($1::regclass, COALESCE((SELECT MAX("${column}") FROM "${m.name}"), 0) + 1, false)`, row.seq);
    reset.push(`${m.name}.${column}`);
  }
  return reset;
}

/**
 * Copies every row of `source` into `target`, which must be migrated and empty. Throws
 * CopyRefusedError (nothing written) or CopyFailedError (rolled back: the target is empty).
 */
export async function copyBetween(source: Database, target: Database, options: CopyOptions = {}, models: readonly CopyModel[] = COPY_MODELS): Promise<Omit<CopyReport, 'source' | 'target'>> {
  const problems = modelListProblems(models);
  if (problems.length) throw new CopyRefusedError(`the copy's model list is out of date: ${problems.join('; ')}`);
  const readiness = await checkReadiness(source);
  if (!readiness.ready) {
    throw new CopyRefusedError(
      readiness.reason === 'migrations_pending'
        ? 'the source database is not up to date; run `npm run cli -- db migrate` against it first'
        : 'the source database cannot be read (is DATABASE_URL right?)',
    );
  }
  const occupied = await nonEmptyTables(target.db, models);
  if (occupied.length) throw new CopyRefusedError(`the target database is not empty: ${describeNonEmpty(occupied)}. db copy only writes into an empty database`);

  const timeout = options.transactionTimeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS;
  const progress = options.onProgress ?? (() => {});
  const started = performance.now();

  const run = async (src: Client) => {
    const sourceCounts = new Map<Prisma.ModelName, number>();
    for (const m of models) sourceCounts.set(m.name, await delegate(src, m.name).count());

    return target.db.$transaction(
      async (tx) => {
        // Checked again inside the transaction: nothing may have arrived since the check above.
        const arrived = await nonEmptyTables(tx, models);
        if (arrived.length) throw new CopyRefusedError(`the target database is not empty: ${describeNonEmpty(arrived)}`);

        const tables: TableCopyReport[] = [];
        for (const m of models) {
          const tableStarted = performance.now();
          const from = delegate(src, m.name);
          const to = delegate(tx, m.name);
          const take = pageRowsFor(m.name, options.pageSize);
          const orderBy = m.key.map((field) => ({ [field]: 'asc' }));
          let copied = 0;
          let pages = 0;
          let last: Row | undefined;
          for (;;) {
            const rows = await from.findMany({ where: last ? keysetAfter(m.key, last) : undefined, orderBy, take });
            if (rows.length === 0) break;
            // Attendance, most of the rows, in bulk (store/attendance-insert.ts); the rest by createMany.
            const count = m.name === 'Attendance' ? await insertAttendance(tx, target.provider, rows as unknown as AttendanceInsertRow[]) : (await to.createMany({ data: rows })).count;
            if (count !== rows.length) throw new CopyFailedError(`"${m.name}": wrote ${count} of a page of ${rows.length} rows`);
            copied += rows.length;
            pages += 1;
            last = rows[rows.length - 1];
            progress({ kind: 'page', table: m.name, rowsSoFar: copied, sourceRows: sourceCounts.get(m.name)! });
            if (rows.length < take) break;
          }
          const targetRows = await to.count();
          const report: TableCopyReport = { table: m.name, sourceRows: sourceCounts.get(m.name)!, targetRows, pages, ms: Math.round(performance.now() - tableStarted) };
          if (report.targetRows !== report.sourceRows || copied !== report.sourceRows) {
            throw new CopyFailedError(`"${m.name}": the source has ${report.sourceRows} rows, ${copied} were copied and the target has ${report.targetRows}`);
          }
          tables.push(report);
          progress({ kind: 'table', table: report });
        }
        const sequencesReset = target.provider === 'postgresql' ? await resetSequences(tx, models) : [];
        return { tables, sequencesReset };
      },
      { timeout, maxWait: 60_000 },
    );
  };

  let result: { tables: TableCopyReport[]; sequencesReset: string[] };
  try {
    // The source is read in one transaction too: a bot still writing to it cannot make the copy
    // see a child row without its parent. SQLite supports only SERIALIZABLE (a WAL snapshot).
    result = await source.db.$transaction((src) => run(src), {
      timeout,
      maxWait: 60_000,
      // Db is typed as the SQLite client, whose only level is Serializable; the PostgreSQL client
      // accepts RepeatableRead, a snapshot that never fails for a read-only transaction.
      ...(source.provider === 'postgresql' ? ({ isolationLevel: 'RepeatableRead' } as unknown as { isolationLevel: Prisma.TransactionIsolationLevel }) : {}),
    });
  } catch (error) {
    if (error instanceof CopyRefusedError || error instanceof CopyFailedError) throw error;
    throw new CopyFailedError(`the copy failed and was rolled back, the target is still empty: ${(error as Error).message}`);
  }
  // Fresh statistics, so PostgreSQL's planner uses the indexes from the first query on (until
  // autovacuum gets to it, a bulk-filled table looks empty to the planner).
  if (target.provider === 'postgresql') await target.db.$executeRawUnsafe('ANALYZE');
  const ms = Math.round(performance.now() - started);
  const totalRows = result.tables.reduce((sum, t) => sum + t.sourceRows, 0);
  return { ...result, totalRows, ms, rowsPerSecond: ms > 0 ? Math.round((totalRows * 1000) / ms) : totalRows };
}

/** Opens both databases (migrating the target), copies, and closes them. */
export async function copyDatabase(sourceUrl: string, targetUrl: string, options: CopyOptions = {}): Promise<CopyReport> {
  const sourceProvider = providerOf(sourceUrl);
  const targetProvider = providerOf(targetUrl);
  if (sameDatabase(sourceUrl, targetUrl)) throw new CopyRefusedError('the target is the source database itself');
  // Opening a SQLite path that does not exist would create an empty database there.
  if (sourceProvider === 'sqlite' && !existsSync(sourceUrl.replace(/^file:/, ''))) throw new CopyRefusedError(`there is no database at ${sourceUrl} (DATABASE_URL)`);
  const source = await openDatabase(sourceUrl, { migrate: false });
  try {
    let target: Database;
    try {
      target = await openDatabase(targetUrl);
    } catch (error) {
      const message = (error as Error).message;
      const hint = targetProvider === 'postgresql' && /does not exist/.test(message) ? ' (create the empty database first, e.g. with createdb)' : '';
      throw new CopyRefusedError(`the target database could not be opened and migrated: ${message}${hint}`);
    }
    try {
      const report = await copyBetween(source, target, options);
      return { source: { provider: sourceProvider, url: redactUrl(sourceUrl) }, target: { provider: targetProvider, url: redactUrl(targetUrl) }, ...report };
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

function sameDatabase(a: string, b: string): boolean {
  const norm = (u: string) => (u.startsWith('file:') ? `file:${u.slice(5).replace(/^\.\//, '')}` : u.replace(/\/+$/, ''));
  return norm(a) === norm(b);
}

/** The per-table report as text, for the terminal. */
export function formatCopyReport(report: CopyReport): string {
  const width = Math.max(5, ...report.tables.map((t) => t.table.length));
  const num = (n: number) => n.toLocaleString('en-US');
  const lines = [
    `copied ${report.source.url} (${report.source.provider}) -> ${report.target.url} (${report.target.provider})`,
    `${'table'.padEnd(width)}  ${'source'.padStart(10)}  ${'target'.padStart(10)}  ${'time'.padStart(9)}`,
    ...report.tables.map((t) => `${t.table.padEnd(width)}  ${num(t.sourceRows).padStart(10)}  ${num(t.targetRows).padStart(10)}  ${`${num(t.ms)} ms`.padStart(9)}`),
    `${'total'.padEnd(width)}  ${num(report.totalRows).padStart(10)}  ${num(report.tables.reduce((s, t) => s + t.targetRows, 0)).padStart(10)}  ${`${(report.ms / 1000).toFixed(1)} s`.padStart(9)}`,
    `${num(report.rowsPerSecond)} rows/s; every table's row count matches.`,
  ];
  if (report.sequencesReset.length) lines.push(`sequences moved past the copied ids: ${report.sequencesReset.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
