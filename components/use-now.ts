'use client';

import { useEffect, useState } from 'react';

/**
 * The current time, ticking every `intervalMs`. The first render uses the server's clock
 * (passed down as `serverNow`), so hydration sees the same text the server rendered.
 */
export function useNow(serverNow: string, intervalMs: number): number {
  const [now, setNow] = useState(() => Date.parse(serverNow));
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [intervalMs]);
  return now;
}
