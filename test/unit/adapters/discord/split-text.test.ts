// Long answers split under Discord's 2000-character limit without losing or mangling text.
import { describe, expect, it } from 'vitest';
import { MESSAGE_CONTENT_MAX, splitText } from '../../../../src/adapters/discord/split-text.ts';

describe('splitText', () => {
  it('leaves a short text whole', () => {
    expect(splitText('  佐藤さんは元気です。\n')).toEqual(['佐藤さんは元気です。']);
  });

  it('cuts at line breaks, keeping every line intact', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `${i + 1}. 欠席 11/${(i % 30) + 1}`);
    const pieces = splitText(lines.join('\n'));
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(MESSAGE_CONTENT_MAX);
    expect(pieces.join('\n')).toBe(lines.join('\n'));
  });

  it('cuts a 10,000-character line with no spaces anywhere, never inside a surrogate pair', () => {
    const text = '𠮷野家'.repeat(2500); // 𠮷 is two UTF-16 units
    const pieces = splitText(text);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(MESSAGE_CONTENT_MAX);
      expect(piece).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
    expect(pieces.join('')).toBe(text);
  });

  it('prefers a space when a long paragraph has no line break', () => {
    const words = Array.from({ length: 600 }, (_, i) => `word${i}`);
    const pieces = splitText(words.join(' '));
    expect(pieces.join(' ')).toBe(words.join(' '));
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(MESSAGE_CONTENT_MAX);
  });
});
