// Case-history search in the store, over the sample school's real export: SQLite's FTS5 trigram
// index (and LIKE for short terms), PostgreSQL's pg_trgm index with ILIKE. The same expectations
// hold on both providers.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/database.ts';
import { importSchool } from '../../../src/store/import/index.ts';
import { searchObservations, type ObservationSearchQuery } from '../../../src/store/observation-search-repository.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { SAMPLE_SCHOOL_DIR } from '../../helpers/sample-school.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await importSchool(database.db, SAMPLE_SCHOOL_DIR, {});
});
afterAll(async () => database.destroy());

const search = (query: Partial<ObservationSearchQuery>) => searchObservations(database.db, database.provider, { terms: [], limit: 100, ...query });
/** Student, school date and author of each row: compact and readable in a failure. */
const keys = async (query: Partial<ObservationSearchQuery>) =>
  (await search(query)).map((r) => `${r.studentId} ${new Date(r.observedAt.getTime() + 9 * 3600_000).toISOString().slice(0, 10)} ${r.authorId}`);
const jst = (local: string) => new Date(`${local}+09:00`);

async function addNote(id: string, data: { studentId?: string; authorId?: string; text: string; observedAt?: Date; setting?: string | null }) {
  await database.db.observation.create({
    data: { id, studentId: data.studentId ?? 'S003', authorId: data.authorId ?? 'T01', observedAt: data.observedAt ?? jst('2026-11-20T12:00:00'), text: data.text, setting: data.setting ?? null, source: 'chat' },
  });
}

describe('finding observations by their words', () => {
  it('finds a Japanese term of three characters anywhere in the text (「ゲーム」 inside 「オンラインゲーム」), newest first', async () => {
    expect(await keys({ terms: ['ゲーム'] })).toEqual(['S003 2026-10-22 C01', 'S003 2026-09-10 T01']);
  });

  it('finds 「家庭訪問」 and 「ノート」', async () => {
    expect(await keys({ terms: ['家庭訪問'] })).toEqual(['S003 2026-10-08 T01']);
    expect(await keys({ terms: ['ノート'] })).toEqual(['S010 2026-11-19 T02']);
  });

  it('finds a two-character term (「面談」) and a one-character term (「弟」), which a trigram index cannot hold', async () => {
    expect(await keys({ terms: ['面談'] })).toEqual(['S008 2026-11-18 C01', 'S003 2026-10-22 C01', 'S002 2026-06-22 T01']);
    expect(await keys({ terms: ['弟'] })).toEqual(['S009 2026-10-07 T02']);
  });

  it('finds English regardless of case', async () => {
    for (const term of ['home visit', 'HOME VISIT', 'Home Visit']) expect(await keys({ terms: [term] })).toEqual(['S003 2026-11-12 T01']);
    expect(await keys({ terms: ['art'] })).toEqual(['S012 2026-11-05 C01', 'S006 2026-10-30 T01']);
  });

  it('requires every term (AND), mixing long and short terms', async () => {
    expect(await keys({ terms: ['母親', 'ゲーム'] })).toEqual(['S003 2026-10-22 C01', 'S003 2026-09-10 T01']);
    expect(await keys({ terms: ['面談', 'ゲーム'] })).toEqual(['S003 2026-10-22 C01']);
    expect(await keys({ terms: ['家庭訪問', 'ゲーム'] })).toEqual([]);
  });

  it('ignores empty and repeated terms; no terms lists by the other filters', async () => {
    expect(await keys({ terms: ['', '  ', 'ゲーム', 'ゲーム'] })).toEqual(['S003 2026-10-22 C01', 'S003 2026-09-10 T01']);
    expect(await keys({ studentIds: ['S007'] })).toEqual(['S007 2026-10-15 T02', 'S007 2026-05-28 T02']);
  });
});

