import { randomUUID } from 'node:crypto';
import { getDb, type Db } from '../../../platform/db';
import { Prisma } from '../../../platform/db/generated/client';
import { appendEventSql } from '../../timeline/append-event';
import { llmCallsSql } from './llm-calls-sql';
import type { LlmCallRecord } from './record-llm-call';

export interface RecordDraftInput {
  conversationId: string;
  version: number;
  body: string;
  model: string;
  knowledgeUsed: string[];
  /** The customer message the draft answers. */
  basedOnMessageId: string;
  revisionInstructions?: string;
  costUsd: number;
  outputTokens: number;
  /** Why the model stopped; absent for replies an agent wrote. */
  stopReason?: string;
  /** Set when Claude's answer cannot be used as it is: stored as `unusable`, never decidable or sendable. */
  unusableReason?: string;
  /** The passages the model was given, best first, and which of them it cited. */
  passages?: { given: readonly string[]; cited: readonly string[] };
  /** Cited ids that were never given (each one holds the draft). */
  inventedCitations?: readonly string[];
  /** Who wrote it; default the model. */
  origin?: 'model' | 'assembled' | 'agent';
  /** The deterministic checks that failed (they may quote the draft), stored with it in the same write. */
  checkProblems?: readonly string[];
}

/**
 * Stores a draft version as the conversation's current draft, with its passages and timeline
 * event, in one statement (data-modifying CTEs run exactly once, on one snapshot): everything
 * stands or falls together as in the transaction it replaces, in one round trip instead of
 * eight. A retried activity writes the same version again: its passages replace the earlier
 * ones (those no longer given go, the rest take their new rank), its failed checks too when given.
 * With `llmCalls`, the rows of the Claude calls that wrote it too, their cost added to the
 * conversation in the same update.
 */
export async function recordDraft(input: RecordDraftInput, db: Db = getDb(), llmCalls: readonly LlmCallRecord[] = []): Promise<void> {
  const now = Prisma.sql`now() AT TIME ZONE 'UTC'`;
  const json = (value: unknown) => Prisma.sql`${JSON.stringify(value)}::jsonb`;
  const checks = input.checkProblems ? [...input.checkProblems] : null;
  const passages = input.passages ? passagesSql(input.passages) : Prisma.empty;
  const calls = llmCallsSql(llmCalls);
  const newer = Prisma.sql`EXISTS (SELECT 1 FROM "Draft" cd WHERE cd."id" = c."currentDraftId" AND cd."version" > ${input.version}::int)`;
  await db.$executeRaw`
    WITH draft AS (
      INSERT INTO "Draft" ("id", "conversationId", "version", "status", "aiBody", "stopReason", "origin", "model", "knowledgeUsed",
                           "revisionInstructions", "basedOnMessageId", "inventedCitations", "checkProblems", "createdAt", "updatedAt")
      VALUES (${randomUUID()}, ${input.conversationId}, ${input.version}::int, ${input.unusableReason ? 'unusable' : 'pending'}, ${input.body},
              ${input.stopReason ?? null}, ${input.origin ?? 'model'}, ${input.model}, ${json(input.knowledgeUsed)}, ${input.revisionInstructions ?? null},
              ${input.basedOnMessageId}, ${json([...(input.inventedCitations ?? [])])}, coalesce(${checks}::text[], '{}'::text[]), ${now}, ${now})
      ON CONFLICT ("conversationId", "version") DO UPDATE SET
        "aiBody" = EXCLUDED."aiBody", "model" = EXCLUDED."model", "knowledgeUsed" = EXCLUDED."knowledgeUsed",
        "inventedCitations" = EXCLUDED."inventedCitations",
        -- Fields a write leaves unset stay as they were.
        "stopReason" = coalesce(EXCLUDED."stopReason", "Draft"."stopReason"),
        "status" = CASE WHEN ${Boolean(input.unusableReason)} THEN 'unusable' ELSE "Draft"."status" END,
        "checkProblems" = CASE WHEN ${checks !== null} THEN EXCLUDED."checkProblems" ELSE "Draft"."checkProblems" END,
        "updatedAt" = ${now}
      RETURNING "id"
    )${passages}, ${calls.cte},
    -- A model call an agent's own reply overtook may still finish: it never displaces a newer draft
    -- (its calls' cost is still added).
    made_current AS (
      UPDATE "Conversation" c SET "currentDraftId" = CASE WHEN ${newer} THEN c."currentDraftId" ELSE (SELECT "id" FROM draft) END,
             "costUsd" = c."costUsd" + ${calls.cost}, "updatedAt" = ${now}
       WHERE c."id" = ${input.conversationId} AND (NOT ${newer} OR EXISTS (SELECT 1 FROM llm))
    )
    ${appendEventSql({
      conversationId: input.conversationId,
      key: `drafted:v${input.version}`,
      type: 'drafted',
      data: {
        draftVersion: input.version,
        model: input.model,
        knowledgeUsed: input.knowledgeUsed,
        revision: input.revisionInstructions !== undefined,
        costUsd: input.costUsd,
        outputTokens: input.outputTokens,
        stopReason: input.stopReason,
        unusableReason: input.unusableReason,
      },
    })}`;
}

/** The draft's passages as CTEs after `draft`: the given ones, best first, with which were cited. */
function passagesSql(passages: { given: readonly string[]; cited: readonly string[] }): Prisma.Sql {
  const cited = new Set(passages.cited);
  const ids = passages.given.map(() => randomUUID());
  const ranks = passages.given.map((_, rank) => rank);
  return Prisma.sql`,
    unlinked AS (
      DELETE FROM "DraftPassage" dp USING draft WHERE dp."draftId" = draft."id" AND NOT (dp."passageId" = ANY(${[...passages.given]}::text[]))
    ),
    linked AS (
      INSERT INTO "DraftPassage" ("id", "draftId", "passageId", "rank", "cited")
      SELECT given.id, draft."id", given."passageId", given.rank, given.cited
        FROM draft, unnest(${ids}::text[], ${[...passages.given]}::text[], ${ranks}::int[], ${passages.given.map((id) => cited.has(id))}::boolean[])
             AS given(id, "passageId", rank, cited)
      ON CONFLICT ("draftId", "passageId") DO UPDATE SET "rank" = EXCLUDED."rank", "cited" = EXCLUDED."cited"
    )`;
}
