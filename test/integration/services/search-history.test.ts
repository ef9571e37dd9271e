// Case-history search as a use case, over the sample school: who may find what, filters from the
// message (period, author, setting), the audit trail, and the offline reply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffMember } from '../../../src/access/policy.ts';
import { composeSearchResults } from '../../../src/engine/compose/search-results.ts';
import type { ServiceContext } from '../../../src/services/context.ts';
import { excerptAround, searchHistory, type SearchHistoryRequest, type SearchHistoryResult } from '../../../src/services/search-history.ts';
import { importSchool } from '../../../src/store/import/index.ts';
import { findStaffMember } from '../../../src/store/staff-repository.ts';
import { serviceContext } from '../../../src/services/context.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { SAMPLE_NOW, SAMPLE_SCHOOL_DIR } from '../../helpers/sample-school.ts';

let database: TestDatabase;
let ctx: ServiceContext;
const INTENT = 'search_history';

beforeAll(async () => {
  database = await createTestDatabase();
  await importSchool(database.db, SAMPLE_SCHOOL_DIR, {});
  const now = () => SAMPLE_NOW;
  ctx = serviceContext(database, now);
});
afterAll(async () => database.destroy());

async function staff(id: string): Promise<StaffMember> {
  const member = await findStaffMember(database.db, id);
  if (!member) throw new Error(`no staff ${id}`);
  return member;
}

async function run(asker: string, request: Partial<SearchHistoryRequest>): Promise<SearchHistoryResult> {
  return searchHistory(ctx, await staff(asker), { keywords: [], ...request }, INTENT);
}

/** Student, school date and author of each hit. */
async function hits(asker: string, request: Partial<SearchHistoryRequest>): Promise<string[]> {
  const result = await run(asker, request);
  if (result.kind !== 'results') throw new Error(`expected results, got ${result.kind}`);
  return result.results.map((r) => `${r.student.id} ${r.date} ${r.author?.id}`);
}

const october = { from: '2026-10-01', to: '2026-10-31' };
const auditOf = async (actorId: string, since: number) =>
  (await database.db.auditEvent.findMany({ where: { actorId, id: { gt: since } }, orderBy: { id: 'asc' } })).map((e) => `${e.studentId} ${e.action} ${e.kind} ${e.result}${e.reason ? ` ${e.reason}` : ''}`);
const lastAuditId = async () => (await database.db.auditEvent.findFirst({ orderBy: { id: 'desc' } }))?.id ?? 0;

describe('what each asker finds', () => {
  it('Japanese keywords for a named student: T01 finds her team note, not the counselor’s confidential one', async () => {
    expect(await hits('T01', { studentText: '高橋さん', keywords: ['ゲーム'] })).toEqual(['S003 2026-09-10 T01']);
    expect(await hits('C01', { studentText: '高橋さん', keywords: ['ゲーム'] })).toEqual(['S003 2026-10-22 C01', 'S003 2026-09-10 T01']);
  });

  it('a two-character keyword (「面談」) across the asker’s scope', async () => {
    // T01: S002 (own note); S003's is confidential; S008 is in 2-2.
    expect(await hits('T01', { keywords: ['面談'] })).toEqual(['S002 2026-06-22 T01']);
    expect(await hits('C01', { keywords: ['面談'] })).toEqual(['S008 2026-11-18 C01', 'S003 2026-10-22 C01', 'S002 2026-06-22 T01']);
    expect(await hits('A01', { keywords: ['面談'] })).toEqual(['S008 2026-11-18 C01', 'S003 2026-10-22 C01', 'S002 2026-06-22 T01']);
  });

  it('English keywords, any case', async () => {
    expect(await hits('T01', { keywords: ['HOME VISIT'] })).toEqual(['S003 2026-11-12 T01']);
    expect(await hits('T01', { studentText: 'Ren', keywords: ['game tournament'] })).toEqual(['S003 2026-11-12 T01']);
  });

  it('T01 cannot find the notes of 2-2 students; their homeroom teacher can', async () => {
    expect(await hits('T01', { keywords: ['将棋'] })).toEqual([]);
    expect(await hits('T02', { keywords: ['将棋'] })).toEqual(['S008 2026-10-19 T02']);
    expect(await hits('T01', { keywords: ['消えたい'] })).toEqual([]);
  });

  it('a subject teacher of both classes finds team notes in both', async () => {
    // Not S003's 10-22 note: the counselor's, confidential.
    expect(await hits('T03', { keywords: ['母親'] })).toEqual(['S003 2026-10-08 T01', 'S009 2026-10-07 T02', 'S009 2026-09-16 N01', 'S003 2026-09-10 T01', 'S002 2026-06-08 T01', 'S007 2026-05-28 T02']);
  });

  it('the nurse finds her own notes and health notes, not other team notes', async () => {
    // T01's 10-06 note on S004 (「発表の授業の前に保健室へ…」) is filed under health on import, so she sees it.
    const nurse = ['S004 2026-11-20 N01', 'S004 2026-11-20 N01', 'S004 2026-10-06 T01', 'S009 2026-09-16 N01', 'S004 2026-07-01 N01', 'S004 2026-06-12 N01'];
    expect(await hits('N01', { keywords: ['保健室'] })).toEqual(nurse);
    expect(await hits('T01', { keywords: ['保健室'] })).toEqual(['S004 2026-11-20 N01', 'S004 2026-11-20 N01', 'S004 2026-10-06 T01', 'S004 2026-07-01 N01', 'S004 2026-06-12 N01']);
  });

  it('drops a keyword that is only the student’s name: the note need not contain it', async () => {
    expect(await hits('T01', { studentText: '高橋蓮さん', keywords: ['高橋', '蓮くん', 'ゲーム'] })).toEqual(['S003 2026-09-10 T01']);
  });

  it('with no keywords, lists the student’s notes that pass the filters', async () => {
    expect(await hits('T02', { studentText: '山本さん' })).toEqual(['S007 2026-10-15 T02', 'S007 2026-05-28 T02']);
  });
});

