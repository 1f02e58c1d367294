/**
 * Wall-clock time in an IANA time zone, with nothing but Intl (client- and workflow-safe).
 * A local date is "YYYY-MM-DD"; minutes are minutes after local midnight.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

export function isTimeZone(value: string): boolean {
  try {
    formatter(value);
    return true;
  } catch {
    return false;
  }
}

export interface LocalParts {
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  minutes: number;
}

function fields(instant: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out;
}

/** The time zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const f = fields(instant, timeZone);
  const asUtc = Date.UTC(f.year ?? 0, (f.month ?? 1) - 1, f.day ?? 1, f.hour ?? 0, f.minute ?? 0, f.second ?? 0);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

export function localParts(instant: number, timeZone: string): LocalParts {
  const f = fields(instant, timeZone);
  const date = `${String(f.year).padStart(4, '0')}-${String(f.month).padStart(2, '0')}-${String(f.day).padStart(2, '0')}`;
  return { date, weekday: new Date(`${date}T00:00:00Z`).getUTCDay(), minutes: (f.hour ?? 0) * 60 + (f.minute ?? 0) };
}

/**
 * The instant a wall-clock time happens in the zone. A time skipped by a DST jump maps to the
 * same distance after the jump (02:30 on a spring-forward night is 03:30); a repeated hour
 * takes its first occurrence.
 */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, day, 0, minutes);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  if (first === second) return first;
  // Two readings: the wall time is near a transition. Prefer the earlier one that is exact.
  const exact = [first, second].filter((candidate) => candidate + offsetAt(candidate, timeZone) === wall);
  return exact.length > 0 ? Math.min(...exact) : Math.max(first, second);
}

/** The local date after `date` (calendar arithmetic; no zone involved). */
export function nextDate(date: string, days = 1): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** A local day as the instants it starts and ends (23 or 25 hours on DST days). */
export function localDayWindow(date: string, timeZone: string): { start: Date; end: Date } {
  return { start: new Date(zonedInstant(date, 0, timeZone)), end: new Date(zonedInstant(nextDate(date), 0, timeZone)) };
}

/** The local day before the one `instant` falls on: what a morning digest reports. */
export function previousLocalDay(instant: Date, timeZone: string): string {
  return nextDate(localParts(instant.getTime(), timeZone).date, -1);
}
