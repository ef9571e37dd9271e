// Issue 3 wants a school of 1,000 analysed in well under a second. This guards against an
// accidental O(n^2) with a generous bound (the machine may be busy running other tests); the
// measured figures go in docs/PERFORMANCE.md through `npm run bench -- analysis`.
import { describe, expect, it } from 'vitest';
import { analyseAttendance } from '../../../../src/analysis/attendance/index.ts';
import { assessTier } from '../../../../src/analysis/tier.ts';
import { buildRecords, SAMPLE_CALENDAR, seeded } from './builder.ts';

describe('performance', () => {
  it('analyses 1,000 students with a full year of attendance quickly', () => {
    const calendar = [...SAMPLE_CALENDAR];
    const students = Array.from({ length: 1000 }, (_, n) => {
      const rnd = seeded(n + 1);
      const rate = n % 10 === 0 ? 0.3 : 0.03;
      return buildRecords({ studentId: `S${n}`, lastRecorded: '2026-11-20', calendar, rule: () => (rnd() < rate ? 'A' : rnd() < 0.05 ? 'N' : '.') });
    });
    const start = performance.now();
    for (const records of students) assessTier(records, analyseAttendance(records));
    const elapsed = performance.now() - start;
    expect(elapsed).toBeLessThan(3000);
  });
});
