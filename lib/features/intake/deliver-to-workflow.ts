import type { Client } from '@temporalio/client';
import type { Env } from '../../platform/config/env';
import type { Db } from '../../platform/db/client';
import { CONVERSATION_WORKFLOW, inboundMessageSignal, type ConversationWorkflowInput } from '../../core/contract';

export interface DeliverInput {
  db: Db;
  client: Client;
  config: Pick<Env, 'TEMPORAL_TASK_QUEUE'>;
  conversationId: string;
  messageId: string;
}

/**
 * Hands a stored message to its conversation workflow: signal-with-start is atomic, so a
 * reply reaches the running workflow and a new thread (or one closed for idleness) starts.
 */
export async function deliverToWorkflow({ db, client, config, conversationId, messageId }: DeliverInput): Promise<void> {
  // Bare: the run reads its policy, roster and draft versions itself (conversation-setup.ts),
  // so the request holds only the store and this call.
  const input: ConversationWorkflowInput = { conversationId };
  await client.workflow.signalWithStart(CONVERSATION_WORKFLOW, {
    workflowId: conversationId,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    args: [input],
    signal: inboundMessageSignal,
    signalArgs: [{ messageId }],
  });
  // Both marks in one statement (the transaction of two updates it replaces was four round trips
  // on every intake request); times in UTC, as Prisma stores them.
  await db.$executeRaw`
    WITH delivered AS (
      UPDATE "Message" SET "deliveredAt" = now() AT TIME ZONE 'UTC' WHERE "id" = ${messageId} RETURNING "conversationId"
    )
    UPDATE "Conversation" AS c SET "workflowStartedAt" = now() AT TIME ZONE 'UTC', "updatedAt" = now() AT TIME ZONE 'UTC'
      FROM delivered WHERE c."id" = ${conversationId} AND c."workflowStartedAt" IS NULL`;
}
