import { describe, expect, it } from 'vitest';
import { formatDigestSchedule, parseDigestSchedule } from '../../../src/domain/digest-schedule.ts';

describe('the digest schedule (DIGEST_SCHEDULE)', () => {
  it.each([
    ['fri 16:00', { weekday: 5, hour: 16, minute: 0 }],
    ['FRI 16:00', { weekday: 5, hour: 16, minute: 0 }],
    ['  Sun   0:05 ', { weekday: 0, hour: 0, minute: 5 }],
    ['sat 23:59', { weekday: 6, hour: 23, minute: 59 }],
    ['mon 07:30', { weekday: 1, hour: 7, minute: 30 }],
  ])('reads %j', (text, expected) => {
    expect(parseDigestSchedule(text)).toEqual(expected);
  });

  it('reads off in any case', () => {
    expect(parseDigestSchedule('off')).toBe('off');
    expect(parseDigestSchedule(' Off ')).toBe('off');
  });

  it.each(['', 'friday 16:00', 'fri', '16:00', 'fri 24:00', 'fri 16:60', 'fri 4pm', 'fri 16:0', 'fri 16:00 +09:00', 'xyz 16:00', 'fri16:00', '金 16:00'])(
    'rejects %j',
    (text) => {
      expect(parseDigestSchedule(text)).toBeUndefined();
    },
  );

  it('formats back to the canonical text', () => {
    expect(formatDigestSchedule({ weekday: 5, hour: 16, minute: 0 })).toBe('fri 16:00');
    expect(formatDigestSchedule({ weekday: 0, hour: 7, minute: 5 })).toBe('sun 07:05');
    expect(formatDigestSchedule('off')).toBe('off');
  });
});
