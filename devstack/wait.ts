import { acceptsConnections } from './ports';
import type { Supervised } from './processes';

export class NotReadyError extends Error {
  override name = 'NotReadyError';
}

export interface WaitOptions {
  /** Shown in the error, e.g. "the Claude simulator at http://127.0.0.1:4010/health". */
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  /** Give up at once if this process exits while we wait. */
  process?: Supervised;
}

/** Polls `check` until it returns true; throws a NotReadyError naming what never came up. */
export async function waitUntil(check: () => Promise<boolean>, options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let exited = false;
  void options.process?.exited.then(() => {
    exited = true;
  });
  let lastError = '';
  while (Date.now() < deadline) {
    if (exited) throw new NotReadyError(`${options.process?.name ?? 'process'} exited before ${options.what} was ready`);
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
  const seconds = Math.round(options.timeoutMs / 1000);
  throw new NotReadyError(`${options.what} was not ready after ${seconds}s${lastError ? ` (last error: ${lastError})` : ''}`);
}

/** True when GET `url` answers 2xx within two seconds. */
export async function httpOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  await response.body?.cancel();
  return response.ok;
}

export function waitForHttp(url: string, options: Omit<WaitOptions, 'what'> & { what?: string }): Promise<void> {
  return waitUntil(() => httpOk(url), { ...options, what: options.what ?? url });
}

export function waitForPort(port: number, options: WaitOptions & { host?: string }): Promise<void> {
  return waitUntil(() => acceptsConnections(port, options.host), options);
}
