import { describe, expect, it } from 'vitest';
import { hypothesiseFunctions, leadingFunctions } from '../../../src/analysis/functions/index.ts';
import { clausesOf, textHas } from '../../../src/analysis/functions/text.ts';
import type { EnvironmentInput, FunctionCode, FunctionHypothesis, ObservationInput, Pattern, PatternCode } from '../../../src/analysis/types.ts';
import { pattern, records, SAMPLE_STUDENTS, samplePatterns, sampleRecords } from './functions-sample-school.ts';

let nextId = 0;
function obs(text: string, date = '2026-10-05', hour = 15): ObservationInput {
  nextId += 1;
  return { id: `o${nextId}`, date, hour, authorRole: 'homeroom_teacher', text, categories: [], concern: 'none' };
}
function env(factor: string, value: string, assessedOn = '2026-10-20'): EnvironmentInput {
  nextId += 1;
  return { id: `e${nextId}`, assessedOn, factor, value };
}
const fns = (hs: FunctionHypothesis[]) => hs.map((h) => h.function);
const get = (hs: FunctionHypothesis[], fn: FunctionCode) => hs.find((h) => h.function === fn);
const fromNotes = (...texts: string[]) => hypothesiseFunctions(records({ observations: texts.map((t) => obs(t)) }), []);
const fromPatterns = (...codes: PatternCode[]) => hypothesiseFunctions(records(), codes.map((c) => pattern(c)));

describe('reading notes: clauses and negation', () => {
  const test = { ja: /テスト/, en: /\btests?\b/ };
  const headache = { ja: /頭痛/, en: /headaches?/ };
  it('splits sentences and contrast words', () => {
    expect(clausesOf('中間テストを欠席。テストのない日は普通に登校。').map((c) => c.compact)).toEqual(['中間テストを欠席', 'テストのない日は普通に登校']);
    expect(clausesOf('クラスの雰囲気が苦手だが、美術には出たい')).toHaveLength(2);
    expect(clausesOf('She was tired but she came.')).toHaveLength(2);
  });
  it('skips negated or resolved mentions, in Japanese and English', () => {
    expect(textHas('頭痛はない。', headache)).toBe(false);
    expect(textHas('頭痛の訴えはなかった', headache)).toBe(false);
    expect(textHas('頭痛は治まった', headache)).toBe(false);
    expect(textHas('テストのない日は元気', test)).toBe(false);
    expect(textHas('No headache today.', headache)).toBe(false);
    expect(textHas('She does not have a headache.', headache)).toBe(false);
    expect(textHas('Her headaches have stopped.', headache)).toBe(false);
  });
  it('keeps mentions whose own words are negative', () => {
    expect(textHas('テストが不安で眠れない', test)).toBe(true);
    expect(textHas('頭痛を訴える', headache)).toBe(true);
    expect(textHas("He doesn't want to come on test days", test)).toBe(true);
    expect(textHas('ＴＥＳＴ　day', test)).toBe(true); // full-width letters and space (NFKC)
  });
});