describe('filters', () => {
  it('keeps a period (October, both ends inclusive)', async () => {
    const october = { from: jst('2026-10-01T00:00:00'), to: jst('2026-10-31T23:59:59.999') };
    expect(await keys({ terms: ['ゲーム'], ...october })).toEqual(['S003 2026-10-22 C01']);
    expect(await keys({ terms: ['面談'], ...october })).toEqual(['S003 2026-10-22 C01']);
    // 2026-10-08T17:00 is inside a period ending that day.
    expect(await keys({ terms: ['家庭訪問'], from: jst('2026-10-08T00:00:00'), to: jst('2026-10-08T23:59:59.999') })).toEqual(['S003 2026-10-08 T01']);
  });

  it('keeps an author', async () => {
    expect(await keys({ terms: ['面談'], authorIds: ['C01'] })).toEqual(['S008 2026-11-18 C01', 'S003 2026-10-22 C01']);
    expect(await keys({ terms: ['面談'], authorIds: ['N01'] })).toEqual([]);
    expect(await keys({ terms: ['面談'], authorIds: [] })).toEqual([]);
  });

  it('keeps the students in scope (a homeroom teacher’s class)', async () => {
    const class21 = ['S001', 'S002', 'S003', 'S004', 'S005', 'S006'];
    expect(await keys({ terms: ['面談'], studentIds: class21 })).toEqual(['S003 2026-10-22 C01', 'S002 2026-06-22 T01']);
    expect(await keys({ terms: ['将棋'], studentIds: class21 })).toEqual([]);
    expect(await keys({ terms: ['将棋'] })).toEqual(['S008 2026-10-19 T02']);
    expect(await keys({ terms: ['面談'], studentIds: [] })).toEqual([]);
  });

  it('keeps a setting; with setting words, notes without a recorded setting match by their text', async () => {
    await addNote('setting-phone', { text: 'お母さんと話した。明日は登校するとのこと。', setting: 'phone', observedAt: jst('2026-11-16T18:00:00') });
    await addNote('setting-class', { text: '家庭訪問の予定を本人に伝えた。', setting: 'classroom', observedAt: jst('2026-11-16T12:00:00') });
    try {
      expect(await keys({ setting: 'phone' })).toEqual(['S003 2026-11-16 T01']);
      expect((await search({ setting: 'phone' }))[0]!.setting).toBe('phone');
      // Recorded as classroom, so not a home visit, even though its text says 家庭訪問.
      expect(await keys({ setting: 'home_visit', settingMentions: ['家庭訪問', 'home visit'] })).toEqual(['S003 2026-11-12 T01', 'S003 2026-10-08 T01']);
      expect(await keys({ setting: 'home_visit' })).toEqual([]);
      expect(await keys({ setting: 'classroom', terms: ['家庭訪問'] })).toEqual(['S003 2026-11-16 T01']);
    } finally {
      await database.db.observation.deleteMany({ where: { id: { in: ['setting-phone', 'setting-class'] } } });
    }
  });
});

describe('the index follows every change to the notes', () => {
  it('finds a corrected note by its new text and not its old', async () => {
    await addNote('edit-me', { text: '初回のテキスト：図書室で読書していた。' });
    expect((await search({ terms: ['図書室'] })).map((r) => r.id)).toEqual(['edit-me']);
    await database.db.observation.update({ where: { id: 'edit-me' }, data: { text: '訂正後：理科室で実験に参加した。' } });
    expect(await search({ terms: ['図書室'] })).toEqual([]);
    expect((await search({ terms: ['理科室'] })).map((r) => r.id)).toEqual(['edit-me']);
    expect((await search({ terms: ['理科室'] }))[0]!.text).toBe('訂正後：理科室で実験に参加した。');
  });

  it('forgets a deleted note, and one deleted with its student', async () => {
    await database.db.observation.delete({ where: { id: 'edit-me' } });
    expect(await search({ terms: ['理科室'] })).toEqual([]);

    await database.db.student.create({ data: { id: 'S999', familyName: '転出', givenName: '生徒', familyNameKana: 'てんしゅつ', givenNameKana: 'せいと', grade: 2, classId: '2-1', enrolledOn: '2026-04-06' } });
    await addNote('leaves-with-student', { studentId: 'S999', text: '転出の手続きについて保護者と確認した。' });
    expect((await search({ terms: ['転出の手続き'] })).map((r) => r.id)).toEqual(['leaves-with-student']);
    await database.db.student.delete({ where: { id: 'S999' } });
    expect(await search({ terms: ['転出の手続き'] })).toEqual([]);
  });

  it('indexes notes written before the migration and after it alike (a re-import changes nothing)', async () => {
    await importSchool(database.db, SAMPLE_SCHOOL_DIR, {});
    expect(await keys({ terms: ['ゲーム'] })).toEqual(['S003 2026-10-22 C01', 'S003 2026-09-10 T01']);
  });
});