describe('filters taken from the message', () => {
  it('period: October', async () => {
    expect(await hits('C01', { studentText: '高橋さん', keywords: ['ゲーム'], period: october })).toEqual(['S003 2026-10-22 C01']);
    expect(await hits('C01', { studentText: '高橋さん', period: october })).toEqual(['S003 2026-10-22 C01', 'S003 2026-10-08 T01']);
    expect(await hits('C01', { keywords: ['面談'], period: { from: '2026-06-22', to: '2026-06-22' } })).toEqual(['S002 2026-06-22 T01']);
  });

  it('author by name, with or without 先生 / さん', async () => {
    for (const author of ['石井', '石井先生', '石井 直子', '石井直子さん', '直子先生']) {
      expect(await hits('C01', { keywords: ['面談'], author })).toEqual(['S008 2026-11-18 C01', 'S003 2026-10-22 C01']);
    }
    expect(await hits('A01', { studentText: '高橋', author: '山田先生' })).toEqual(['S003 2026-11-12 T01', 'S003 2026-10-08 T01', 'S003 2026-09-10 T01']);
  });

  it('author by role: SC, 保健室の先生, 担任', async () => {
    for (const author of ['SC', 'スクールカウンセラー', 'counselor', 'the counsellor', 'SCの先生']) {
      expect(await hits('A01', { studentText: '高橋さん', author })).toEqual(['S003 2026-10-22 C01']);
    }
    for (const author of ['養護教諭', '保健室の先生', 'nurse']) {
      expect(await hits('A01', { studentText: '田中美咲さん', author })).toEqual(['S004 2026-11-20 N01', 'S004 2026-11-20 N01', 'S004 2026-07-01 N01', 'S004 2026-06-12 N01']);
    }
    expect(await hits('A01', { studentText: '田中美咲さん', author: '担任' })).toEqual(['S004 2026-10-06 T01']);
    expect(await hits('A01', { studentText: '山本さん', author: 'homeroom teacher' })).toEqual(['S007 2026-10-15 T02', 'S007 2026-05-28 T02']);
    // School-wide, 担任 means the homeroom teachers of the classes in the asker's scope.
    expect(await hits('A01', { keywords: ['母親'], author: '担任' })).toEqual(['S003 2026-10-08 T01', 'S009 2026-10-07 T02', 'S003 2026-09-10 T01', 'S002 2026-06-08 T01', 'S007 2026-05-28 T02']);
  });

  it('an author nobody matches finds nothing and says so', async () => {
    const result = await run('C01', { keywords: ['面談'], author: 'ドラえもん' });
    expect(result).toMatchObject({ kind: 'results', results: [], filters: { author: { text: 'ドラえもん', staff: [] } } });
    expect(composeSearchResults(result, 'ja').text).toContain('「ドラえもん」に当たる職員が見つかりませんでした');
    expect(composeSearchResults(result, 'en').text).toContain('No staff member matches "ドラえもん"');
  });

  it('setting: a recorded setting, or for notes without one (every imported note), the setting’s words in the text', async () => {
    await database.db.observation.createMany({
      data: [
        { id: 'svc-phone', studentId: 'S003', authorId: 'T01', observedAt: new Date('2026-10-20T18:00:00+09:00'), text: 'お母さんと話した。週末は家族で出かけたとのこと。', setting: 'phone', source: 'chat' },
        { id: 'svc-class', studentId: 'S003', authorId: 'T01', observedAt: new Date('2026-10-21T12:00:00+09:00'), text: '家庭訪問の日程を本人に伝えた。', setting: 'classroom', source: 'chat' },
      ],
    });
    try {
      expect(await hits('T01', { studentText: '高橋さん', setting: 'phone' })).toEqual(['S003 2026-10-20 T01']);
      // The imported 家庭訪問 notes have no setting; the classroom note only mentions a home visit.
      expect(await hits('C01', { studentText: '高橋さん', period: october, setting: 'home_visit' })).toEqual(['S003 2026-10-08 T01']);
      expect(await hits('T01', { studentText: '高橋さん', setting: 'home_visit' })).toEqual(['S003 2026-11-12 T01', 'S003 2026-10-08 T01']);
      expect(await hits('T01', { studentText: '高橋さん', setting: 'classroom' })).toEqual(['S003 2026-10-21 T01']);
    } finally {
      await database.db.observation.deleteMany({ where: { id: { in: ['svc-phone', 'svc-class'] } } });
    }
  });
});

