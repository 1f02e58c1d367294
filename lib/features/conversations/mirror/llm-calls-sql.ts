import { randomUUID } from 'node:crypto';
import { getDb, type Db } from '../../../platform/db';
import { Prisma } from '../../../platform/db/generated/client';
import type { LlmCallRecord } from './record-llm-call';

/**
 * Claude calls' rows as a CTE named `llm` for a step's own result statement (classification,
 * draft, check verdict), so a call costs no round trip of its own: `cte` goes in the statement's
 * WITH list (it yields the rows inserted: a retried write finds its callKeys and adds nothing)
 * and `cost` is what those new rows add to the conversation's cost, for the statement's one
 * update of the conversation (PostgreSQL applies one update per row per statement).
 */
export function llmCallsSql(records: readonly LlmCallRecord[]): { cte: Prisma.Sql; cost: Prisma.Sql } {
  if (records.length === 0) {
    return { cte: Prisma.sql`llm AS (SELECT NULL::text AS "conversationId", 0::float8 AS "costUsd" WHERE false)`, cost: Prisma.sql`0::float8` };
  }
  const rows = records.map(
    ({ callKey, ...row }) => Prisma.sql`(${randomUUID()}, ${callKey}, ${row.conversationId}, ${row.messageId}, ${row.purpose}, ${row.model}, ${row.promptName},
      ${row.promptVersion}::int, ${row.attempt}::int, ${row.ok}, ${row.error ?? null}, ${row.errorType ?? null}, ${row.stopReason ?? null},
      ${row.inputTokens}::int, ${row.outputTokens}::int, ${row.cacheReadTokens}::int, ${row.cacheWrite5mTokens}::int, ${row.cacheWrite1hTokens}::int,
      ${row.costUsd}::float8, ${row.priceEstimated}, ${row.latencyMs}::int, ${row.traceId}, ${row.workflowId}, ${row.runId},
      now() AT TIME ZONE 'UTC')`,
  );
  return {
    cte: Prisma.sql`llm AS (
      INSERT INTO "LlmCall" ("id", "callKey", "conversationId", "messageId", "purpose", "model", "promptName", "promptVersion", "attempt",
                             "ok", "error", "errorType", "stopReason", "inputTokens", "outputTokens", "cacheReadTokens",
                             "cacheWrite5mTokens", "cacheWrite1hTokens", "costUsd", "priceEstimated", "latencyMs", "traceId",
                             "workflowId", "runId", "createdAt")
      VALUES ${Prisma.join(rows)}
      ON CONFLICT ("callKey") DO NOTHING
      RETURNING "conversationId", "costUsd"
    )`,
    cost: Prisma.sql`(SELECT coalesce(sum(l."costUsd"), 0)::float8 FROM llm AS l)`,
  };
}

/** Calls' rows on their own (one statement for them all), with their cost added to each conversation once. */
export async function recordLlmCalls(records: readonly LlmCallRecord[], db: Db = getDb()): Promise<void> {
  if (records.length === 0) return;
  const { cte } = llmCallsSql(records);
  await db.$executeRaw`
    WITH ${cte}
    UPDATE "Conversation" AS c SET "costUsd" = c."costUsd" + added."costUsd", "updatedAt" = now() AT TIME ZONE 'UTC'
      FROM (SELECT l."conversationId", sum(l."costUsd") AS "costUsd" FROM llm AS l GROUP BY l."conversationId") AS added
     WHERE c."id" = added."conversationId"`;
}
