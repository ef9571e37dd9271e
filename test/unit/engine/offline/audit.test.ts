import { describe, expect, it } from 'vitest';
import { understandOffline } from '../../../../src/engine/offline/understand.ts';
import { parsePeriod } from '../../../../src/engine/offline/when.ts';

const now = new Date('2026-11-20T17:00:00+09:00');
const understand = (text: string) => understandOffline(text, { now, awaitingChoice: false, awaitingConfirmation: false });

const THIS_MONTH = { from: '2026-11-01', to: '2026-11-20' };
const LAST_WEEK = { from: '2026-11-09', to: '2026-11-15' };
const THIS_WEEK = { from: '2026-11-16', to: '2026-11-20' };
const THIS_YEAR = { from: '2026-04-01', to: '2026-11-20' };

describe('audit questions: who looked at a student’s records', () => {
  it.each([
    ['今月、鈴木さんの記録を見たのは誰？', THIS_MONTH],
    ['先週、鈴木さんの記録を見たのは誰？', LAST_WEEK],
    ['今週鈴木さんの記録を見た人は？', THIS_WEEK],
    ['今年度、鈴木結衣さんの記録を閲覧したのは誰', THIS_YEAR],
    ['11月1日以降に鈴木さんの記録を見たのは誰？', THIS_MONTH],
    ['誰が鈴木さんの記録を見た？', undefined],
    ['鈴木さんの記録を誰が見た？', undefined],
    ['鈴木さんの情報にアクセスした先生を教えて', undefined],
    ['鈴木さんの閲覧履歴', undefined],
    ['今月の鈴木さんのアクセスログ', THIS_MONTH],
    ['結衣ちゃんの記録を見た職員は？', undefined],
  ])('%s', (text, period) => {
    // No staff member: the whole message (NFKC) is where the services look for the student.
    expect(understand(text)).toEqual({ type: 'audit_query', text: text.normalize('NFKC'), ...(period ? { period } : {}) });
  });

  it.each([
    ["who looked at Yui's records this month?", THIS_MONTH],
    ["Who looked at Yui's records last week?", LAST_WEEK],
    ["who has accessed Yui Suzuki's file this week", THIS_WEEK],
    ["Who has viewed Yui's notes this school year?", THIS_YEAR],
    ["Who has accessed Yui's records since 2026-11-01?", THIS_MONTH],
    ["who's been looking at Yui's records since Nov 1", THIS_MONTH],
    ['access log for Yui', undefined],
    ["Show me the audit trail for Yui", undefined],
  ])('%s', (text, period) => {
    const intent = understand(text);
    expect(intent).toEqual({ type: 'audit_query', text, ...(period ? { period } : {}) });
  });

});

describe('audit questions: what a staff member looked at', () => {
  it.each([
    ['山田先生が見た記録', '山田先生', undefined],
    ['山田先生が今週見た記録は？', '山田先生', THIS_WEEK],
    ['今週山田先生が見た記録', '山田先生', THIS_WEEK],
    ['先週、山田先生は誰の記録を見た？', '山田先生', LAST_WEEK],
    ['石井先生の閲覧履歴', '石井先生', undefined],
    ['T01が今月見た記録', 'T01', THIS_MONTH],
    ['What did Yamada look at?', 'Yamada', undefined],
    ['What did Yamada-sensei look at last week?', 'Yamada-sensei', LAST_WEEK],
    ['whose records did Ms Ishii open this week?', 'Ms Ishii', THIS_WEEK],
    ['Which students has Mr Yamada viewed this month?', 'Mr Yamada', THIS_MONTH],
  ])('%s', (text, staff, period) => {
    const intent = understand(text);
    expect(intent).toMatchObject({ type: 'audit_query', staff, ...(period ? { period } : {}) });
    // The staff name is taken out of the words the services look for a student in.
    expect(intent.type === 'audit_query' && intent.text).not.toContain(staff);
  });

  it('a staff member and a student together', () => {
    expect(understand('山田先生は鈴木さんの記録を見た？')).toMatchObject({ type: 'audit_query', staff: '山田先生', text: expect.stringContaining('鈴木さん') });
    expect(understand("Did Yamada look at Yui's records this week?")).toMatchObject({ type: 'audit_query', staff: 'Yamada', text: expect.stringContaining("Yui's"), period: THIS_WEEK });
  });
});

describe('what is not an audit question', () => {
  it.each([
    ['山田先生が見たとき、鈴木さんは泣いていた', 'log_observation'],
    ['鈴木さんの記録を見せて', 'search_history'],
    ['鈴木さんの記録を見たい', 'search_history'],
    ['鈴木さんの先月の欠席は？', 'ask_about_student'],
    ['石井先生が書いた鈴木さんの面談記録を見せて', 'search_history'],
    ['Show me the notes on Misaki from October', 'search_history'],
    ['What did the nurse write about Misaki in October?', 'search_history'],
    ['Who needs attention this week?', 'list_attention'],
    ['How is Yui doing?', 'ask_about_student'],
    ['今週のまとめ', 'digest_preview'],
    ['Yui looked at the board and cried.', 'log_observation'],
  ])('%s -> %s', (text, type) => {
    expect(understand(text).type).toBe(type);
  });
});

describe('a period from a day to today', () => {
  it('「以降」「から」 and "since" after a date run to today; a range stays a range', () => {
    expect(parsePeriod('2026-11-01以降', now)).toEqual(THIS_MONTH);
    expect(parsePeriod('11月3日から欠席が続く', now)).toEqual({ from: '2026-11-03', to: '2026-11-20' });
    expect(parsePeriod('since Nov 3', now)).toEqual({ from: '2026-11-03', to: '2026-11-20' });
    expect(parsePeriod('since 2026-11-01', now)).toEqual(THIS_MONTH);
    expect(parsePeriod('10/1から10/15まで', now)).toEqual({ from: '2026-10-01', to: '2026-10-15' });
    expect(parsePeriod('11/18', now)).toEqual({ from: '2026-11-18', to: '2026-11-18' });
    expect(parsePeriod('since October', now)).toEqual({ from: '2026-10-01', to: '2026-11-20' });
  });
});