describe('scope, neutrality and the audit trail', () => {
  it('a named student out of scope gives the same neutral none as an unknown name, and the attempt is audited as a denial', async () => {
    const since = await lastAuditId();
    expect(await run('T01', { studentText: '中村葵さん', keywords: ['面談'] })).toEqual({ kind: 'none' });
    expect(await run('T01', { studentText: '存在しない名前さん', keywords: ['面談'] })).toEqual({ kind: 'none' });
    expect(await auditOf('T01', since)).toEqual(['S008 read profile denied not_in_scope']);
  });

  it('a student in focus out of scope is denied and audited too', async () => {
    const since = await lastAuditId();
    expect(await run('T01', { focusStudentId: 'S008', keywords: ['面談'] })).toEqual({ kind: 'none' });
    expect(await run('T01', { focusStudentId: 'S404' })).toEqual({ kind: 'none' });
    expect(await auditOf('T01', since)).toEqual(['S008 read observation denied not_in_scope']);
  });

  it('a named student in scope: one allowed observation read, audited before the search', async () => {
    const since = await lastAuditId();
    await run('T01', { studentText: '高橋さん', keywords: ['ゲーム'] });
    expect(await auditOf('T01', since)).toEqual(['S003 read observation allowed']);
    const since2 = await lastAuditId();
    await run('T01', { focusStudentId: 'S003', keywords: ['存在しない語句'] });
    expect(await auditOf('T01', since2)).toEqual(['S003 read observation allowed']);
  });

  it('a search over the scope audits, in one write, the students whose notes it returns', async () => {
    const since = await lastAuditId();
    await run('C01', { keywords: ['面談'] });
    const rows = await database.db.auditEvent.findMany({ where: { actorId: 'C01', id: { gt: since } } });
    expect(rows.map((e) => `${e.studentId} ${e.action} ${e.kind} ${e.result} ${e.intent}`).sort()).toEqual([
      'S002 read observation allowed search_history',
      'S003 read observation allowed search_history',
      'S008 read observation allowed search_history',
    ]);
    expect(new Set(rows.map((r) => r.at.getTime())).size).toBe(1);

    const since2 = await lastAuditId();
    await run('T01', { keywords: ['面談'] });
    // S003's only match is confidential, so nothing of S003's is returned to T01.
    expect(await auditOf('T01', since2)).toEqual(['S002 read observation allowed']);
    const since3 = await lastAuditId();
    await run('T01', { keywords: ['将棋'] });
    expect(await auditOf('T01', since3)).toEqual([]);
  });

  it('an ambiguous name asks back with the candidates the asker may see', async () => {
    const result = await run('C01', { studentText: '田中さん', keywords: ['保健室'] });
    expect(result.kind).toBe('ambiguous');
    if (result.kind === 'ambiguous') expect(result.candidates.map((c) => c.id).sort()).toEqual(['S004', 'S011']);
    // For T01 only 田中 美咲 is in scope.
    expect(await hits('T01', { studentText: '田中さん', keywords: ['保健室'] })).toEqual(['S004 2026-11-20 N01', 'S004 2026-11-20 N01', 'S004 2026-10-06 T01', 'S004 2026-07-01 N01', 'S004 2026-06-12 N01']);
  });
});

