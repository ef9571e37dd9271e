// Case-history search over observation text (issue 4, item 6). The indexes are created by the
// hand-written migrations 0002_observation_search (Prisma does not model them):
//   SQLite      FTS5 table "ObservationSearch" (trigram tokenizer), keyed through
//               "ObservationSearchKey", kept in step by triggers on "Observation". Terms of three
//               or more characters go through MATCH (any substring, case-folded); shorter terms,
//               which a trigram index cannot hold, through LIKE on the text.
//   PostgreSQL  pg_trgm GIN index on "Observation"."text": every term is an ILIKE '%term%',
//               which the index serves for terms of three or more characters.
// Every value reaches the database as a bound parameter (Prisma.sql); user text is never part
// of the SQL string. Terms are always literal: FTS5 syntax, LIKE wildcards and quotes in a term
// match themselves and never widen the search.
//
// This is a store function: it filters by scope, period, author and setting, and nothing else.
// Whether the asker may see a row is the caller's decision (access policy), made on the rows
// returned here.
import { Prisma } from './generated/sqlite/client.ts';
import type { Db, Provider } from './database.ts';

export interface ObservationSearchQuery {
  /** Only these students' notes (the asker's scope); undefined means the whole school. */
  studentIds?: readonly string[];
  /** Every term must occur in the text (AND), as a literal substring, ignoring ASCII case. */
  terms: readonly string[];
  /** Observed at or after this instant. */
  from?: Date;
  /** Observed at or before this instant. */
  to?: Date;
  /** Written by one of these staff members; undefined means anyone. */
  authorIds?: readonly string[];
  /** Recorded with this setting (home_visit, phone, ...). */
  setting?: string;
  /**
   * With `setting`: a note whose setting was never recorded (every imported note) also matches
   * when its text contains one of these words (「家庭訪問」, "home visit").
   */
  settingMentions?: readonly string[];
  /** Rows strictly older than this one in the result order: the next page. */
  before?: { observedAt: Date; id: string };
  limit: number;
}

export interface ObservationSearchRow {
  id: string;
  studentId: string;
  authorId: string;
  observedAt: Date;
  text: string;
  categories: string;
  setting: string | null;
  visibility: string;
  concern: string;
}

/** Terms of at least this many characters (code points) can use the trigram index. */
export const TRIGRAM_MIN = 3;

/** Student ids bound per statement: well under SQLite's limit with the other parameters. */
const ID_CHUNK = 500;

/** A term as it is searched: trimmed, without control characters (a NUL would end the string early). */
export function normaliseTerm(term: string): string {
  return term.replace(/\p{Cc}/gu, ' ').trim();
}

/** The terms worth searching: normalised, non-empty, each once. */
export function searchTerms(terms: readonly string[]): string[] {
  return [...new Set(terms.map(normaliseTerm).filter((t) => t.length > 0))];
}

/** LIKE/ILIKE pattern that matches `term` literally anywhere, with `\` as the escape character. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** An FTS5 string: the term in double quotes, inner quotes doubled, so nothing in it is syntax. */
export function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

const codePoints = (s: string) => [...s].length;

/** Ids compare by code point on both providers (SQLite's BINARY; PostgreSQL's "C"), as in JS. */
const idOrder = (provider: Provider) => (provider === 'postgresql' ? Prisma.sql`o."id" COLLATE "C"` : Prisma.sql`o."id"`);

function likeAll(provider: Provider, terms: readonly string[], column: Prisma.Sql): Prisma.Sql[] {
  const op = provider === 'postgresql' ? Prisma.sql`ILIKE` : Prisma.sql`LIKE`;
  return terms.map((t) => Prisma.sql`${column} ${op} ${containsPattern(t)} ESCAPE '\\'`);
}

