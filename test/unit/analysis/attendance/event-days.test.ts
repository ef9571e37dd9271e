// event_avoidance: absences concentrated on the calendar's test and event days, on 3+ separate
// occasions, beyond chance (Fisher's exact test, p <= 0.01).
import { describe, expect, it } from 'vitest';
import { analyseAttendance } from '../../../../src/analysis/attendance/index.ts';
import { allOn, buildRecords, patternCodes, seeded } from './builder.ts';
import type { Code } from './builder.ts';

const YEAR = { lastRecorded: '2026-11-20' };
const event = (on: Record<string, Code>) => analyseAttendance(buildRecords({ ...YEAR, on })).patterns.find((p) => p.code === 'event_avoidance');

describe('event avoidance', () => {
  it('absent on the tests and sports day, present otherwise: fires, citing the calendar', () => {
    const p = event(allOn(['2026-05-22', '2026-05-27', '2026-05-28', '2026-07-02', '2026-07-03', '2026-10-14', '2026-10-15'], 'A'));
    expect(p?.details).toMatchObject({ eventDays: 11, eventAbsent: 7, testAbsent: 6, occasionsMissed: 4, otherAbsent: 0 });
    expect(p?.summary.ja).toBe('テストや行事の日に欠席が集中しています（テスト・行事の日 7/11日欠席、その他の日は 0/114日）。');
    expect(p?.evidence.filter((e) => e.kind === 'calendar').map((e) => e.id)).toContain('2026-05-27:test');
    expect(p?.evidence.find((e) => e.id === 'S900:2026-05-27')?.note).toContain('1学期中間テスト');
  });

  it('one cold that covers three days of work experience is one occasion, not a pattern', () => {
    expect(event(allOn(['2026-09-09', '2026-09-10', '2026-09-11'], 'A'))).toBeUndefined();
  });

  it('two occasions are not enough', () => {
    expect(event(allOn(['2026-05-27', '2026-05-28', '2026-07-02', '2026-07-03'], 'A'))).toBeUndefined();
  });

  it('absences on the day before a test are supporting evidence', () => {
    const p = event(allOn(['2026-05-22', '2026-05-26', '2026-05-27', '2026-07-01', '2026-07-02', '2026-10-14'], 'A'));
    expect(p?.details).toMatchObject({ eventAbsent: 4, dayBeforeTestAbsent: 2 });
    expect(p?.summary.ja).toContain('テスト前日の欠席も2回あります');
    expect(p?.evidence.filter((e) => e.note === 'absent on the school day before a test')).toHaveLength(2);
  });

  it('a student absent a third of all days is not read as avoiding events', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rnd = seeded(seed);
      const a = analyseAttendance(buildRecords({ ...YEAR, rule: () => (rnd() < 0.3 ? 'A' : '.') }));
      expect(patternCodes(a)).not.toContain('event_avoidance');
    }
  });
});
