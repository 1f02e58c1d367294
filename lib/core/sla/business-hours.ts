import { z } from 'zod';
import { isTimeZone, localParts, nextDate, zonedInstant } from './zoned-time';

/** Weekdays as settings name them, Sunday first (Date#getUTCDay order). */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time such as 09:00');
const minutesOf = (value: string) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));

const span = z
  .object({ start: clock, end: clock })
  .refine((value) => minutesOf(value.start) < minutesOf(value.end), 'a span ends after it starts');

export const businessHoursSchema = z.object({
  timeZone: z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Berlin'),
  /** Open spans per weekday; a day left out (or empty) is closed. */
  weekly: z.partialRecord(z.enum(WEEKDAYS), z.array(span).max(4)),
  /** Local dates ("YYYY-MM-DD") the team does not work. */
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-12-25')).max(400).default([]),
});

export type BusinessHours = z.infer<typeof businessHoursSchema>;

export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  timeZone: 'UTC',
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [{ start: '09:00', end: '17:00' }]])),
  holidays: [],
};

/** A year of calendar days: hours that never open stop the search rather than loop forever. */
const MAX_DAYS = 366;

/** The open spans of one local date as instants, in order. */
function openSpans(date: string, hours: BusinessHours): [number, number][] {
  if (hours.holidays.includes(date)) return [];
  const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] as Weekday;
  return (hours.weekly[weekday] ?? [])
    .map((open) => [zonedInstant(date, minutesOf(open.start), hours.timeZone), zonedInstant(date, minutesOf(open.end), hours.timeZone)] as [number, number])
    .sort((a, b) => a[0] - b[0]);
}

/**
 * The instant `minutes` of business time after `start`: time counts only inside the open
 * spans of working days (weekends, holidays and nights do not), measured in real elapsed time,
 * so a day whose open hours contain a DST change counts the hour it really has. Null when
 * the hours never open within a year.
 */
export function addBusinessMinutes(start: Date, minutes: number, hours: BusinessHours): Date | null {
  let remaining = Math.max(0, minutes) * 60_000;
  let date = localParts(start.getTime(), hours.timeZone).date;
  let cursor = start.getTime();
  for (let day = 0; day < MAX_DAYS; day += 1, date = nextDate(date)) {
    for (const [open, close] of openSpans(date, hours)) {
      const from = Math.max(cursor, open);
      if (from >= close) continue;
      if (remaining <= close - from) return new Date(from + remaining);
      remaining -= close - from;
      cursor = close;
    }
  }
  return null;
}

/** Business minutes between two instants (negative when `to` is before `from`). */
export function businessMinutesBetween(from: Date, to: Date, hours: BusinessHours): number {
  const sign = to.getTime() >= from.getTime() ? 1 : -1;
  const [a, b] = sign === 1 ? [from.getTime(), to.getTime()] : [to.getTime(), from.getTime()];
  let total = 0;
  let date = localParts(a, hours.timeZone).date;
  for (let day = 0; day < MAX_DAYS * 2; day += 1, date = nextDate(date)) {
    const spans = openSpans(date, hours);
    for (const [open, close] of spans) total += Math.max(0, Math.min(close, b) - Math.max(open, a));
    if (zonedInstant(date, 0, hours.timeZone) > b) break;
  }
  return (sign * total) / 60_000;
}
