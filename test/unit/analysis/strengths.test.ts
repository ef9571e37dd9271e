import { describe, expect, it } from 'vitest';
import { strengthsAndApproach } from '../../../src/analysis/strengths.ts';
import type { BigFiveInput, CompetencyInput, ObservationInput, StrengthNote } from '../../../src/analysis/types.ts';
import { records, SAMPLE_STUDENTS, sampleRecords } from './functions-sample-school.ts';

const rating = (competency: string, rater: CompetencyInput['rater'], score: number, assessedOn = '2026-06-05'): CompetencyInput => ({
  id: `c-${competency}-${rater}-${assessedOn}`,
  assessedOn,
  competency,
  score,
  rater,
});
const big5 = (over: Partial<BigFiveInput>): BigFiveInput => ({
  id: 'b1',
  assessedOn: '2026-05-15',
  openness: 3.1,
  conscientiousness: 3.1,
  extraversion: 3.1,
  agreeableness: 3.1,
  neuroticism: 3.1,
  ...over,
});
const obs = (text: string, concern: ObservationInput['concern'] = 'none'): ObservationInput => ({
  id: `o-${text.length}`,
  date: '2026-10-05',
  hour: 12,
  authorRole: 'homeroom_teacher',
  text,
  categories: [],
  concern,
});
const texts = (notes: StrengthNote[]) => notes.map((n) => n.text.en);

// Trait names and personality labels must never reach a note (DOMAIN.md: never a label).
const LABELS =
  /neurotic|introvert|extravert|extrovert|agreeable|conscientious|openness|emotional(ly)? unstable|anxious type|内向|外向|神経症|情緒不安定|協調性|誠実性|勤勉性|開放性|調和性|ビッグファイブ|big ?five/i;

function expectNoScoresOrLabels(notes: StrengthNote[], rawValues: number[] = []) {
  for (const n of notes) {
    for (const t of [n.text.ja, n.text.en]) {
      expect(t).not.toMatch(/[0-9０-９]/);
      expect(t).not.toMatch(LABELS);
    }
    for (const e of n.evidence) expect(e.note ?? '').not.toMatch(/[0-9]/);
  }
  // Nor anywhere else in the output (ids and dates hold digits, so look for the scores as written).
  const json = JSON.stringify(notes);
  for (const v of rawValues) for (const written of new Set([v.toFixed(1), String(v)])) if (written.includes('.')) expect(json).not.toContain(written);
}

describe('strengths from competencies', () => {
  it('needs the teacher or two raters rating it high; one self-rating is not enough', () => {
    const notes = strengthsAndApproach(
      records({
        competencies: [
          rating('collaboration', 'self', 4),
          rating('collaboration', 'peer', 5),
          rating('communication', 'teacher', 4),
          rating('curiosity', 'self', 5),
          rating('curiosity', 'peer', 3),
        ],
      }),
    );
    expect(texts(notes)).toEqual(['Strength: putting their thoughts into words (rated high by the teacher)', 'Strength: working together with others (rated high by the student and peers)']);
    expect(notes[1]!.text.ja).toBe('強み：仲間と協力する力（本人・友達の評価がそろって高い）');
    expect(notes[1]!.evidence.map((e) => e.kind)).toEqual(['competency', 'competency']);
  });

  it("uses each rater's latest rating", () => {
    const notes = strengthsAndApproach(
      records({ competencies: [rating('resilience', 'self', 5, '2026-06-05'), rating('resilience', 'peer', 5, '2026-06-05'), rating('resilience', 'peer', 2, '2026-11-01')] }),
    );
    expect(notes).toEqual([]);
  });

  it('says when others see a strength the student does not', () => {
    const [note] = strengthsAndApproach(records({ competencies: [rating('self_efficacy', 'self', 2), rating('self_efficacy', 'peer', 5)] }));
    expect(note!.text.en).toBe('A strength others see: believing they can do it (peers rate it high, the student does not yet; tell them)');
  });

  it('names an unknown competency in plain words', () => {
    const [note] = strengthsAndApproach(records({ competencies: [rating('time_management', 'teacher', 5)] }));
    expect(note!.text.en).toContain('time management');
  });
});

