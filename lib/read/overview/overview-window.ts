import 'server-only';

/** The reporting window: whole UTC days, ending today. Days are "YYYY-MM-DD" strings. */
export interface OverviewWindow {
  since: Date;
  now: Date;
  days: string[];
}

const DAY_MS = 86_400_000;

export function overviewWindow(days: number, now = new Date()): OverviewWindow {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const since = new Date(today - (days - 1) * DAY_MS);
  const list = Array.from({ length: days }, (_, index) => new Date(since.getTime() + index * DAY_MS).toISOString().slice(0, 10));
  return { since, now, days: list };
}

/** PostgreSQL returns COUNT and integer SUMs as bigint, and SUM over no rows as null; the overview wants numbers. */
export const num = (value: number | bigint | string | null | undefined): number =>
  value === null || value === undefined ? 0 : Number(value);
