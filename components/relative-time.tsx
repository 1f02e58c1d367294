'use client';

import { formatDateTime, formatDuration } from '@/lib/web/format';
import { useNow } from './use-now';

/** "5m ago", kept current; the exact UTC time is in the tooltip and the datetime attribute. */
export function RelativeTime({ date, serverNow, className = '' }: { date: string; serverNow: string; className?: string }) {
  const now = useNow(serverNow, 30_000);
  const seconds = (now - Date.parse(date)) / 1000;
  const text = seconds < 45 ? 'just now' : `${formatDuration(seconds)} ago`;
  return (
    <time dateTime={date} title={formatDateTime(date)} className={`tabular-nums ${className}`}>
      {text}
    </time>
  );
}
