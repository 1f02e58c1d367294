// Delays that give up early when the client hangs up or the simulator shuts down, so neither
// latency nor a simulated timeout can keep a socket or a test process alive.
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

export function clientGone(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** Resolves true after `ms`, or false as soon as any signal aborts. */
export async function waitUnlessAborted(ms: number, signals: readonly AbortSignal[]): Promise<boolean> {
  const signal = AbortSignal.any([...signals]);
  if (signal.aborted) return false;
  if (ms <= 0) return true;
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}
