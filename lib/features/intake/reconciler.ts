import type { Client } from '@temporalio/client';
import type { Env } from '../../platform/config/env';
import type { Db } from '../../platform/db/client';
import { runExclusively } from '../../platform/db/run-exclusively';
import { deliverToWorkflow } from './deliver-to-workflow';
import { redeliverUnrecorded } from './redeliver-unrecorded';

/**
 * Leave intake a moment to deliver on its own (web intake hands off just after answering,
 * hand-off.ts) before retrying behind its back. With the schedule's 15 s, mail a web node
 * stored and then died before handing off reaches its workflow within about 25 s.
 */
export const GRACE_MS = 10_000;
const BATCH = 50;
/** The advisory lock every worker's reconciler competes for (Prisma's migrate lock is 72707369). */
export const RECONCILER_LOCK = 72707370;

export interface ReconcilerDeps {
  db: Db;
  client: Client;
  config: Pick<Env, 'TEMPORAL_TASK_QUEUE'>;
}

/**
 * One reconciler pass. A Temporal Schedule starts it (reconcileIntakeWorkflow, once however
 * many workers there are); the lock still keeps it from running beside a pass of a worker
 * from an older release (which ran it on a timer), so a message is never signalled twice at
 * once. It also signals again messages a workflow never recorded (redeliver-unrecorded.ts).
 * Returns how many messages it delivered, or null when another pass held the lock.
 */
export async function reconcileOnce(deps: ReconcilerDeps): Promise<number | null> {
  const pass = await runExclusively(deps.db, RECONCILER_LOCK, async () => (await reconcileUndelivered(deps)) + (await redeliverUnrecorded(deps)), {
    timeoutMs: 5 * 60_000,
  });
  return pass.ran ? pass.result : null;
}

/** Delivers stored messages that intake did not hand to Temporal (it was down, or the node died first). */
export async function reconcileUndelivered(deps: ReconcilerDeps, now = Date.now()): Promise<number> {
  const pending = await deps.db.message.findMany({
    where: { direction: 'inbound', deliveredAt: null, createdAt: { lt: new Date(now - GRACE_MS) } },
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