describe('strengths from notes and surveys', () => {
  it('finds interests, friends, a trusted adult and wanting to take part', () => {
    const notes = strengthsAndApproach(
      records({
        observations: [obs('美術部の友達と一緒に昼食。'), obs('支援員と将棋をしていた。'), obs('美術の授業には出たいと話している。')],
      }),
    );
    expect(texts(notes)).toEqual([
      'Interests: art, shogi, club activities (a way in, and a source of goals)',
      'has friends to spend time with',
      'has an adult at school to talk to',
      'says in their own words what they want to take part in',
    ]);
  });
  it('does not turn an urgent note into a strength, nor a negated one', () => {
    expect(strengthsAndApproach(records({ observations: [obs('笑顔で「消えたい」と言った。', 'urgent')] }))).toEqual([]);
    expect(strengthsAndApproach(records({ observations: [obs('友達と話せない。')] }))).toEqual([]);
  });
  it('a good relationship with the teacher or family support is a strength', () => {
    const notes = strengthsAndApproach(
      records({ environment: [{ id: 'e1', assessedOn: '2026-10-20', factor: 'teacher_relationship', value: '5' }, { id: 'e2', assessedOn: '2026-10-20', factor: 'family_support', value: '2' }] }),
    );
    expect(texts(notes)).toEqual(['a good relationship with the homeroom teacher']);
  });
});

describe('approach notes from the Big Five: a weak prior, never a label or a score', () => {
  it('says nothing unless a trait is at a clear extreme', () => {
    expect(strengthsAndApproach(records({ bigFive: [big5({ neuroticism: 3.9, extraversion: 2.1, openness: 3.99 })] }))).toEqual([]);
  });
  it('turns clear extremes into ways of approaching the student', () => {
    const notes = strengthsAndApproach(records({ bigFive: [big5({ neuroticism: 4.37, extraversion: 1.63, openness: 4.21, conscientiousness: 1.87, agreeableness: 4.49 })] }));
    expect(notes.every((n) => n.kind === 'approach')).toBe(true);
    expect(texts(notes).map((t) => t.split(':')[0])).toEqual([
      'anticipates worry',
      'prefers one-to-one or small-group settings',
      'interest-linked goals',
      'break tasks into small steps with frequent check-ins (a weak hint from a personality survey)',
      'keen to please',
    ]);
    expect(notes[0]!.text.ja).toContain('予定や変更は前もって伝え');
    expect(notes[0]!.evidence).toEqual([{ kind: 'big_five', id: 'b1', date: '2026-05-15', note: 'personality survey, used only as a weak hint' }]);
    expectNoScoresOrLabels(notes, [4.37, 1.63, 4.21, 1.87, 4.49]);
  });
  it('low ends have their own notes too, and only the latest assessment counts', () => {
    const notes = strengthsAndApproach(
      records({
        bigFive: [
          big5({ id: 'old', assessedOn: '2025-05-15', neuroticism: 4.8 }),
          big5({ id: 'new', assessedOn: '2026-05-15', neuroticism: 1.5, extraversion: 4.5, openness: 1.2, conscientiousness: 4.6, agreeableness: 1.4 }),
        ],
      }),
    );
    expect(notes).toHaveLength(5);
    expect(notes.every((n) => n.evidence[0]!.id === 'new')).toBe(true);
    expectNoScoresOrLabels(notes, [1.5, 4.5, 1.2, 4.6, 1.4]);
  });
});

describe('the sample school', () => {
  it('no note for any student shows a score, a number or a label', () => {
    for (const s of SAMPLE_STUDENTS) {
      const r = sampleRecords(s);
      const values = r.bigFive.flatMap((b) => [b.openness, b.conscientiousness, b.extraversion, b.agreeableness, b.neuroticism]);
      expectNoScoresOrLabels(strengthsAndApproach(r), values);
    }
  });
  it('S002: calm and communication as strengths; advance notice as the approach', () => {
    const notes = strengthsAndApproach(sampleRecords('S002'));
    expect(texts(notes)).toEqual(expect.arrayContaining(['Strength: calming their own feelings (rated high by the student and peers)', 'has friends to spend time with']));
    expect(notes.filter((n) => n.kind === 'approach').map((n) => n.text.en.split(':')[0])).toEqual(['anticipates worry']);
  });
  it('S006: art as an interest; S008: one-to-one settings; S003 and S005: no approach note (not extreme)', () => {
    expect(texts(strengthsAndApproach(sampleRecords('S006')))[3]).toMatch(/^Interests: art/);
    expect(strengthsAndApproach(sampleRecords('S008')).some((n) => n.text.en.startsWith('prefers one-to-one'))).toBe(true);
    for (const s of ['S003', 'S005']) expect(strengthsAndApproach(sampleRecords(s)).filter((n) => n.kind === 'approach')).toEqual([]);
  });
  it('strengths come before approach notes and every note cites records', () => {
    for (const s of SAMPLE_STUDENTS) {
      const notes = strengthsAndApproach(sampleRecords(s));
      const kinds = notes.map((n) => n.kind);
      expect(kinds).toEqual([...kinds].sort((a, b) => (a === b ? 0 : a === 'strength' ? -1 : 1)));
      for (const n of notes) expect(n.evidence.length).toBeGreaterThan(0);
    }
  });
});
