import type { Client } from '@temporalio/client';
import type { Env } from '../../platform/config/env';
import type { Db } from '../../platform/db/client';
import { runSql, sql } from './intake-sql';
import { CONVERSATION_WORKFLOW, inboundMessageSignal, type ConversationWorkflowInput } from '../../core/contract';

export interface StoredMessage {
  conversationId: string;
  messageId: string;
}

export interface DeliverInput extends StoredMessage {
  db: Db;
  client: Client;
  config: Pick<Env, 'TEMPORAL_TASK_QUEUE'>;
}

/**
 * Hands a stored message to its conversation workflow and marks it delivered: one signal and
 * one statement (the reconciler's way, and the SMTP and IMAP channels'; web intake hands off
 * after answering, hand-off.ts, and marks in batches).
 */
export async function deliverToWorkflow({ db, client, config, conversationId, messageId }: DeliverInput): Promise<void> {
  await signalConversation(client, config, { conversationId, messageId });
  await markDelivered(db, [messageId]);
}

/**
 * Signal-with-start is atomic, so a reply reaches the running workflow and a new thread (or one
 * closed for idleness) starts. Bare: the run reads its policy, roster and draft versions itself
 * (conversation-setup.ts).
 */
export async function signalConversation(client: Client, config: Pick<Env, 'TEMPORAL_TASK_QUEUE'>, { conversationId, messageId }: StoredMessage): Promise<void> {
  const input: ConversationWorkflowInput = { conversationId };
  await client.workflow.signalWithStart(CONVERSATION_WORKFLOW, {
    workflowId: conversationId,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    args: [input],
    signal: inboundMessageSignal,
    signalArgs: [{ messageId }],
  });
}

/**
 * Temporal accepted these messages: `deliveredAt` on each and `workflowStartedAt` on each
 * conversation that had none, in one statement however many; times in UTC, as Prisma stores them.
 */
export async function markDelivered(db: Db, messageIds: readonly string[]): Promise<void> {
  if (messageIds.length === 0) return;
  await runSql(db, sql`
    WITH delivered AS (
      UPDATE "Message" SET "deliveredAt" = now() AT TIME ZONE 'UTC' WHERE "id" = ANY(${[...messageIds]}::text[]) RETURNING "conversationId"
    )
    UPDATE "Conversation" AS c SET "workflowStartedAt" = now() AT TIME ZONE 'UTC', "updatedAt" = now() AT TIME ZONE 'UTC'
      FROM (SELECT DISTINCT "conversationId" FROM delivered) AS d WHERE c."id" = d."conversationId" AND c."workflowStartedAt" IS NULL`);
}
