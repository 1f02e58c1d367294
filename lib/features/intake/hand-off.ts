import type { Client } from '@temporalio/client';
import { env, type Env } from '../../platform/config/env';
import { getDb } from '../../platform/db';
import type { Db } from '../../platform/db/client';
import { getTemporalClient } from '../../platform/temporal/shared-client';
import { markDelivered, signalConversation, type StoredMessage } from './deliver-to-workflow';

export interface HandOffDeps {
  db: Db;
  getClient: () => Promise<Client>;
  config: Pick<Env, 'TEMPORAL_TASK_QUEUE'>;
}

export interface HandOffOptions {
  /** Messages waiting for their signal at most; past it the reconciler delivers them. */
  limit?: number;
  /** Signals in flight at once. */
  concurrency?: number;
}

export interface HandOff {
  /** Takes a stored message to signal; false when full (it stays for the reconciler). */
  take(message: StoredMessage): boolean;
  /** Resolves once nothing is waiting, in flight or unmarked (or after `timeoutMs`). */
  settled(timeoutMs?: number): Promise<void>;
}

/**
 * Hands stored mail to Temporal after intake has answered: the relay's request holds only the
 * store (stored before acknowledged), not a gRPC round trip that a burst queues behind. Nothing
 * is lost if this process dies first: the message is stored with no `deliveredAt`, and the
 * reconciler (reconciler.ts, every 15 s after a 10 s grace) delivers it. Memory stays bounded
 * under a flood: at most `limit` ids wait (two short strings each); the rest, already stored,
 * are the reconciler's. Delivered marks are written in one statement per batch, not one each.
 */
export function createHandOff(deps: HandOffDeps, { limit = 1_000, concurrency = 8 }: HandOffOptions = {}): HandOff {
  const waiting: StoredMessage[] = [];
  const unmarked: string[] = [];
  let inFlight = 0;
  let marking: Promise<void> | undefined;
  let overflowWarned = false;
  let waiters: (() => void)[] = [];
  let pumpScheduled = false;
  let markScheduled = false;

  const idle = () => !pumpScheduled && !markScheduled && waiting.length === 0 && inFlight === 0 && unmarked.length === 0 && !marking;
  const wake = () => {
    if (!idle()) return;
    for (const resolve of waiters) resolve();
    waiters = [];
  };

  // After this turn of the event loop: the signals that complete together are marked together.
  const mark = () => {
    if (markScheduled || marking) return;
    markScheduled = true;
    setImmediate(() => {
      markScheduled = false;
      markBatches();
    });
  };

  const markBatches = () => {
    marking ??= (async () => {
      while (unmarked.length > 0) {
        const batch = unmarked.splice(0, 500);
        try {
          await markDelivered(deps.db, batch);
        } catch (error) {
          // Temporal has them; the reconciler signals them again (a repeat the workflow ignores).
          console.warn(`Intake: marking ${batch.length} delivered failed (${(error as Error).message}); the reconciler will repeat them`);
        }
      }
    })().finally(() => {
      marking = undefined;
      // Ids pushed between the loop's last check and this callback would otherwise wait for the reconciler.
      if (unmarked.length > 0) mark();
      wake();
    });
  };

  const signal = async (message: StoredMessage) => {
    try {
      await signalConversation(await deps.getClient(), deps.config, message);
      unmarked.push(message.messageId);
      mark();
    } catch (error) {
      console.warn(`Intake: stored ${message.messageId} but Temporal is unavailable (${(error as Error).message}); queued for the reconciler`);
    }
  };

  const pump = () => {
    while (inFlight < concurrency && waiting.length > 0) {
      const message = waiting.shift() as StoredMessage;
      inFlight += 1;
      void signal(message).finally(() => {
        inFlight -= 1;
        pump();
        wake();
      });
    }
  };

  return {
    take(message) {
      if (waiting.length >= limit) {
        if (!overflowWarned) console.warn(`Intake: ${limit} messages wait for Temporal already; the reconciler delivers the rest`);
        overflowWarned = true;
        return false;
      }
      overflowWarned = false;
      waiting.push(message);
      // After this turn of the event loop: the answer goes out before any signal starts.
      if (!pumpScheduled) {
        pumpScheduled = true;
        setImmediate(() => {
          pumpScheduled = false;
          pump();
        });
      }
      return true;
    },
    settled(timeoutMs = 10_000) {
      if (idle()) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

const globalForHandOff = globalThis as unknown as { countersignHandOff?: HandOff };

/** This process's hand-off (its database, Temporal client and task queue), made on first use. */
export function processHandOff(): HandOff {
  globalForHandOff.countersignHandOff ??= createHandOff({ db: getDb(), getClient: getTemporalClient, config: env() });
  return globalForHandOff.countersignHandOff;
}

/** Waits for this process's hand-off to finish, if it ever started (a web node stopping). */
export function settleProcessHandOff(timeoutMs?: number): Promise<void> {
  return globalForHandOff.countersignHandOff?.settled(timeoutMs) ?? Promise.resolve();
}
