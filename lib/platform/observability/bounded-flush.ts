/**
 * Flushing that never makes the caller wait on a sick backend more than once. One export runs
 * at a time (later calls join it); a caller waits at most `timeoutMs`; after a timeout or a
 * failure the backend counts as unhealthy and callers stop waiting altogether, while exports
 * continue in the background until one succeeds. So a LangFuse outage costs one bounded wait,
 * not one per model call.
 */

export type HealthListener = (healthy: boolean) => void;

const TIMED_OUT = Symbol('timed out');

function waitAtMost<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class BoundedFlush {
  private inFlight: Promise<boolean> | undefined;
  private healthy = true;

  constructor(
    private readonly run: () => Promise<void>,
    private readonly timeoutMs: number,
    private readonly onHealthChange: HealthListener = () => undefined,
  ) {}

  async flush(): Promise<void> {
    const attempt = this.inFlight ?? this.start();
    if (!this.healthy) return;
    if ((await waitAtMost(attempt, this.timeoutMs)) === TIMED_OUT) this.setHealthy(false);
  }

  private start(): Promise<boolean> {
    const attempt = Promise.resolve()
      .then(this.run)
      .then(
        () => true,
        () => false,
      )
      .then((ok) => {
        this.inFlight = undefined;
        this.setHealthy(ok);
        return ok;
      });
    this.inFlight = attempt;
    return attempt;
  }

  private setHealthy(healthy: boolean): void {
    if (healthy === this.healthy) return;
    this.healthy = healthy;
    this.onHealthChange(healthy);
  }
}

/** Settles within `ms` whatever `promise` does; never rejects. */
export async function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  await waitAtMost(
    promise.catch(() => undefined),
    ms,
  );
}
