import { describe, expect, it } from 'vitest';
import { matchTriedStrategy, parseLibrary, STRATEGIES, Strategy } from '../../../src/analysis/strategies/index.ts';
import { LIBRARY } from '../../../src/analysis/strategies/library.ts';
import { sampleRecords, SAMPLE_STUDENTS } from './functions-sample-school.ts';

describe('the strategy library', () => {
  it('validates against the schema, with 30 or more entries and unique kebab-case ids', () => {
    expect(() => parseLibrary(LIBRARY)).not.toThrow();
    expect(STRATEGIES.length).toBeGreaterThanOrEqual(30);
    const ids = STRATEGIES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(['F1', 'F2', 'F3', 'F4'] as const)('covers %s with at least four strategies', (fn) => {
    expect(STRATEGIES.filter((s) => s.functions.includes(fn)).length).toBeGreaterThanOrEqual(4);
  });

  it.each([1, 2, 3] as const)('covers tier %s', (tier) => {
    expect(STRATEGIES.filter((s) => s.tiers.includes(tier)).length).toBeGreaterThanOrEqual(3);
  });

  it('every entry has a source, an owner, a duration, a progress measure and a first step in both languages', () => {
    for (const s of STRATEGIES) {
      expect(s.source.length, s.id).toBeGreaterThan(10);
      expect(s.owners.length, s.id).toBeGreaterThan(0);
      expect(s.durationWeeks, s.id).toBeGreaterThan(0);
      for (const field of [s.name, s.description, s.progressMeasure, s.firstStep]) {
        expect(field.ja, s.id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/); // Japanese text
        expect(field.en, s.id).toMatch(/[a-z]/);
      }
    }
  });

  it('the matched supports of DOMAIN.md are all there', () => {
    const ids = new Set(STRATEGIES.map((s) => s.id));
    for (const id of [
      'relaxation-breathing',
      'graded-exposure',
      'predictable-morning-routine',
      'flexible-start',
      'social-skills-practice',
      'separate-room-small-group',
      'test-accommodations',
      'cognitive-restructuring',
      'parent-shaping',
      'differential-attention',
      'morning-check-in',
      'contingency-contract',
      'sleep-routine-plan',
      'interest-linked-goals',
      'check-and-connect',
      'case-meeting',
      'home-visits',
      'online-participation',
      'education-support-centre',
      'attendance-ladder',
      'attendance-recognition',
      'safety-planning',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('a bad entry throws when the library is parsed', () => {
    const good = LIBRARY[0]!;
    expect(() => parseLibrary([...LIBRARY, { ...good }])).toThrow(/duplicate strategy id/);
    expect(() => parseLibrary([{ ...good, id: 'Not Kebab' }])).toThrow();
    expect(() => parseLibrary([{ ...good, id: 'x', tiers: [4] }])).toThrow();
    expect(() => parseLibrary([{ ...good, id: 'x', patterns: ['mondays'] }])).toThrow();
    expect(() => parseLibrary([{ ...good, id: 'x', owners: ['principal'] }])).toThrow();
    expect(() => parseLibrary([{ ...good, id: 'x', name: { ja: '名前' } }])).toThrow();
    expect(() => parseLibrary([{ ...good, id: 'x', source: '' }])).toThrow();
    expect(() => Strategy.parse({ ...good, extra: true })).toThrow();
  });
});

describe('which strategy a plan tried', () => {
  it.each([
    ['月曜朝に担任が短いチェックインをする', 'morning-check-in'],
    ['別室から美術の授業への段階的な復帰', 'attendance-ladder'],
    ['週1回の家庭訪問と保護者面談', 'home-visits'],
    ['別室登校と支援員による学習支援', 'learning-support'],
    ['Weekly home visits by the homeroom teacher', 'home-visits'],
    ['Sleep diary and an earlier bedtime', 'sleep-routine-plan'],
    ['テストは別室受験にする', 'test-accommodations'],
    ['ゲーム時間と登校の約束を家庭と決める', 'contingency-contract'],
    ['ＳＳＴ（ソーシャルスキルトレーニング）', 'social-skills-practice'],
    ['Check & Connect mentoring', 'check-and-connect'],
  ])('%s -> %s', (text, id) => {
    expect(matchTriedStrategy(text)?.id).toBe(id);
  });

  it('says nothing when nothing fits', () => {
    expect(matchTriedStrategy('')).toBeUndefined();
    expect(matchTriedStrategy('様子を見る')).toBeUndefined();
    expect(matchTriedStrategy('see how it goes')).toBeUndefined();
  });

  it("recognises every plan in the sample school's export", () => {
    for (const s of SAMPLE_STUDENTS) for (const p of sampleRecords(s).plans) expect(matchTriedStrategy(p.strategy), p.strategy).toBeDefined();
  });
});
