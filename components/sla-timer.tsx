'use client';

import { formatDateTime, formatDuration } from '@/lib/web/format';
import { useNow } from './use-now';

const SOON_SECONDS = 30 * 60;

/** Time left to decide before the review SLA: amber when close, red (and "overdue") after. */
export function SlaTimer({ dueAt, serverNow }: { dueAt: string | null; serverNow: string }) {
  const now = useNow(serverNow, 15_000);
  if (!dueAt) return <span className="text-xs text-slate-500">—</span>;
  const seconds = (Date.parse(dueAt) - now) / 1000;
  const overdue = seconds <= 0;
  const tone = overdue ? 'font-semibold text-red-700' : seconds < SOON_SECONDS ? 'font-medium text-amber-700' : 'text-slate-600';
  return (
    <time dateTime={dueAt} title={`SLA due ${formatDateTime(dueAt)}`} className={`whitespace-nowrap text-xs tabular-nums ${tone}`}>
      {overdue ? `overdue ${formatDuration(seconds)}` : `${formatDuration(seconds)} left`}
    </time>
  );
}
