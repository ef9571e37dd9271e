import { describe, expect, it } from 'vitest';
import { parseMood } from '../../../../src/engine/offline/mood.ts';

describe('how the student seemed', () => {
  it.each([
    ['表情は明るかった', 'positive'],
    ['友達と楽しそうに話していた', 'positive'],
    ['Smiling all day', 'positive'],
    ['養護教諭とは落ち着いて話せている', 'calm'],
    ['seemed calm and settled', 'calm'],
    ['眠そうだった', 'tired'],
    ['Looked tired and yawned a lot', 'tired'],
    ['元気がない', 'low'],
    ['seemed low in class', 'low'],
    ['小テストが不安だと話していた', 'anxious'],
    ['worried about being called on', 'anxious'],
    ['本人は部屋から出てこなかった', 'withdrawn'],
    ["wouldn't talk to anyone", 'withdrawn'],
    ['保健室で泣いていた', 'distressed'],
    ['She was crying', 'distressed'],
    ['イライラして机を叩いた', 'angry'],
    ['got angry with a classmate', 'angry'],
  ])('%s -> %s', (text, mood) => {
    expect(parseMood(text)).toBe(mood);
  });

  it('the mood that most needs attention wins over a brighter one', () => {
    expect(parseMood('笑顔もあったが、帰り際に泣いていた')).toBe('distressed');
    expect(parseMood('落ち着かない様子')).toBe('anxious');
    expect(parseMood('not happy today')).not.toBe('positive');
  });

  it('no mood when the note describes none', () => {
    expect(parseMood('3限から登校')).toBeUndefined();
  });
});
