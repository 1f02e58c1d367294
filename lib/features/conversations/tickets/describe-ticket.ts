import { getDb, type DbClient } from '../../../platform/db';
import type { TicketRecord } from '../../../platform/llm/observer';
import { traceIdFor } from '../../../platform/observability/trace-ids';

/**
 * One customer message as a support manager reads it in LangFuse: the mail that came in, the
 * reply that went out (or the decision), and tags for category, route, outcome, model and
 * whether the sender was verified (lib/core/mail/verified-sender.ts, decided at intake).
 * Read from the store, so the send and decision activities can describe the ticket again
 * when its outcome is known, in whatever process they run.
 */

export type TicketOutcome =
  | { kind: 'sent'; draftVersion: number; reply: string; auto: boolean }
  | { kind: 'rejected'; draftVersion: number; reason?: string };

/** `sent` (the model's draft as it was), `edited`, `agent_reply` (written by hand) or `rejected`. */
export type OutcomeTag = 'sent' | 'edited' | 'agent_reply' | 'rejected';

export interface DescribeTicketInput {
  conversationId: string;
  messageId: string;
  outcome?: TicketOutcome;
}

export async function describeTicket(input: DescribeTicketInput, db: DbClient = getDb()): Promise<TicketRecord> {
  const [message, conversation, classification, modelDraft, outcomeDraft] = await Promise.all([
    db.message.findUniqueOrThrow({ where: { id: input.messageId }, omit: { rawMime: true, htmlBody: true } }),
    db.conversation.findUniqueOrThrow({ where: { id: input.conversationId }, select: { customerAddress: true } }),
    db.classification.findUnique({ where: { messageId: input.messageId }, select: { category: true, ok: true } }),
    db.draft.findFirst({
      where: { conversationId: input.conversationId, basedOnMessageId: input.messageId, origin: { not: 'agent' } },
      orderBy: { version: 'desc' },
      select: { model: true, version: true },
    }),
    input.outcome
      ? db.draft.findUnique({
          where: { conversationId_version: { conversationId: input.conversationId, version: input.outcome.draftVersion } },
          select: { aiBody: true, origin: true },
        })
      : null,
  ]);
  const routed = input.outcome
    ? await db.conversationEvent.findUnique({ where: { eventKey: `${input.conversationId}:routed:v${input.outcome.draftVersion}` } })
    : null;
  const outcome = input.outcome ? outcomeTag(input.outcome, outcomeDraft) : undefined;
  const route = input.outcome?.kind === 'sent' && input.outcome.auto ? 'auto' : routeOf(routed?.data);
  const tags = [
    classification?.ok && classification.category ? `category:${classification.category}` : undefined,
    route ? `route:${route}` : undefined,
    outcome ? `outcome:${outcome}` : undefined,
    modelDraft ? `model:${modelDraft.model}` : undefined,
    message.senderVerified ? 'sender:verified' : 'sender:unverified',
  ].filter((tag): tag is string => tag !== undefined);

  return {
    traceId: traceIdFor({ workflowId: input.conversationId, messageId: input.messageId }),
    sessionId: input.conversationId,
    receivedAt: message.createdAt,
    customerAddress: message.senderAddress ?? conversation.customerAddress,
    input: { from: message.fromAddress, subject: message.subject, text: message.textBody ?? '' },
    output: outputOf(input.outcome),
    tags,
    metadata: {
      workflowId: input.conversationId,
      conversationId: input.conversationId,
      messageId: input.messageId,
      category: classification?.category ?? undefined,
      outcome,
      draftVersion: input.outcome?.draftVersion,
      senderVerification: message.senderVerification ?? undefined,
    },
  };
}

function outcomeTag(outcome: TicketOutcome, draft: { aiBody: string; origin: string } | null): OutcomeTag {
  if (outcome.kind === 'rejected') return 'rejected';
  if (draft?.origin === 'agent') return 'agent_reply';
  return draft && draft.aiBody !== outcome.reply ? 'edited' : 'sent';
}

function outputOf(outcome: TicketOutcome | undefined): unknown {
  if (!outcome) return undefined;
  if (outcome.kind === 'sent') return outcome.reply;
  return { decision: 'rejected', ...(outcome.reason ? { reason: outcome.reason } : {}), note: 'Nothing was sent.' };
}

function routeOf(data: unknown): 'auto' | 'review' | undefined {
  const route = (data as { route?: unknown } | null)?.route;
  if (route === 'auto_send') return 'auto';
  return route === 'review' ? 'review' : undefined;
}
