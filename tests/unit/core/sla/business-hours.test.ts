import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, type BusinessHours } from '../../../../lib/core/sla/business-hours';
import { localDayWindow, previousLocalDay, zonedInstant } from '../../../../lib/core/sla/zoned-time';

const weekdays = (timeZone: string, holidays: string[] = []): BusinessHours => ({
  timeZone,
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [{ start: '09:00', end: '17:00' }]])),
  holidays,
});

const at = (iso: string) => new Date(iso);

describe('addBusinessMinutes', () => {
  it('counts inside the open hours of one day', () => {
    // Tuesday 2026-03-03, 10:00 UTC + 2 h.
    expect(addBusinessMinutes(at('2026-03-03T10:00:00Z'), 120, weekdays('UTC'))?.toISOString()).toBe('2026-03-03T12:00:00.000Z');
  });

  it('starts counting at opening when the message came at night', () => {
    expect(addBusinessMinutes(at('2026-03-03T03:00:00Z'), 30, weekdays('UTC'))?.toISOString()).toBe('2026-03-03T09:30:00.000Z');
  });

  it('skips the weekend: Friday 16:00 + 2 h is Monday 10:00', () => {
    expect(addBusinessMinutes(at('2026-03-06T16:00:00Z'), 120, weekdays('UTC'))?.toISOString()).toBe('2026-03-09T10:00:00.000Z');
  });

  it('skips holidays in the local calendar', () => {
    // Monday 2026-03-09 is a holiday: Friday 16:00 + 2 h is Tuesday 10:00.
    expect(addBusinessMinutes(at('2026-03-06T16:00:00Z'), 120, weekdays('UTC', ['2026-03-09']))?.toISOString()).toBe('2026-03-10T10:00:00.000Z');
  });

  it('keeps local opening hours across the spring-forward weekend (Europe/Berlin)', () => {
    // Friday 2026-03-27 16:00 CET (15:00Z) + 2 h: one hour Friday, one hour Monday 09:00 CEST (07:00Z).
    expect(addBusinessMinutes(at('2026-03-27T15:00:00Z'), 120, weekdays('Europe/Berlin'))?.toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('counts the real length of a day whose open hours hold a DST change', () => {
    // Open 00:00-06:00 on Sunday 2026-03-29 in Berlin: the clocks jump 02:00→03:00, so the day has 5 open hours.
    const hours: BusinessHours = { timeZone: 'Europe/Berlin', weekly: { sun: [{ start: '00:00', end: '06:00' }] }, holidays: [] };
    const start = at('2026-03-28T23:00:00Z'); // 00:00 CET
    expect(addBusinessMinutes(start, 300, hours)?.toISOString()).toBe('2026-03-29T04:00:00.000Z'); // 06:00 CEST
    expect(businessMinutesBetween(start, at('2026-03-29T04:00:00Z'), hours)).toBe(300);
  });

  it('follows US hours across the autumn change (America/New_York)', () => {
    // Friday 2026-10-30 16:00 EDT (20:00Z) + 2 h → Monday 2026-11-02 10:00 EST (15:00Z).
    expect(addBusinessMinutes(at('2026-10-30T20:00:00Z'), 120, weekdays('America/New_York'))?.toISOString()).toBe('2026-11-02T15:00:00.000Z');
  });

  it('gives null when the hours never open', () => {
    expect(addBusinessMinutes(at('2026-03-03T10:00:00Z'), 10, { timeZone: 'UTC', weekly: {}, holidays: [] })).toBeNull();
  });

  it('spans several days for long targets', () => {
    // 24 business hours from Monday 09:00 = three full days → Wednesday 17:00.
    expect(addBusinessMinutes(at('2026-03-02T09:00:00Z'), 24 * 60, weekdays('UTC'))?.toISOString()).toBe('2026-03-04T17:00:00.000Z');
  });
});

describe('zoned days', () => {
  it('maps a wall time skipped by DST to after the jump', () => {
    expect(new Date(zonedInstant('2026-03-29', 150, 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('has 23-hour and 25-hour local days', () => {
    const spring = localDayWindow('2026-03-29', 'Europe/Berlin');
    const autumn = localDayWindow('2026-10-25', 'Europe/Berlin');
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(23);
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(25);
  });

  it('names yesterday in the local calendar', () => {
    // 00:30 in Tokyo on 2026-03-03 is still 2026-03-02 in UTC.
    expect(previousLocalDay(at('2026-03-02T15:30:00Z'), 'Asia/Tokyo')).toBe('2026-03-02');
    expect(previousLocalDay(at('2026-03-02T15:30:00Z'), 'UTC')).toBe('2026-03-01');
  });
});