describe('terms are literal text, never syntax', () => {
  const tricky = 'Quote "here" and 100%_done, a*b AND c OR d NEAR(e) col:x ^start -minus';
  beforeAll(async () => addNote('tricky', { studentId: 'S001', text: tricky }));
  afterAll(async () => database.db.observation.deleteMany({ where: { id: 'tricky' } }));

  /** What a literal, case-insensitive substring search must return. */
  async function expected(term: string): Promise<string[]> {
    const all = await database.db.observation.findMany({ select: { id: true, text: true, observedAt: true }, orderBy: [{ observedAt: 'desc' }, { id: 'desc' }] });
    return all.filter((o) => o.text.toLowerCase().includes(term.toLowerCase())).map((o) => o.id);
  }

  const terms = ['"', '""', '"here"', '*', 'a*b', 'AND', 'OR', 'NOT', 'NEAR(e)', 'col:x', '^start', '-minus', '%', '_', '100%_', '%_d', '\\', "'", "'; DROP TABLE \"Observation\"; --", 'ゲーム" OR "面談', '家庭訪問*', '(', ')', '{}', '"ゲーム"', 'ゲーム AND 面談', '%ゲーム%', '_面'];
  for (const term of terms) {
    it(`${JSON.stringify(term)} matches exactly the notes that contain it`, async () => {
      expect((await search({ terms: [term] })).map((r) => r.id)).toEqual(await expected(term));
    });
  }

  it('the wildcard-looking terms find the one note that contains them', async () => {
    for (const term of ['%', '_', '100%_', 'a*b', '"here"', 'NEAR(e)']) expect((await search({ terms: [term] })).map((r) => r.id)).toEqual(['tricky']);
  });

  it('a term with control characters neither fails nor widens the search', async () => {
    expect(await search({ terms: ['ゲ\u0000ーム'] })).toEqual([]);
    expect(await keys({ terms: ['\u0000ゲーム\u0007'] })).toEqual(['S003 2026-10-22 C01', 'S003 2026-09-10 T01']);
  });

  it('a 10,000-character term, or many terms, returns without error', async () => {
    const started = Date.now();
    expect(await search({ terms: ['あ'.repeat(10_000)] })).toEqual([]);
    expect(await search({ terms: ['ゲーム'.repeat(3_334)] })).toEqual([]);
    expect(await search({ terms: [tricky.repeat(150)] })).toEqual([]);
    expect(await search({ terms: Array.from({ length: 300 }, (_, i) => `語${i}`) })).toEqual([]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('large scopes and paging', () => {
  it('queries a scope of more students than a statement may bind, in chunks, still newest first', async () => {
    const ids = Array.from({ length: 1_500 }, (_, i) => `X${String(i).padStart(4, '0')}`);
    // The real students sit in different chunks.
    ids.splice(10, 0, 'S002');
    ids.splice(700, 0, 'S008');
    ids.splice(1_200, 0, 'S003');
    expect(await keys({ terms: ['面談'], studentIds: ids })).toEqual(['S008 2026-11-18 C01', 'S003 2026-10-22 C01', 'S002 2026-06-22 T01']);
    expect(await keys({ terms: ['面談'], studentIds: ids, limit: 2 })).toEqual(['S008 2026-11-18 C01', 'S003 2026-10-22 C01']);
  });

  it('pages with a cursor without skipping or repeating, even between notes at the same instant', async () => {
    const at = jst('2026-11-13T09:00:00');
    for (const id of ['same-a', 'same-b', 'same-c']) await addNote(id, { text: '同時刻のメモ', observedAt: at });
    try {
      const seen: string[] = [];
      let before: ObservationSearchQuery['before'];
      for (;;) {
        const page = await search({ terms: ['同時刻のメモ'], limit: 2, before });
        seen.push(...page.map((r) => r.id));
        if (page.length < 2) break;
        before = { observedAt: page[1]!.observedAt, id: page[1]!.id };
      }
      expect(seen).toEqual(['same-c', 'same-b', 'same-a']);
      const all = (await search({ limit: 1_000 })).map((r) => r.id);
      const paged: string[] = [];
      before = undefined;
      for (;;) {
        const page = await search({ limit: 7, before });
        paged.push(...page.map((r) => r.id));
        if (page.length < 7) break;
        before = { observedAt: page[6]!.observedAt, id: page[6]!.id };
      }
      expect(paged).toEqual(all);
    } finally {
      await database.db.observation.deleteMany({ where: { id: { in: ['same-a', 'same-b', 'same-c'] } } });
    }
  });

  it('returns the columns the service needs, with real dates', async () => {
    const [row] = await search({ terms: ['家庭訪問'] });
    expect(row).toMatchObject({ studentId: 'S003', authorId: 'T01', categories: 'emotional,family', setting: null, visibility: 'team', concern: 'none' });
    expect(row!.observedAt).toBeInstanceOf(Date);
    expect(row!.observedAt.toISOString()).toBe('2026-10-08T08:00:00.000Z');
    expect(row!.text).toContain('家庭訪問。本人は部屋から出てこなかった。');
  });
});

describe('the migration', () => {
  it('built the search index on this provider', async () => {
    if (database.provider === 'postgresql') {
      const rows = await database.db.$queryRaw<{ name: string }[]>`SELECT indexname::text AS name FROM pg_indexes WHERE tablename = 'Observation' AND indexdef LIKE '%gin_trgm_ops%'`;
      expect(rows.map((r) => r.name)).toEqual(['Observation_text_trgm_idx']);
    } else {
      const rows = await database.db.$queryRaw<{ name: string }[]>`SELECT name FROM sqlite_master WHERE name IN ('ObservationSearch', 'ObservationSearchKey') OR (type = 'trigger' AND tbl_name = 'Observation') ORDER BY name`;
      expect(rows.map((r) => r.name)).toEqual(['ObservationSearch', 'ObservationSearchKey', 'Observation_search_ad', 'Observation_search_ai', 'Observation_search_au']);
    }
  });

  it('indexes the notes a database already held when 0002 was applied (SQLite backfill)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-backfill-'));
    const path = join(dir, 'old.db');
    try {
      // A database as it stood after 0001 only, with a note in it.
      const migrations = fileURLToPath(new URL('../../../prisma/migrations/sqlite/', import.meta.url));
      const init = readFileSync(join(migrations, '0001_init', 'migration.sql'), 'utf8');
      const raw = new BetterSqlite3(path);
      raw.exec(init);
      raw.exec('CREATE TABLE _yorisoi_migrations (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)');
      raw.prepare('INSERT INTO _yorisoi_migrations VALUES (?, ?, ?)').run('0001_init', createHash('sha256').update(init).digest('hex'), new Date().toISOString());
      raw.exec(`INSERT INTO "SchoolClass" (id, grade) VALUES ('2-1', 2);
        INSERT INTO "Staff" (id, familyName, givenName, role, updatedAt) VALUES ('T01', '山田', '健一', 'homeroom_teacher', '2026-11-01T00:00:00.000+00:00');
        INSERT INTO "Student" (id, familyName, givenName, familyNameKana, givenNameKana, grade, classId, enrolledOn, updatedAt) VALUES ('S001', '佐藤', '陽翔', 'さとう', 'はると', 2, '2-1', '2025-04-07', '2026-11-01T00:00:00.000+00:00');
        INSERT INTO "Observation" (id, studentId, authorId, observedAt, text, source, updatedAt) VALUES ('old-note', 'S001', 'T01', '2026-11-02T00:00:00.000+00:00', '移行前に書いた家庭訪問の記録', 'chat', '2026-11-02T00:00:00.000+00:00');`);
      raw.close();

      const opened = await openDatabase(`file:${path}`);
      try {
        expect((await searchObservations(opened.db, 'sqlite', { terms: ['家庭訪問'], limit: 10 })).map((r) => r.id)).toEqual(['old-note']);
        expect((await searchObservations(opened.db, 'sqlite', { terms: ['移行前', '訪問'], limit: 10 })).map((r) => r.id)).toEqual(['old-note']);
      } finally {
        await opened.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
