'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

type Mode = 'connecting' | 'live' | 'polling';

const STREAM_URL = '/api/inbox/stream';
const MIN_GAP_MS = 1_000;
const POLL_MS = 5_000;
const RECHECK_MS = 2_000;

/**
 * Whether a page rendered from `rendered` is older than the mirror `latest` a tick announced.
 * Only the ordered parts count: the team digest (third part) has no order, and a page whose
 * digest merely differs is caught by the stream's own comparison when it subscribes.
 */
function olderThan(rendered: string, latest: string): boolean {
  const [renderedRows = '', renderedEvents = ''] = rendered.split('|');
  const [latestRows = '', latestEvents = ''] = latest.split('|');
  return renderedRows < latestRows || renderedEvents < latestEvents;
}

/**
 * Keeps a server-rendered page current: refreshes it when the inbox stream ticks, at most
 * once a second and only while the tab is visible; falls back to polling if the stream
 * is unavailable. router.refresh() keeps client state (e.g. an edit in progress).
 */
export function LiveRefreshClient({ since }: { since: string }) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>('connecting');
  const lastRefresh = useRef(0);
  // Only the first connection needs it; a refresh re-renders with a newer one, no reconnect.
  const renderedVersion = useRef(since);
  // The newest version a tick announced, and the version the page now shows.
  const announced = useRef<string | undefined>(undefined);
  const shown = useRef(since);
  useEffect(() => {
    shown.current = since;
  }, [since]);

  useEffect(() => {
    let missed = false;
    let delayed: ReturnType<typeof setTimeout> | undefined;
    let poller: ReturnType<typeof setInterval> | undefined;
    let recheck: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      if (document.visibilityState !== 'visible') {
        missed = true;
        return;
      }
      const wait = lastRefresh.current + MIN_GAP_MS - Date.now();
      if (wait > 0) {
        delayed ??= setTimeout(() => {
          delayed = undefined;
          refresh();
        }, wait);
        return;
      }
      lastRefresh.current = Date.now();
      router.refresh();
      // A refresh can render from a moment before the change that prompted it (it raced the
      // write, or overlapped another refresh): while the page is older than what was announced,
      // it asks again.
      clearTimeout(recheck);
      recheck = setTimeout(() => {
        if (announced.current && olderThan(shown.current, announced.current)) refresh();
      }, RECHECK_MS);
    };
    const onTick = (event: MessageEvent<string>) => {
      try {
        const { version } = JSON.parse(event.data) as { version?: string };
        if (version && (!announced.current || olderThan(announced.current, version))) announced.current = version;
      } catch {
        // A tick without a version still refreshes.
      }
      refresh();
    };
    const startPolling = () => {
      setMode('polling');
      poller ??= setInterval(refresh, POLL_MS);
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible' && missed) {
        missed = false;
        refresh();
      }
    };
    document.addEventListener('visibilitychange', onVisible);

    let source: EventSource | undefined;
    if (typeof EventSource === 'undefined') startPolling();
    else {
      let connections = 0;
      // `since` is the mirror version this page was rendered from: the stream ticks at once
      // if anything changed between the render and the subscription.
      source = new EventSource(`${STREAM_URL}?since=${encodeURIComponent(renderedVersion.current)}`);
      source.addEventListener('ready', () => {
        setMode('live');
        // After a reconnect, changes may have happened while disconnected.
        if (connections++ > 0) refresh();
      });
      source.addEventListener('tick', onTick);
      source.addEventListener('error', () => {
        if (source?.readyState === EventSource.CLOSED) startPolling();
        else setMode('connecting');
      });
    }
    return () => {
      source?.close();
      clearTimeout(delayed);
      clearTimeout(recheck);
      clearInterval(poller);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [router]);

  const label = { connecting: 'Connecting…', live: 'Live', polling: 'Auto-refresh' }[mode];
  const dot = { connecting: 'bg-slate-400', live: 'bg-emerald-500', polling: 'bg-amber-500' }[mode];
  return (
    <span role="status" className="inline-flex items-center gap-1.5 text-xs text-slate-500" title="Updates appear without reloading">
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${dot}`} />
      {label}
    </span>
  );
}
