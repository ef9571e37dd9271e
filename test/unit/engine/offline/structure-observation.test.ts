import { describe, expect, it } from 'vitest';
import { ObservationDraft } from '../../../../src/engine/intent.ts';
import { hasLogMarker, stripLogMarker, structureObservation } from '../../../../src/engine/offline/structure-observation.ts';

const now = new Date('2026-11-20T17:00:00+09:00');

describe('an observation as a draft record', () => {
  it('the note from 「記録：鈴木さん、今朝は1限から登校。表情は明るかった。」', () => {
    const draft = structureObservation('記録：鈴木さん、今朝は1限から登校。表情は明るかった。', now);
    expect(ObservationDraft.parse(draft)).toEqual({
      text: '鈴木さん、今朝は1限から登校。表情は明るかった。',
      observedOn: '2026-11-20',
      observedTime: '08:50',
      lessonPeriod: 1,
      categories: ['attendance', 'positive'],
      mood: 'positive',
      concern: 'none',
    });
  });

  it('the note from "Airi came to the nurse\'s office at lunch feeling dizzy."', () => {
    expect(structureObservation("Airi came to the nurse's office at lunch feeling dizzy.", now)).toEqual({
      text: "Airi came to the nurse's office at lunch feeling dizzy.",
      observedOn: '2026-11-20',
      observedTime: '12:45',
      setting: 'nurse_office',
      categories: ['health'],
      concern: 'none',
    });
  });

  it('yesterday, last Friday, a home visit, a phone call', () => {
    expect(structureObservation('昨日の放課後、家庭訪問。本人は部屋から出てこなかった。', now)).toMatchObject({
      observedOn: '2026-11-19',
      observedTime: '15:30',
      setting: 'home_visit',
      mood: 'withdrawn',
    });
    expect(structureObservation('Last Friday his mother phoned: Ren had a stomach ache.', now)).toMatchObject({
      observedOn: '2026-11-13',
      setting: 'phone',
      categories: ['health', 'family'],
    });
  });

  it('an urgent note: concern urgent, category safeguarding', () => {
    expect(structureObservation('加藤さんがノートに「死にたい」と書いていた', now)).toMatchObject({ concern: 'urgent', categories: ['safeguarding'] });
  });

  it.each([
    ['記録：鈴木さん、欠席', '鈴木さん、欠席'],
    ['記録: 鈴木さん、欠席', '鈴木さん、欠席'],
    ['記録 伊藤颯太 今日も2限から登校', '伊藤颯太 今日も2限から登校'],
    ['【記録】鈴木さん、欠席', '鈴木さん、欠席'],
    ['メモ：佐藤陽翔 3限から登校', '佐藤陽翔 3限から登校'],
    ['Log: Minato left early', 'Minato left early'],
    ['Note: Yui said she worries', 'Yui said she worries'],
    ['log - Ren came in at 11', 'Ren came in at 11'],
    ['記録を見せて', '記録を見せて'],
  ])('the marker is not part of the note: %s', (text, note) => {
    expect(stripLogMarker(text)).toBe(note);
  });

  it('a marker or a request to record makes a note; a request for records does not', () => {
    expect(hasLogMarker('記録：鈴木さん欠席')).toBe(true);
    expect(hasLogMarker('鈴木さん欠席、記録しておいて')).toBe(true);
    expect(hasLogMarker('Log: Yui absent')).toBe(true);
    expect(hasLogMarker('記録を見せて')).toBe(false);
    expect(hasLogMarker('Notes on Yui from October')).toBe(false);
    expect(hasLogMarker('Logged in but nothing shows')).toBe(false);
  });
});
