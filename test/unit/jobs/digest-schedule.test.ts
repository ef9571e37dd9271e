import { describe, expect, it } from 'vitest';
import { lastDueSlot, nextSlot } from '../../../src/jobs/digest-schedule.ts';
import type { DigestSchedule } from '../../../src/domain/digest-schedule.ts';

const friday16: DigestSchedule = { weekday: 5, hour: 16, minute: 0 };
const at = (local: string) => new Date(`${local}+09:00`);

describe('digest slots (Asia/Tokyo, whatever the machine zone)', () => {
  // 2026-11-16 is a Monday; the Friday of that week is 2026-11-20.
  it('is due exactly at 16:00 on Friday, for that week', () => {
    expect(lastDueSlot(friday16, at('2026-11-20T16:00:00'))).toEqual({ weekOf: '2026-11-16', dueAt: at('2026-11-20T16:00:00') });
  });

  it('at Friday 15:59 the last slot is still the previous week', () => {
    expect(lastDueSlot(friday16, at('2026-11-20T15:59:59'))).toEqual({ weekOf: '2026-11-09', dueAt: at('2026-11-13T16:00:00') });
  });

  it('on Saturday and Sunday the slot is the Friday just past', () => {
    expect(lastDueSlot(friday16, at('2026-11-21T09:00:00'))?.weekOf).toBe('2026-11-16');
    expect(lastDueSlot(friday16, at('2026-11-22T23:59:00'))?.weekOf).toBe('2026-11-16');
  });

  it('on Monday of the next week the slot is still the Friday before', () => {
    expect(lastDueSlot(friday16, at('2026-11-23T08:00:00'))).toEqual({ weekOf: '2026-11-16', dueAt: at('2026-11-20T16:00:00') });
  });

  it('uses the Tokyo date, not the UTC one: Friday 16:00 JST is 07:00 UTC, Saturday 08:00 JST is still Friday in UTC', () => {
    expect(lastDueSlot(friday16, new Date('2026-11-20T07:00:00Z'))?.weekOf).toBe('2026-11-16');
    expect(lastDueSlot(friday16, new Date('2026-11-20T06:59:59Z'))?.weekOf).toBe('2026-11-09');
    expect(lastDueSlot(friday16, new Date('2026-11-20T23:00:00Z'))?.weekOf).toBe('2026-11-16');
  });

  it('crosses the year boundary', () => {
    // 2027-01-01 is a Friday; its week began on Monday 2026-12-28.
    expect(lastDueSlot(friday16, at('2027-01-01T16:30:00'))).toEqual({ weekOf: '2026-12-28', dueAt: at('2027-01-01T16:00:00') });
    expect(lastDueSlot(friday16, at('2027-01-01T10:00:00'))).toEqual({ weekOf: '2026-12-21', dueAt: at('2026-12-25T16:00:00') });
    expect(nextSlot(friday16, at('2026-12-31T12:00:00'))).toEqual(at('2027-01-01T16:00:00'));
  });

  it('a Sunday slot belongs to the week that began the Monday before', () => {
    const sunday18 = { weekday: 0, hour: 18, minute: 0 };
    expect(lastDueSlot(sunday18, at('2026-11-22T18:00:00'))).toEqual({ weekOf: '2026-11-16', dueAt: at('2026-11-22T18:00:00') });
    expect(lastDueSlot(sunday18, at('2026-11-23T09:00:00'))?.weekOf).toBe('2026-11-16');
  });

  it('a Monday slot belongs to the week it opens', () => {
    const monday8 = { weekday: 1, hour: 8, minute: 0 };
    expect(lastDueSlot(monday8, at('2026-11-23T08:00:00'))?.weekOf).toBe('2026-11-23');
    expect(lastDueSlot(monday8, at('2026-11-23T07:59:00'))?.weekOf).toBe('2026-11-16');
  });

  it('the next slot is strictly after now', () => {
    expect(nextSlot(friday16, at('2026-11-20T15:59:00'))).toEqual(at('2026-11-20T16:00:00'));
    expect(nextSlot(friday16, at('2026-11-20T16:00:00'))).toEqual(at('2026-11-27T16:00:00'));
    expect(nextSlot(friday16, at('2026-11-21T10:00:00'))).toEqual(at('2026-11-27T16:00:00'));
  });

  it('has no slot when digests are off', () => {
    expect(lastDueSlot('off', at('2026-11-20T16:00:00'))).toBeUndefined();
  });
});
