import type { Client } from '@temporalio/client';
import type { Env } from '../../platform/config/env';
import type { Db } from '../../platform/db/client';
import { runExclusively } from '../../platform/db/run-exclusively';
import { deliverToWorkflow } from './deliver-to-workflow';

const INTERVAL_MS = 15_000;
/** Leave intake a moment to deliver on its own before retrying behind its back. */
const GRACE_MS = 10_000;
const BATCH = 50;
/** The advisory lock every worker's reconciler competes for (Prisma's migrate lock is 72707369). */
export const RECONCILER_LOCK = 72707370;

export interface ReconcilerDeps {
  db: Db;
  client: Client;
  config: Pick<Env, 'TEMPORAL_TASK_QUEUE'>;
}

/**
 * One reconciler pass across all workers: every worker runs the timer, but only the one
 * holding the lock delivers, so a message is never signalled twice by two workers at once.
 * Returns how many messages it delivered, or null when another worker held the lock.
 */
export async function reconcileOnce(deps: ReconcilerDeps): Promise<number | null> {
  const pass = await runExclusively(deps.db, RECONCILER_LOCK, () => reconcileUndelivered(deps), { timeoutMs: 5 * 60_000 });
  return pass.ran ? pass.result : null;
}

/** Delivers stored messages that intake could not hand to Temporal (it was down). */
export async function reconcileUndelivered(deps: ReconcilerDeps): Promise<number> {
  const pending = await deps.db.message.findMany({
    where: { direction: 'inbound', deliveredAt: null, createdAt: { lt: new Date(Date.now() - GRACE_MS) } },
    orderBy: { createdAt: 'asc' },
    take: BATCH,
    select: { id: true, conversationId: true },
  });
  let delivered = 0;
  for (const message of pending) {
    await deliverToWorkflow({ ...deps, conversationId: message.conversationId, messageId: message.id });
    delivered += 1;
  }
  return delivered;
}

export function startReconciler(deps: ReconcilerDeps): { stop(): void } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const delivered = await reconcileOnce(deps);
      if (delivered !== null && delivered > 0) console.log(`Reconciler: delivered ${delivered} queued message(s) to Temporal`);
    } catch (error) {
      console.warn(`Reconciler: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), INTERVAL_MS);
  return { stop: () => clearInterval(timer) };
}
