import { describe, expect, it } from 'vitest';
import { hypergeometricUpperTail, meanAndVariance, welchT, wilsonLower } from '../../../../src/analysis/attendance/stats.ts';

describe('statistics', () => {
  it('hypergeometric upper tail', () => {
    // All 3 events among the 11 drawn days: C(11,3) / C(125,3).
    expect(hypergeometricUpperTail(3, 125, 3, 11)).toBeCloseTo(165 / 317750, 10);
    expect(hypergeometricUpperTail(0, 125, 10, 20)).toBeCloseTo(1, 12);
    expect(hypergeometricUpperTail(4, 125, 3, 11)).toBe(0);
    // Symmetric small case: 2 of 4 days, 2 events, draw 2: P(X >= 1) = 1 - C(2,2)/C(4,2) = 5/6.
    expect(hypergeometricUpperTail(1, 4, 2, 2)).toBeCloseTo(5 / 6, 12);
  });

  it('Wilson lower bound', () => {
    expect(wilsonLower(0, 30)).toBe(0);
    expect(wilsonLower(5, 30)).toBeGreaterThan(0.07);
    expect(wilsonLower(5, 30)).toBeLessThan(5 / 30);
    expect(wilsonLower(0, 0)).toBe(0);
  });

  it("Welch's t", () => {
    expect(welchT(meanAndVariance([4, 4, 4]), meanAndVariance([4, 4]))).toBe(0);
    expect(welchT(meanAndVariance([4, 4, 4]), meanAndVariance([2, 2]))).toBe(Infinity);
    expect(welchT(meanAndVariance([1, 2, 3]), meanAndVariance([3, 4, 5]))).toBeCloseTo(-2 / Math.sqrt(2 / 3), 10);
  });
});
