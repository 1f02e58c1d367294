import type { Classification } from '../../prompts/classification';
import { randomUUID } from 'node:crypto';
import { getDb, type Db } from '../../../platform/db';
import { Prisma } from '../../../platform/db/generated/client';
import { appendEventSql } from '../../timeline/append-event';
import { llmCallsSql } from './llm-calls-sql';
import type { LlmCallRecord } from './record-llm-call';
import type { ConversationSearchFacts } from '../../../core/conversation/search-attributes';
import { searchFactsOf } from './read-search-facts';

export interface RecordClassificationInput {
  conversationId: string;
  messageId: string;
  /** Absent when the model's answer could not be used; `error` then says why. */
  data?: Classification;
  error?: string;
  model: string;
  /** Prompt tokens (`promptTokens`: cache reads and writes included), summed over the calls it took (a corrective retry is a second call). */
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/**
 * Stores the classification of a message and mirrors its headline fields on the conversation;
 * with `llmCalls`, the rows of the calls it took too, their cost added in the same update.
 * With `drafting` and a usable classification, the same update moves the status on from
 * classifying to drafting as the workflow's mirror write did (its reason, deadline and hold
 * cleared), and the search facts come back, as that write returned them; undefined when the
 * status was not moved (not asked, no classification, or no longer classifying).
 */
export async function recordClassification(
  input: RecordClassificationInput,
  db: Db = getDb(),
  llmCalls: readonly LlmCallRecord[] = [],
  options: { drafting?: boolean } = {},
): Promise<ConversationSearchFacts | undefined> {
  const { data } = input;
  const row = {
    conversationId: input.conversationId,
    ok: data !== undefined,
    error: data ? null : (input.error ?? 'classification unavailable'),
    category: data?.category ?? null,
    priority: data?.priority ?? null,
    sentiment: data?.sentiment ?? null,
    language: data?.language ?? null,
    riskScore: data?.risk_score ?? null,
    riskReasons: data?.risk_reasons ?? [],
    confidence: data?.confidence ?? null,
    requiresHuman: data?.requires_human ?? true,
    injectionSuspected: data?.injection_suspected ?? false,
    injectionReasons: data?.injection_reasons ?? [],
    summary: data?.summary ?? null,
    model: input.model,
  };
  const json = (value: unknown) => Prisma.sql`${JSON.stringify(value)}::jsonb`;
  const calls = llmCallsSql(llmCalls);
  // One statement (data-modifying CTEs run exactly once, whether read or not), so all its
  // writes stand or fall together as the transaction they replace did, in one round trip
  // instead of five. A missing conversation fails the insert (its foreign key).
  const moving = Boolean(options.drafting) && row.ok;
  const moved = Prisma.sql`(${moving}::boolean AND c."status" = 'classifying')`;
  const rows = await db.$queryRaw<(Parameters<typeof searchFactsOf>[0] & { status: string })[]>`
    WITH classification AS (
      INSERT INTO "Classification" ("id", "messageId", "conversationId", "ok", "error", "category", "priority", "sentiment", "language",
                                    "riskScore", "riskReasons", "confidence", "requiresHuman", "injectionSuspected", "injectionReasons",
                                    "summary", "model", "createdAt")
      VALUES (${randomUUID()}, ${input.messageId}, ${row.conversationId}, ${row.ok}, ${row.error}, ${row.category}, ${row.priority}, ${row.sentiment}, ${row.language},
              ${row.riskScore}::int, ${json(row.riskReasons)}, ${row.confidence}::float8, ${row.requiresHuman}, ${row.injectionSuspected},
              ${json(row.injectionReasons)}, ${row.summary}, ${row.model}, now() AT TIME ZONE 'UTC')
      ON CONFLICT ("messageId") DO UPDATE SET
        "conversationId" = EXCLUDED."conversationId", "ok" = EXCLUDED."ok", "error" = EXCLUDED."error", "category" = EXCLUDED."category",
        "priority" = EXCLUDED."priority", "sentiment" = EXCLUDED."sentiment", "language" = EXCLUDED."language",
        "riskScore" = EXCLUDED."riskScore", "riskReasons" = EXCLUDED."riskReasons", "confidence" = EXCLUDED."confidence",
        "requiresHuman" = EXCLUDED."requiresHuman", "injectionSuspected" = EXCLUDED."injectionSuspected",
        "injectionReasons" = EXCLUDED."injectionReasons", "summary" = EXCLUDED."summary", "model" = EXCLUDED."model"
    ), ${calls.cte}, event AS (
      ${appendEventSql({
        conversationId: input.conversationId,
        key: `classified:${input.messageId}`,
        type: 'classified',
        data: {
          messageId: input.messageId,
          ok: row.ok,
          error: row.error ?? undefined,
          category: data?.category,
          priority: data?.priority,
          riskScore: data?.risk_score,
          confidence: data?.confidence,
          injectionSuspected: data?.injection_suspected,
          model: input.model,
          inputTokens: input.inputTokens,
          outputTokens: input.outputTokens,
          costUsd: input.costUsd,
        },
      })}
    )
    UPDATE "Conversation" AS c SET "category" = ${row.category}, "priority" = ${row.priority}, "riskScore" = ${row.riskScore}::int,
           "injectionSuspected" = ${row.injectionSuspected}, "costUsd" = c."costUsd" + ${calls.cost}, "updatedAt" = now() AT TIME ZONE 'UTC',
           "status" = CASE WHEN ${moved} THEN 'drafting' ELSE c."status" END,
           "statusReason" = CASE WHEN ${moved} THEN NULL ELSE c."statusReason" END,
           "slaDueAt" = CASE WHEN ${moved} THEN NULL ELSE c."slaDueAt" END,
           "holdUntil" = CASE WHEN ${moved} THEN NULL ELSE c."holdUntil" END,
           "snoozedUntil" = CASE WHEN ${moved} THEN NULL ELSE c."snoozedUntil" END
     WHERE c."id" = ${input.conversationId}
 RETURNING c."status", c."category", c."priority", c."assigneeId", c."slaDueAt",
           (SELECT m."address" FROM "Mailbox" AS m WHERE m."id" = c."mailboxId") AS "mailbox",
           (SELECT s."dueAt" FROM "ConversationSla" AS s WHERE s."conversationId" = c."id") AS "responseDueAt"`;
  const [updated] = rows;
  return moving && updated?.status === 'drafting' ? searchFactsOf(updated) : undefined;
}
