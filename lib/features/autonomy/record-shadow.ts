import type { Prisma } from '../../platform/db/generated/client';
import { getDb, type DbClient } from '../../platform/db';
import { evidenceOf, type ShadowOutcome } from '../../core/policy/shadow';
import type { DraftVerification, VerificationFacts } from '../../core/safety/verification';
import type { GroundingAnswer, ModelCheckFacts } from '../../core/safety/grounding';
import type { LayerVerdict } from '../../core/policy/send-decision';

const key = (input: { conversationId: string; draftVersion: number }) => ({
  conversationId_draftVersion: { conversationId: input.conversationId, draftVersion: input.draftVersion },
});

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

/** The second check's answer for a draft (or why it could not run), kept for the agent and the overview. */
export async function recordShadowVerification(
  input: { conversationId: string; draftVersion: number; facts: VerificationFacts; answer?: DraftVerification },
  db: DbClient = getDb(),
): Promise<void> {
  const data = { verificationStatus: input.facts.status, verification: json({ ...input.facts, answer: input.answer ?? null }) };
  await db.draftShadow.upsert({ where: key(input), create: { conversationId: input.conversationId, draftVersion: input.draftVersion, ...data }, update: data });
}

/** The answer of the check that never reads the email (or why it could not run). */
export async function recordShadowGrounding(
  input: { conversationId: string; draftVersion: number; facts: ModelCheckFacts; answer?: GroundingAnswer },
  db: DbClient = getDb(),
): Promise<void> {
  const data = { groundingStatus: input.facts.status, grounding: json({ ...input.facts, answer: input.answer ?? null }) };
  await db.draftShadow.upsert({ where: key(input), create: { conversationId: input.conversationId, draftVersion: input.draftVersion, ...data }, update: data });
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