describe('function hypotheses from notes', () => {
  it('no records, no hypotheses', () => {
    expect(hypothesiseFunctions(records(), [])).toEqual([]);
  });

  it.each([
    ['F1', '日曜の夜になるとお腹が痛いと言う。'],
    ['F1', 'Complains of a headache every Monday morning before school.'],
    ['F2', 'クラスの一部の生徒から陰口を言われていると訴えた。'],
    ['F2', 'She says people look at me in class and is scared to go into the classroom.'],
    ['F3', '母親に迎えを頼み早退。'],
    ['F3', 'Wants to stay home with his mum since the new baby brother arrived.'],
    ['F4', '夜中までスマホで動画を見ている。'],
    ['F4', 'Up late gaming every night; he says school is boring.'],
  ] as const)('%s from "%s"', (fn, text) => {
    expect(fns(fromNotes(text))[0]).toBe(fn);
  });

  it('a friendship that is fine is no peer problem', () => {
    expect(fromNotes('友人関係は良好。')).toEqual([]);
    expect(fromNotes('Gets on well with friends; no sign of teasing.')).toEqual([]);
    expect(fromNotes('特に変わった様子はない。昼休みにクラスの友達とサッカー。')).toEqual([]);
  });

  it('negated complaints are no evidence', () => {
    expect(fromNotes('今日は腹痛の訴えはなかった。')).toEqual([]);
    expect(fromNotes('No headache this week.')).toEqual([]);
  });

  it('a test named with worry or absence counts more than a bare mention', () => {
    const worried = get(fromNotes('小テストが不安だと話していた。'), 'F2')!;
    const bare = get(fromNotes('保健室でテストの勉強をしていた。'), 'F2');
    expect(worried.confidence).toBeGreaterThan(bare?.confidence ?? 0);
    // The worry is about a test: F2's evidence, not general distress (F1).
    expect(get(fromNotes('小テストが不安だと話していた。'), 'F1')).toBeUndefined();
  });

  it('somatic complaints weigh more on school mornings', () => {
    const morning = hypothesiseFunctions(records({ observations: [obs('腹痛を訴える。', '2026-10-05', 8)] }), [])[0]!;
    const afternoon = hypothesiseFunctions(records({ observations: [obs('腹痛を訴える。', '2026-10-05', 14)] }), [])[0]!;
    expect(morning.function).toBe('F1');
    expect(morning.confidence).toBeGreaterThan(afternoon.confidence);
  });

  it('a complaint that ends with a parent collecting the child reads as F3 first', () => {
    expect(fns(fromNotes('腹痛を訴え保健室へ。母親に迎えを頼み早退。'))[0]).toBe('F3');
  });

  it('"cannot get up" is F4 with night-time activity and F1 without', () => {
    expect(fns(fromNotes('朝起きられないと話す。'))).toEqual(['F1']);
    const withNights = fromNotes('朝起きられないと話す。', '夜遅くまでゲームをしている。');
    expect(fns(withNights)).toEqual(['F4']);
  });

  it('one note alone stays low, however much it says', () => {
    const [h] = fromNotes('夜中までゲーム、昼夜逆転。学校はつまらないと言う。家の方が楽しいとのこと。');
    expect(h).toMatchObject({ function: 'F4', level: 'low' });
  });

  it('many notes alone reach moderate at most; agreement across sources is needed for high', () => {
    const notes = Array.from({ length: 8 }, (_, i) => obs('夜遅くまでゲームをしていて、学校はつまらないと言う。', `2026-10-${String(i + 10)}`));
    const onlyNotes = hypothesiseFunctions(records({ observations: notes }), []);
    expect(onlyNotes[0]).toMatchObject({ function: 'F4', level: 'moderate' });
    const withMore = hypothesiseFunctions(records({ observations: notes, environment: [env('sleep_regularity', '1')] }), [pattern('late_arrival')]);
    expect(withMore[0]).toMatchObject({ function: 'F4', level: 'high' });
  });
});

