import type { Client } from '@temporalio/client';
import type { Env } from '../../platform/config/env';
import type { Db } from '../../platform/db/client';
import { deliverToWorkflow } from './deliver-to-workflow';

/** A workflow records a message within seconds; past this, its signal is presumed lost. */
export const RECORD_GRACE_MS = 15 * 60_000;
/** Only messages delivered (or re-delivered) this recently: the scan stays small. */
const WINDOW_MS = 24 * 3_600_000;
const BATCH = 50;

export interface RedeliverDeps {
  db: Db;
  client: Client;
  config: Pick<Env, 'TEMPORAL_TASK_QUEUE'>;
}

/**
 * Signals again a message that Temporal accepted (`deliveredAt`) but the conversation's
 * workflow never recorded: recording it (prepareInboundMessage) writes its `received` timeline
 * event, the workflow's acknowledgement. A signal can be lost after Temporal accepted it (one
 * arriving as the run continued as new was, before the continue-as-new patch). Signals are
 * at-least-once: a workflow that holds the message already ignores the repeat. Each delivery
 * stamps `deliveredAt` anew, so an unrecorded message is signalled at most once per grace.
 */
export async function redeliverUnrecorded(deps: RedeliverDeps, now = Date.now()): Promise<number> {
  const pending = await deps.db.$queryRaw<Array<{ id: string; conversationId: string }>>`
    SELECT m.id, m."conversationId" FROM "Message" m
    WHERE m.direction = 'inbound'
      AND m."deliveredAt" < ${new Date(now - RECORD_GRACE_MS)} AND m."deliveredAt" > ${new Date(now - WINDOW_MS)}
      AND NOT EXISTS (SELECT 1 FROM "ConversationEvent" e WHERE e."eventKey" = m."conversationId" || ':received:' || m.id)
    ORDER BY m."deliveredAt" ASC
    LIMIT ${BATCH}`;
  for (const message of pending) {
    await deliverToWorkflow({ ...deps, conversationId: message.conversationId, messageId: message.id });
  }
  return pending.length;
}
