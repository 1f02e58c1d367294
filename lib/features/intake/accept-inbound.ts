import type { Client } from '@temporalio/client';
import type { Env } from '../../platform/config/env';
import type { Db } from '../../platform/db/client';
import { deliverToWorkflow } from './deliver-to-workflow';
import type { InboundEmail } from './inbound-email';
import { storeInbound } from './store-inbound';

export interface AcceptInboundDeps {
  db: Db;
  getClient: () => Promise<Client>;
  config: Pick<Env, 'TEMPORAL_TASK_QUEUE'>;
}

export interface AcceptInboundResult {
  conversationId: string;
  messageId: string;
  duplicate: boolean;
  /** Stored but not yet handed to Temporal (unreachable); the reconciler will deliver it. */
  queued: boolean;
}

/** Store first, then deliver: an email is never acknowledged before it is stored, nor lost after. */
export async function acceptInbound(deps: AcceptInboundDeps, email: InboundEmail): Promise<AcceptInboundResult> {
  const stored = await storeInbound(email, deps.db);
  if (!stored.needsDelivery) return { ...stored, queued: false };
  try {
    const client = await deps.getClient();
    await deliverToWorkflow({ db: deps.db, client, config: deps.config, ...stored });
    return { ...stored, queued: false };
  } catch (error) {
    console.warn(`Intake: stored ${stored.messageId} but Temporal is unavailable (${(error as Error).message}); queued for retry`);
    return { ...stored, queued: true };
  }
}