describe('the index follows corrections and deletions', () => {
  it('a corrected note is found by its new words, not its old; a deleted one disappears', async () => {
    await database.db.observation.create({ data: { id: 'svc-edit', studentId: 'S005', authorId: 'T01', observedAt: new Date('2026-11-19T08:30:00+09:00'), text: '部活の朝練に参加してから登校。', source: 'chat' } });
    expect(await hits('T01', { keywords: ['朝練'] })).toEqual(['S005 2026-11-19 T01']);
    await database.db.observation.update({ where: { id: 'svc-edit' }, data: { text: '保護者の送迎で2限から登校。', version: 2 } });
    expect(await hits('T01', { keywords: ['朝練'] })).toEqual([]);
    expect(await hits('T01', { keywords: ['送迎'] })).toEqual(['S005 2026-11-19 T01']);
    await database.db.observation.delete({ where: { id: 'svc-edit' } });
    expect(await hits('T01', { keywords: ['送迎'] })).toEqual([]);
  });
});

describe('hostile and oversized input', () => {
  it('FTS syntax, LIKE wildcards and quotes are searched literally and never widen the search', async () => {
    for (const keyword of ['"', '*', 'AND', '%', '_', 'ゲーム" OR "面談', '%面談%', '面_', '" OR ""="', 'NEAR(ゲーム 面談)', '*ゲーム*']) {
      const found = await hits('C01', { keywords: [keyword] });
      const everything = await database.db.observation.findMany({ select: { text: true } });
      const expected = everything.filter((o) => o.text.toLowerCase().includes(keyword.toLowerCase())).length;
      expect(found, keyword).toHaveLength(expected);
    }
  });

  it('a 10,000-character message does not crash', async () => {
    const long = '長い文章'.repeat(2_500);
    expect(await hits('T01', { keywords: [long] })).toEqual([]);
    expect(await hits('T01', { keywords: long.split('。') })).toEqual([]);
    expect(await run('T01', { studentText: long, keywords: ['ゲーム'] })).toEqual({ kind: 'none' });
    expect(await hits('T01', { keywords: ['ゲーム'], author: long })).toEqual([]);
  });
});

describe('many matches', () => {
  beforeAll(async () => {
    await database.db.observation.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        id: `bulk-${String(i).padStart(2, '0')}`,
        studentId: 'S001',
        authorId: i % 2 === 0 ? 'T01' : 'C01', // C01's are confidential to T01
        visibility: i % 2 === 0 ? 'team' : 'confidential',
        observedAt: new Date(Date.parse('2026-11-01T08:00:00+09:00') + i * 3_600_000),
        text: `朝の声かけ${i}回目。${'落ち着いて過ごしていた。'.repeat(20)}ストレッチを一緒にした。`,
        source: 'chat',
      })),
    });
  });
  afterAll(async () => database.db.observation.deleteMany({ where: { id: { startsWith: 'bulk-' } } }));

  it('returns the 50 newest the asker may read, and says there are more', async () => {
    const result = await run('C01', { keywords: ['声かけ'] });
    if (result.kind !== 'results') throw new Error(result.kind);
    expect(result.results).toHaveLength(50);
    expect(result.truncated).toBe(true);
    expect(result.results[0]!.id).toBe('bulk-59');
    expect(result.results.map((r) => r.observedAt.getTime())).toEqual([...result.results.map((r) => r.observedAt.getTime())].sort((a, b) => b - a));
  });

  it('pages past notes the asker may not read: T01 gets all 30 team notes', async () => {
    const result = await run('T01', { keywords: ['声かけ'] });
    if (result.kind !== 'results') throw new Error(result.kind);
    expect(result.results).toHaveLength(30);
    expect(result.truncated).toBe(false);
    expect(result.results.every((r) => r.author?.id === 'T01')).toBe(true);
  });

  it('the reply lists ten, newest first, with an excerpt around the match, and counts the rest', async () => {
    const result = await run('T01', { keywords: ['ストレッチ'] });
    const reply = composeSearchResults(result, 'ja');
    const lines = reply.text.split('\n');
    expect(lines[0]).toBe('記録の検索（「ストレッチ」）30件');
    expect(lines.filter((l) => l.startsWith('・'))).toHaveLength(10);
    expect(lines[1]).toMatch(/^・2026-11-03 佐藤 陽翔（2-1） 山田: …落ち着いて.*ストレッチを一緒にした。$/);
    expect(lines.at(-1)).toBe('ほか 20件（期間・書いた人・場面で絞り込めます）');
    expect(reply.facts).toHaveLength(10);
    expect(reply.facts![0]).toEqual({ kind: 'observation', recordId: 'bulk-58', label: '2026-11-03' });
    expect(reply.sensitivity).toBe('restricted');
    const en = composeSearchResults(result, 'en');
    expect(en.text.split('\n')[0]).toBe('30 notes found ("ストレッチ")');
    expect(en.text).toContain('and 20 more');
  });
});

