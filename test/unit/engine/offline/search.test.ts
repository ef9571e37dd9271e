import { describe, expect, it } from 'vitest';
import { parseSearch, SEARCH_REQUEST } from '../../../../src/engine/offline/search.ts';

const now = new Date('2026-11-20T17:00:00+09:00');

describe('case-history search filters', () => {
  it('quoted words are the words to find', () => {
    expect(parseSearch('加藤芽依の過去の記録で「ノート」が出てくるものを探して', now)).toEqual({ keywords: ['ノート'] });
    expect(parseSearch("Search Ren's notes for 'game'", now).keywords).toEqual(['game']);
    expect(parseSearch('Any notes mentioning "headache" for Yui?', now).keywords).toEqual(['headache']);
  });

  it('otherwise the content words, without names, filters and the words of asking', () => {
    expect(parseSearch('鈴木さんの頭痛の記録', now).keywords).toEqual(['頭痛']);
    expect(parseSearch('鈴木さんの記録で頭痛に関するもの', now).keywords).toEqual(['頭痛']);
    expect(parseSearch('Find notes about Airi mentioning the train', now).keywords).toEqual(['train']);
    expect(parseSearch('Notes by Ms Ishii about Ren\'s gaming', now).keywords).toEqual(['gaming']);
    expect(parseSearch('高橋くんの10月の家庭訪問の記録を見せて', now).keywords).toEqual([]);
    expect(parseSearch('Show me the notes on Misaki Tanaka from October.', now).keywords).toEqual([]);
  });

  it('a period from the message', () => {
    expect(parseSearch('高橋くんの10月の家庭訪問の記録を見せて', now).period).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(parseSearch('Show me the notes on Misaki Tanaka from October.', now).period).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(parseSearch('鈴木さんの先月の記録', now).period).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(parseSearch('鈴木さんの記録', now).period).toBeUndefined();
  });

  it('an author by name or role, as written', () => {
    expect(parseSearch('石井先生が書いた鈴木さんの面談記録を見せて', now)).toMatchObject({ author: '石井先生', setting: 'counseling', keywords: [] });
    expect(parseSearch('SCの記録で高橋くんのもの', now).author).toBe('SC');
    expect(parseSearch('養護教諭が書いた田中さんの記録', now).author).toBe('養護教諭');
    expect(parseSearch('What did the nurse write about Misaki in October?', now).author).toBe('nurse');
    expect(parseSearch('Pull up everything the counselor wrote about Yui', now).author).toBe('counselor');
    expect(parseSearch('Notes by Ms Ishii about Ren', now).author).toBe('Ms Ishii');
    expect(parseSearch("notes from the nurse's office about Yui", now)).toMatchObject({ setting: 'nurse_office' });
    expect(parseSearch("notes from the nurse's office about Yui", now).author).toBeUndefined();
  });

  it('a setting', () => {
    expect(parseSearch('高橋くんの家庭訪問の記録', now).setting).toBe('home_visit');
    expect(parseSearch('保健室での田中美咲さんの記録を探して', now).setting).toBe('nurse_office');
    expect(parseSearch('Ren home visit notes', now).setting).toBe('home_visit');
  });

  it('what asks for records', () => {
    for (const text of ['記録を見せて', '過去の記録', '「ノート」が出てくるもの', '検索して', 'show me the notes on Yui', 'find records about Ren', 'notes mentioning sleep', 'What did the nurse write about Misaki?']) {
      expect(SEARCH_REQUEST.test(text), text).toBe(true);
    }
    for (const text of ['鈴木さんの様子は？', 'How is Yui?', '記録：今日は1限から登校']) {
      expect(SEARCH_REQUEST.test(text), text).toBe(false);
    }
  });
});
