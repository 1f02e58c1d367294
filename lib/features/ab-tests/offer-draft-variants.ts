import { z } from 'zod';
import { AB_REVIEW_PROBLEM, variantFailureProblem, variantLabelSchema, type VariantLabel } from '../../core/ab/variants';
import { getDb, type Db } from '../../platform/db';
import { recordDraft } from '../conversations/mirror/record-draft';

export interface OfferDraftVariantsInput {
  conversationId: string;
  draftVersion: number;
  messageId: string;
  category?: string;
  /** The side whose text becomes the draft row (the agent may pick the other). */
  primary: VariantLabel;
  /** Sides whose activity failed or timed out: shown to the agent beside the other. */
  failures: { label: VariantLabel; model: string; reason: string }[];
}

const passagesSchema = z.object({ given: z.array(z.string()), cited: z.array(z.string()) }).nullable();
const strings = z.array(z.string());

/**
 * Offers the sides of an A/B draft: a failed side is stored with its reason, and the primary
 * side becomes the draft version an agent decides (the one row that can be sent, exactly once).
 * The failure is shown beside the offered side on the conversation page.
 */
export async function offerDraftVariants(input: OfferDraftVariantsInput, db: Db = getDb()): Promise<{ offered: VariantLabel[] }> {
  const { conversationId, draftVersion } = input;
  for (const failure of input.failures) {
    const key = { conversationId_draftVersion_label: { conversationId, draftVersion, label: failure.label } };
    const data = { status: 'failed', failureReason: failure.reason, body: '', category: input.category ?? null, model: failure.model };
    await db.draftVariant.upsert({ where: key, create: { conversationId, draftVersion, label: failure.label, basedOnMessageId: input.messageId, ...data }, update: data });
  }
  const sides = await db.draftVariant.findMany({ where: { conversationId, draftVersion }, orderBy: { label: 'asc' } });
  const primary = sides.find((side) => side.label === input.primary);
  if (!primary) throw new Error(`variant ${input.primary} of draft v${draftVersion} was never stored`);
  await recordDraft(
    {
      conversationId,
      version: draftVersion,
      body: primary.body,
      model: primary.model,
      knowledgeUsed: strings.parse(primary.knowledgeUsed),
      passages: passagesSchema.parse(primary.passages) ?? undefined,
      inventedCitations: strings.parse(primary.inventedCitations),
      basedOnMessageId: primary.basedOnMessageId,
      costUsd: sides.reduce((sum, side) => sum + side.costUsd, 0),
      outputTokens: sides.reduce((sum, side) => sum + side.outputTokens, 0),
      stopReason: primary.stopReason ?? undefined,
      unusableReason: primary.status === 'ok' ? undefined : (primary.failureReason ?? 'the variant failed'),
    },
    db,
  );
  // The send decision reads a draft's problems from the store (the workflow carries none):
  // an offered A/B draft always goes to review, with the failed side and the side's own checks.
  const checkProblems = [
    ...(primary.status === 'ok' ? [AB_REVIEW_PROBLEM] : []),
    ...input.failures.map((failure) => variantFailureProblem(failure.label, failure.reason)),
    ...strings.parse(primary.problems),
  ];
  await db.draft.update({ where: { conversationId_version: { conversationId, version: draftVersion } }, data: { checkProblems } });
  return { offered: sides.filter((side) => side.status === 'ok').map((side) => variantLabelSchema.parse(side.label)) };
}