describe('the reply', () => {
  it('repeats the filters in the header and cites each note', async () => {
    const result = await run('C01', { studentText: '高橋さん', period: october, setting: 'home_visit' });
    const ja = composeSearchResults(result, 'ja');
    expect(ja.text.split('\n')[0]).toBe('高橋 蓮さんの記録（10月、家庭訪問）1件');
    expect(ja.text).toContain('・2026-10-08 山田: 家庭訪問。本人は部屋から出てこなかった。');
    expect(ja.facts).toEqual([{ kind: 'observation', recordId: expect.any(String), label: '2026-10-08' }]);
    const en = composeSearchResults(result, 'en');
    expect(en.text.split('\n')[0]).toBe('1 note on Ren Takahashi (高橋 蓮) (October, home visits)');
    expect(en.language).toBe('en');
  });

  it('names keywords, author and period in both languages', async () => {
    const result = await run('C01', { keywords: ['面談'], author: 'SC', period: { from: '2026-10-01', to: '2026-11-20' } });
    expect(composeSearchResults(result, 'ja').text.split('\n')[0]).toBe('記録の検索（「面談」、2026-10-01〜2026-11-20、SC）2件');
    expect(composeSearchResults(result, 'en').text.split('\n')[0]).toBe('2 notes found ("面談", 2026-10-01 to 2026-11-20, by the counselor)');
    const named = await run('C01', { keywords: ['面談'], author: '石井先生' });
    expect(composeSearchResults(named, 'ja').text.split('\n')[0]).toBe('記録の検索（「面談」、石井 直子先生）2件');
  });

  it('no hits: a clear message that repeats the filters', async () => {
    const result = await run('T01', { studentText: '高橋さん', keywords: ['将棋'], period: october });
    expect(composeSearchResults(result, 'ja').text).toBe('高橋 蓮さんの記録（「将棋」、10月）は、閲覧できる範囲では見つかりませんでした。キーワードを短くするか、期間などの条件を外して試してください。');
    expect(composeSearchResults(result, 'en').text).toBe('No notes on Ren Takahashi (高橋 蓮) you can see match ("将棋", October). Try a shorter keyword or fewer filters.');
  });

  it('neutral none and ask-back replies', async () => {
    const none = composeSearchResults({ kind: 'none' }, 'ja');
    expect(none.text).toContain('お答えできません');
    const ambiguous = composeSearchResults(await run('C01', { studentText: '田中さん' }), 'en');
    expect(ambiguous.actions).toHaveLength(2);
  });

  it('an urgent note is marked', async () => {
    const reply = composeSearchResults(await run('T02', { keywords: ['消えたい'] }), 'ja');
    expect(reply.text).toContain('【要対応】');
  });
});

describe('excerpts', () => {
  it('keep short notes whole and cut long ones around the first keyword', () => {
    expect(excerptAround('短い記録。', ['記録'])).toBe('短い記録。');
    const long = `${'あ'.repeat(200)}目印${'い'.repeat(200)}`;
    const cut = excerptAround(long, ['目印']);
    expect(cut.startsWith('…')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).toContain('目印');
    expect([...cut].length).toBe(122);
    expect(excerptAround(`${'x'.repeat(300)} HOME visit`, ['home visit']).endsWith('HOME visit')).toBe(true);
    expect(excerptAround('a'.repeat(300), []).startsWith('aaa')).toBe(true);
  });
});