describe('function hypotheses from patterns and surveys', () => {
  it('Monday avoidance points to F1; another weekday to something on that day (F2)', () => {
    expect(fns(fromPatterns('day_of_week_avoidance:mon'))).toEqual(['F1']);
    expect(fns(fromPatterns('day_of_week_avoidance:thu'))).toEqual(['F2']);
  });
  it('Monday absences and notes of Sunday-night distress strengthen each other', () => {
    const alone = get(fromPatterns('day_of_week_avoidance:mon'), 'F1')!;
    const both = get(hypothesiseFunctions(records({ observations: [obs('日曜の夜になると元気がなくなる。')] }), [pattern('day_of_week_avoidance:mon')]), 'F1')!;
    expect(both.confidence).toBeGreaterThan(alone.confidence);
    expect(both.signals.map((s) => s.en)).toContain('Monday absences match notes of Sunday-night or Monday-morning distress');
  });
  it('test and event days point to F2, separate room to F2, nurse office to F1 and F2', () => {
    expect(fns(fromPatterns('event_avoidance'))).toEqual(['F2']);
    expect(fns(fromPatterns('separate_room'))).toEqual(['F2']);
    expect(fns(fromPatterns('nurse_office'))).toEqual(['F1']); // F2's share alone is below the floor
  });
  it('early leaving points to F3, more so with a parent picking up', () => {
    const alone = get(fromPatterns('early_leave'), 'F3')!;
    const withPickup = get(hypothesiseFunctions(records({ observations: [obs('母親が迎えに来て早退。')] }), [pattern('early_leave')]), 'F3')!;
    expect(withPickup.confidence).toBeGreaterThan(alone.confidence);
    expect(withPickup.signals.map((s) => s.en)).toContain('early leaving ends with a parent picking the student up');
  });
  it('late arrival is F4 with night-time words or poor sleep, else a weak F1 hint (below the floor)', () => {
    expect(fns(fromPatterns('late_arrival'))).toEqual([]);
    expect(fns(hypothesiseFunctions(records({ environment: [env('sleep_regularity', '1')] }), [pattern('late_arrival')]))[0]).toBe('F4');
  });
  it('how much is missed says nothing about why', () => {
    expect(fromPatterns('chronic_absence', 'severe_absence', 'futoko_threshold', 'futoko_projection', 'non_attendance_streak', 'worsening', 'improving', 'regular', 'online')).toEqual([]);
  });
  it('a single pattern stays low', () => {
    expect(fromPatterns('event_avoidance')[0]!.level).toBe('low');
  });
  it('surveys add context but alone stay low; only the latest survey counts', () => {
    const [h] = hypothesiseFunctions(records({ environment: [env('peer_relations', '1'), env('qu_group', 'harmed'), env('psychological_safety', '1')] }), []);
    expect(h).toMatchObject({ function: 'F2', level: 'low' });
    expect(h!.evidence.every((e) => e.kind === 'environment')).toBe(true);
    const recovered = hypothesiseFunctions(records({ environment: [env('peer_relations', '1', '2026-06-10'), env('peer_relations', '4', '2026-10-20')] }), []);
    expect(recovered).toEqual([]);
  });
  it('low family support counts for F3 only when something else points there', () => {
    expect(hypothesiseFunctions(records({ environment: [env('family_support', '1')] }), [])).toEqual([]);
    const h = get(hypothesiseFunctions(records({ environment: [env('family_support', '1')] }), [pattern('early_leave')]), 'F3')!;
    expect(h.evidence.some((e) => e.kind === 'environment')).toBe(true);
  });
});

