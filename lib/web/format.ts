/** Display formatting shared by server and client components (no locale surprises: en-GB, UTC-free). */

export function formatUsd(value: number): string {
  if (value === 0) return '$0';
  // Model calls cost fractions of a cent; show enough digits to compare them.
  const digits = Math.abs(value) < 0.01 ? 4 : Math.abs(value) < 1 ? 3 : 2;
  return `$${value.toFixed(digits)}`;
}

export function formatPercent(ratio: number | null, digits = 0): string {
  return ratio === null ? '—' : `${(ratio * 100).toFixed(digits)}%`;
}

/** 45s, 12m, 3h 5m, 2d 4h, 12d: a second unit only while the first is small enough to need it. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(Math.abs(totalSeconds)));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours < 10 && minutes % 60 ? `${hours}h ${minutes % 60}m` : `${hours}h`;
  const days = Math.floor(hours / 24);
  return days < 10 && hours % 24 ? `${days}d ${hours % 24}h` : `${days}d`;
}

/** "1 message", "3 messages": agents read words, not "message(s)". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat('en-GB').format(value);
}

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** Absolute timestamps in UTC so server and browser render the same text. */
export function formatDateTime(date: Date | string): string {
  return `${DATE_TIME.format(new Date(date))} UTC`;
}
