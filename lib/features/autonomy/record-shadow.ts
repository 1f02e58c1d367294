import { randomUUID } from 'node:crypto';
import { Prisma } from '../../platform/db/generated/client';
import { getDb, type DbClient } from '../../platform/db';
import { evidenceOf, type ShadowOutcome } from '../../core/policy/shadow';
import type { DraftVerification, VerificationFacts } from '../../core/safety/verification';
import type { GroundingAnswer, ModelCheckFacts } from '../../core/safety/grounding';
import type { LayerVerdict } from '../../core/policy/send-decision';
import { llmCallsSql } from '../conversations/mirror/llm-calls-sql';
import type { LlmCallRecord } from '../conversations/mirror/record-llm-call';

const key = (input: { conversationId: string; draftVersion: number }) => ({
  conversationId_draftVersion: { conversationId: input.conversationId, draftVersion: input.draftVersion },
});

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

/**
 * A model check's answer for a draft (or why it could not run), kept for the agent and the
 * overview: the second check's (`verification`) or the one that never reads the email
 * (`grounding`). With the rows of the Claude calls the check made, in one statement: the
 * verdict, the calls and their cost on the conversation stand or fall together, where each
 * call's row was a round trip of its own. Times stored as UTC, as Prisma stores them.
 */
export async function recordShadowCheck(
  input:
    | { conversationId: string; draftVersion: number; check: 'verification'; facts: VerificationFacts; answer?: DraftVerification }
    | { conversationId: string; draftVersion: number; check: 'grounding'; facts: ModelCheckFacts; answer?: GroundingAnswer },
  llmCalls: readonly LlmCallRecord[],
  db: DbClient = getDb(),
): Promise<void> {
  const verdict = JSON.stringify({ ...input.facts, answer: input.answer ?? null });
  const [statusColumn, column] = input.check === 'verification' ? ['verificationStatus', 'verification'] : ['groundingStatus', 'grounding'];
  const status = Prisma.raw(`"${statusColumn}"`);
  const json = Prisma.raw(`"${column}"`);
  const now = Prisma.sql`now() AT TIME ZONE 'UTC'`;
  const calls = llmCallsSql(llmCalls);
  await db.$executeRaw`
    WITH ${calls.cte}, cost AS (
      UPDATE "Conversation" AS c SET "costUsd" = c."costUsd" + ${calls.cost}, "updatedAt" = ${now}
       WHERE c."id" = ${input.conversationId} AND EXISTS (SELECT 1 FROM llm)
    )
    INSERT INTO "DraftShadow" ("id", "conversationId", "draftVersion", ${status}, ${json}, "createdAt", "updatedAt")
    VALUES (${randomUUID()}, ${input.conversationId}, ${input.draftVersion}::int, ${input.facts.status}, ${verdict}::jsonb, ${now}, ${now})
    ON CONFLICT ("conversationId", "draftVersion") DO UPDATE SET ${status} = EXCLUDED.${status}, ${json} = EXCLUDED.${json}, "updatedAt" = EXCLUDED."updatedAt"`;
}

/** What the policy would have done with the draft and what the workflow did, when it is routed. */
export async function recordShadowRouting(
  input: {
    conversationId: string;
    draftVersion: number;
    route: 'auto_send' | 'review';
    shadow: { wouldAutoSend: boolean; reasons: string[] };
    layers?: LayerVerdict[];
  },
  db: DbClient = getDb(),
): Promise<void> {
  const draft = await db.draft.findUnique({ where: { conversationId_version: { conversationId: input.conversationId, version: input.draftVersion } }, select: { basedOnMessageId: true } });
  const classification = draft ? await db.classification.findUnique({ where: { messageId: draft.basedOnMessageId }, select: { category: true } }) : null;
  const data = {
    category: classification?.category ?? null,
    wouldAutoSend: input.shadow.wouldAutoSend,
    reasons: input.shadow.reasons,
    ...(input.layers ? { layers: json(input.layers) } : {}),
    route: input.route,
    routedAt: new Date(),
  };
  await db.draftShadow.upsert({ where: key(input), create: { conversationId: input.conversationId, draftVersion: input.draftVersion, ...data }, update: data });
}

/** What an agent (or the policy) then did with the draft; the first outcome stands. */
export async function recordShadowOutcome(
  input: { conversationId: string; draftVersion: number; outcome: ShadowOutcome; editSize?: number; actorId?: string },
  db: DbClient = getDb(),
): Promise<void> {
  const row = await db.draftShadow.findUnique({ where: key(input) });
  if (!row || row.outcome !== null) return;
  const now = new Date();
  const review = input.outcome === 'auto_sent' ? 'pending' : null;
  const evidence = evidenceOf({ wouldAutoSend: row.wouldAutoSend, outcome: input.outcome, review });
  await db.draftShadow.update({
    where: { id: row.id },
    data: { outcome: input.outcome, editSize: input.editSize, outcomeBy: input.actorId, outcomeAt: now, review, evidenceAt: evidence ? now : undefined },
  });
  if (review) await db.conversation.update({ where: { id: input.conversationId }, data: { autoSentReview: 'pending' } });
}

/**
 * The category whose trust a draft's shadow record counts towards, once it is evidence: the
 * caller reassesses it (idempotent, so a retried activity reassesses again harmlessly).
 */
export async function shadowEvidenceCategory(input: { conversationId: string; draftVersion: number }, db: DbClient = getDb()): Promise<string | null> {
  const row = await db.draftShadow.findUnique({ where: key(input), select: { category: true, evidenceAt: true } });
  return row?.evidenceAt ? row.category : null;
}