function conditions(provider: Provider, q: ObservationSearchQuery, studentIds: readonly string[] | undefined): Prisma.Sql[] {
  const text = Prisma.sql`o."text"`;
  const where: Prisma.Sql[] = [];
  if (studentIds) where.push(Prisma.sql`o."studentId" IN (${Prisma.join(studentIds)})`);

  const terms = searchTerms(q.terms);
  if (provider === 'sqlite') {
    const long = terms.filter((t) => codePoints(t) >= TRIGRAM_MIN);
    const short = terms.filter((t) => codePoints(t) < TRIGRAM_MIN);
    if (long.length > 0) {
      const match = long.map(ftsPhrase).join(' AND ');
      where.push(Prisma.sql`o."id" IN (
        SELECT k."observationId" FROM "ObservationSearch" s
        JOIN "ObservationSearchKey" k ON k."rowid" = s."rowid"
        WHERE "ObservationSearch" MATCH ${match})`);
    }
    where.push(...likeAll(provider, short, text));
  } else {
    where.push(...likeAll(provider, terms, text));
  }

  if (q.from) where.push(Prisma.sql`o."observedAt" >= ${q.from}`);
  if (q.to) where.push(Prisma.sql`o."observedAt" <= ${q.to}`);
  if (q.authorIds) where.push(Prisma.sql`o."authorId" IN (${Prisma.join(q.authorIds)})`);
  if (q.setting !== undefined) {
    const mentions = searchTerms(q.settingMentions ?? []);
    const exact = Prisma.sql`o."setting" = ${q.setting}`;
    if (mentions.length === 0) where.push(exact);
    else where.push(Prisma.sql`(${exact} OR (o."setting" IS NULL AND (${Prisma.join(likeAll(provider, mentions, text), ' OR ')})))`);
  }
  if (q.before) {
    const { observedAt, id } = q.before;
    where.push(Prisma.sql`(o."observedAt" < ${observedAt} OR (o."observedAt" = ${observedAt} AND ${idOrder(provider)} < ${id}))`);
  }
  return where;
}

type RawRow = Omit<ObservationSearchRow, 'observedAt'> & { observedAt: Date | string };

async function runQuery(db: Db, provider: Provider, q: ObservationSearchQuery, studentIds: readonly string[] | undefined): Promise<ObservationSearchRow[]> {
  const where = conditions(provider, q, studentIds);
  const rows = await db.$queryRaw<RawRow[]>(Prisma.sql`
    SELECT o."id", o."studentId", o."authorId", o."observedAt", o."text", o."categories", o."setting", o."visibility", o."concern"
    FROM "Observation" o
    ${where.length > 0 ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty}
    ORDER BY o."observedAt" DESC, ${idOrder(provider)} DESC
    LIMIT ${q.limit}`);
  return rows.map((r) => ({ ...r, observedAt: r.observedAt instanceof Date ? r.observedAt : new Date(r.observedAt) }));
}

const newestFirst = (a: ObservationSearchRow, b: ObservationSearchRow) =>
  b.observedAt.getTime() - a.observedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * Observations whose text contains every term, newest first, at most `limit`. A long list of
 * students is queried in chunks (bound-parameter limits); each chunk returns its own newest
 * `limit`, so the merged newest `limit` is exact.
 */
export async function searchObservations(db: Db, provider: Provider, query: ObservationSearchQuery): Promise<ObservationSearchRow[]> {
  const limit = Math.max(0, Math.floor(query.limit));
  if (limit === 0) return [];
  if (query.studentIds?.length === 0 || query.authorIds?.length === 0) return [];
  const q = { ...query, limit };
  if (!q.studentIds || q.studentIds.length <= ID_CHUNK) return runQuery(db, provider, q, q.studentIds);

  const ids = [...new Set(q.studentIds)];
  const rows: ObservationSearchRow[] = [];
  for (let i = 0; i < ids.length; i += ID_CHUNK) rows.push(...(await runQuery(db, provider, q, ids.slice(i, i + ID_CHUNK))));
  return rows.sort(newestFirst).slice(0, limit);
}
