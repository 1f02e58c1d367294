import type { CaughtMessageSummary, MessagePredicate } from './types';

export type Subscribe = (listener: (summary: CaughtMessageSummary) => void) => () => void;

/**
 * Resolves with the first message matching `predicate`, whether it was caught before the
 * call (tests often send first and wait second) or arrives later. It subscribes before it
 * scans the folder so a message landing in between cannot be missed.
 */
export function waitForMessage(
  list: () => Promise<CaughtMessageSummary[]>,
  subscribe: Subscribe,
  predicate: MessagePredicate,
  timeoutMs: number,
): Promise<CaughtMessageSummary> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe();
      outcome();
    };
    const consider = (summary: CaughtMessageSummary): void => {
      try {
        if (predicate(summary)) finish(() => resolve(summary));
      } catch (error) {
        finish(() => reject(error instanceof Error ? error : new Error(String(error))));
      }
    };
    const unsubscribe = subscribe(consider);
    const timer = setTimeout(() => {
      finish(() => reject(new Error(`Mail catcher: no matching message within ${timeoutMs} ms`)));
    }, timeoutMs);
    // Oldest first, so "the first match" means the same thing for stored and new messages.
    list()
      .then((existing) => existing.reverse().forEach(consider))
      .catch((error: unknown) => finish(() => reject(error instanceof Error ? error : new Error(String(error)))));
  });
}
