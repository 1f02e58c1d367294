'use client';

import { formatDateTime } from '@/lib/web/format';
import { useNow } from './use-now';

function mmss(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  const minutes = Math.floor(whole / 60);
  return minutes >= 60 ? `${Math.floor(minutes / 60)}h ${minutes % 60}m` : `${minutes}:${String(whole % 60).padStart(2, '0')}`;
}

/** A second-by-second countdown (e.g. an auto-send hold); shows `doneText` once it passes. */
export function Countdown({ until, serverNow, doneText = 'now', className = '' }: { until: string; serverNow: string; doneText?: string; className?: string }) {
  const now = useNow(serverNow, 1_000);
  const seconds = (Date.parse(until) - now) / 1000;
  return (
    <time dateTime={until} title={formatDateTime(until)} className={`tabular-nums ${className}`}>
      {seconds > 0 ? mmss(seconds) : doneText}
    </time>
  );
}
