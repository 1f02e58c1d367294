import type { Client } from '@temporalio/client';
import type { Env } from '../../platform/config/env';
import type { Db } from '../../platform/db/client';
import { deliverToWorkflow } from './deliver-to-workflow';

const INTERVAL_MS = 15_000;
/** Leave intake a moment to deliver on its own before retrying behind its back. */
const GRACE_MS = 10_000;
const BATCH = 50;

/** Delivers stored messages that intake could not hand to Temporal (it was down). */
export async function reconcileUndelivered(deps: { db: Db; client: Client; config: Pick<Env, 'TEMPORAL_TASK_QUEUE'> }): Promise<number> {
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

export function startReconciler(deps: { db: Db; client: Client; config: Pick<Env, 'TEMPORAL_TASK_QUEUE'> }): { stop(): void } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const delivered = await reconcileUndelivered(deps);
      if (delivered > 0) console.log(`Reconciler: delivered ${delivered} queued message(s) to Temporal`);
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
