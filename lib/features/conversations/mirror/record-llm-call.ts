import { randomUUID } from 'node:crypto';
import { getDb, type Db } from '../../../platform/db';
import type { LlmPurpose } from '../../../platform/llm/observer';

export interface LlmCallRecord {
  /** Unique per call attempt (run, activity, attempt, call index): a repeated write adds nothing. */
  callKey: string;
  conversationId: string;
  messageId: string;
  purpose: LlmPurpose;
  model: string;
  promptName: string;
  promptVersion: number;
  attempt: number;
  ok: boolean;
  error?: string;
  /** By API error type/code (lib/core/failures.ts), or the transient type that was retried. */
  errorType?: string;
  stopReason?: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWrite5mTokens: number;
  cacheWrite1hTokens: number;
  costUsd: number;
  /** The model is missing from the price table: costUsd is priced at the fallback rates. */
  priceEstimated: boolean;
  latencyMs: number;
  traceId: string;
  workflowId: string;
  runId: string;
}

/**
 * Stores one Claude call with its tokens and cost, and adds the cost to the conversation, in
 * one statement: the cost is added only when the row is new, so a retried activity neither
 * stores the call twice nor counts its cost twice (the upsert and update it replaces did, and
 * cost a transaction and four statements per call).
 */
export async function recordLlmCall({ callKey, ...row }: LlmCallRecord, db: Db = getDb()): Promise<void> {
  await db.$executeRaw`
    WITH inserted AS (
      INSERT INTO "LlmCall" ("id", "callKey", "conversationId", "messageId", "purpose", "model", "promptName", "promptVersion", "attempt",
                             "ok", "error", "errorType", "stopReason", "inputTokens", "outputTokens", "cacheReadTokens",
                             "cacheWrite5mTokens", "cacheWrite1hTokens", "costUsd", "priceEstimated", "latencyMs", "traceId",
                             "workflowId", "runId", "createdAt")
      VALUES (${randomUUID()}, ${callKey}, ${row.conversationId}, ${row.messageId}, ${row.purpose}, ${row.model}, ${row.promptName},
              ${row.promptVersion}, ${row.attempt}, ${row.ok}, ${row.error ?? null}, ${row.errorType ?? null}, ${row.stopReason ?? null},
              ${row.inputTokens}, ${row.outputTokens}, ${row.cacheReadTokens}, ${row.cacheWrite5mTokens}, ${row.cacheWrite1hTokens},
              ${row.costUsd}, ${row.priceEstimated}, ${row.latencyMs}, ${row.traceId}, ${row.workflowId}, ${row.runId},
              now() AT TIME ZONE 'UTC')
      ON CONFLICT ("callKey") DO NOTHING
      RETURNING "conversationId", "costUsd"
    )
    UPDATE "Conversation" AS c SET "costUsd" = c."costUsd" + inserted."costUsd", "updatedAt" = now() AT TIME ZONE 'UTC'
      FROM inserted WHERE c."id" = inserted."conversationId"`;
}