describe('hypotheses are worded and evidenced as hypotheses', () => {
  const all = SAMPLE_STUDENTS.flatMap((s) => hypothesiseFunctions(sampleRecords(s), samplePatterns(s)));
  it('every statement says it is a hypothesis, never a diagnosis', () => {
    expect(all.length).toBeGreaterThan(0);
    for (const h of all) {
      expect(h.statement.ja).toMatch(/可能性があります（仮説）/);
      expect(h.statement.en).toMatch(/^Attendance may be .*\(a hypothesis to check, not a diagnosis\)/);
      expect(`${h.statement.en} ${h.signals.map((s) => s.en).join(' ')}`).not.toMatch(/\b(diagnosed|disorder|is caused by)\b/i);
    }
  });
  it('every hypothesis has bilingual signals and evidence with ids and dates, sorted by confidence', () => {
    for (const h of all) {
      expect(h.signals.length).toBeGreaterThan(0);
      for (const s of h.signals) expect(s.ja && s.en).toBeTruthy();
      expect(h.evidence.length).toBeGreaterThan(0);
      for (const e of h.evidence) expect(e).toMatchObject({ id: expect.any(String), date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      expect(h.confidence).toBeGreaterThan(0);
      expect(h.confidence).toBeLessThan(1);
    }
    for (const s of SAMPLE_STUDENTS) {
      const hs = hypothesiseFunctions(sampleRecords(s), samplePatterns(s));
      expect(hs.map((h) => h.confidence)).toEqual([...hs.map((h) => h.confidence)].sort((a, b) => b - a));
    }
  });
  it('is deterministic', () => {
    const r = sampleRecords('S004');
    expect(hypothesiseFunctions(r, samplePatterns('S004'))).toEqual(hypothesiseFunctions(structuredClone(r), samplePatterns('S004')));
  });
  it('ties within 0.25 are presented together', () => {
    const tie = (fn: FunctionCode, confidence: number): FunctionHypothesis => ({ function: fn, confidence, level: 'moderate', statement: { ja: '', en: '' }, signals: [], evidence: [] });
    expect(leadingFunctions([tie('F1', 0.7), tie('F2', 0.5), tie('F3', 0.4)]).map((h) => h.function)).toEqual(['F1', 'F2']);
    expect(leadingFunctions([])).toEqual([]);
  });
});

describe('the sample school (real notes and surveys)', () => {
  const hyp = (s: string) => hypothesiseFunctions(sampleRecords(s), samplePatterns(s));
  const ids = (hs: FunctionHypothesis[], fn: FunctionCode) => get(hs, fn)?.evidence.map((e) => e.id) ?? [];

  it('S002: F1 first (Sunday-night stomach ache, Monday avoidance), with F2 (Monday test worry) alongside', () => {
    const hs = hyp('S002');
    expect(fns(hs)).toEqual(['F1', 'F2']);
    expect(get(hs, 'F1')!.level).toBe('high');
    expect(get(hs, 'F2')!.level).toBe('moderate');
    expect(ids(hs, 'F1')).toEqual(expect.arrayContaining(['obs-1', 'obs-3', 'S002:2026-11-16']));
    expect(ids(hs, 'F2')).toContain('obs-2');
    expect(leadingFunctions(hs).map((h) => h.function)).toEqual(['F1', 'F2']);
  });
  it('S003: F4 first (night gaming, day-night reversal, "school is boring")', () => {
    const hs = hyp('S003');
    expect(hs[0]).toMatchObject({ function: 'F4', level: 'high' });
    expect(ids(hs, 'F4')).toEqual(expect.arrayContaining(['obs-5', 'obs-6', 'obs-7', 'obs-8']));
    expect(leadingFunctions(hs).map((h) => h.function)).toEqual(['F4']);
  });
  it('S004: F2 first (group-work trouble, 陰口, presentation, Q-U harmed), F1 possible', () => {
    const hs = hyp('S004');
    expect(hs[0]).toMatchObject({ function: 'F2', level: 'high' });
    expect(get(hs, 'F1')?.level).toBe('low');
    expect(ids(hs, 'F2')).toEqual(expect.arrayContaining(['obs-9', 'obs-10', 'obs-11']));
  });
  it('S005: F4-ish (night phone, cannot wake, late arrivals), not high', () => {
    const hs = hyp('S005');
    expect(fns(hs)).toEqual(['F4']);
    expect(['low', 'moderate']).toContain(hs[0]!.level);
  });
  it('S006 and S008: F2 (the class group; separate room)', () => {
    expect(fns(hyp('S006'))).toEqual(['F2']);
    expect(fns(hyp('S008'))).toEqual(['F2']);
  });
  it('S007: F2 (test days)', () => {
    const hs = hyp('S007');
    expect(fns(hs)).toEqual(['F2']);
    expect(hs[0]!.level).toBe('high');
  });
  it('S009: F3 (early leaving, mother picks up, new baby brother)', () => {
    const hs = hyp('S009');
    expect(hs[0]).toMatchObject({ function: 'F3', level: 'high' });
    expect(get(hs, 'F1')?.level ?? 'low').toBe('low');
  });
  it('S001 and S011: nothing; S010 and S012: low at most', () => {
    expect(hyp('S001')).toEqual([]);
    expect(hyp('S011')).toEqual([]);
    for (const s of ['S010', 'S012']) for (const h of hyp(s)) expect(h.level).toBe('low');
  });
  it('S003 is still F4 without the event pattern, and F2 then stays low', () => {
    const patterns: Pattern[] = samplePatterns('S003').filter((p) => p.code !== 'event_avoidance');
    const hs = hypothesiseFunctions(sampleRecords('S003'), patterns);
    expect(hs[0]!.function).toBe('F4');
    expect(get(hs, 'F2')?.level ?? 'low').toBe('low');
  });
});
