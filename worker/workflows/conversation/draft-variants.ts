import type { Activities } from '../../activities';
import { AB_REVIEW_PROBLEM, variantFailureProblem, type LabelledVariant } from '../../../lib/core/ab/variants';
import { modelFailureOf, type ModelFailure } from '../model-failure';
import { model, type Flow } from './flow';
import type { ModelStep } from './model-step';

type ClassifyMessageResult = Awaited<ReturnType<Activities['classifyMessage']>>;
type DraftReplyResult = Awaited<ReturnType<Activities['draftReply']>>;

type Side = { variant: LabelledVariant } & ({ draft: DraftReplyResult } | { failure: ModelFailure });

/**
 * Drafts both sides of the category's A/B test, when it has one enabled (runs with the ab-drafts
 * patch; undefined otherwise, and the single draft is written as before). Both run in parallel
 * as two activities; a side that fails or times out is shown to the agent, who gets the other
 * alone; when both fail, the Needs-a-person path takes over as for a single draft. The offered
 * draft carries a problem, so the one send decision always sends an A/B draft to review.
 */
export async function draftWithVariants(
  flow: Flow,
  classification: ClassifyMessageResult,
  draftVersion: number,
  messageId: string,
): Promise<ModelStep<DraftReplyResult> | undefined> {
  if (!flow.patches.abDrafts() || !classification.ok || !classification.category) return undefined;
  const { memory } = flow;
  const category = classification.category;
  const test = await flow.db.readAbTest({ category });
  if (!test.variants) return undefined;
  const variants = test.variants;

  const draftSide = (variant: LabelledVariant): Promise<Side> =>
    model.draftReply({ conversationId: memory.conversationId, draftVersion, messageId, variant }).then(
      (draft) => ({ variant, draft }),
      (error: unknown) => ({ variant, failure: modelFailureOf(error) }),
    );
  let sides: Side[];
  try {
    const settled = await flow.unlessAgentTakesOver(() => Promise.all(variants.map(draftSide)));
    if ('takenOver' in settled) return { stopped: 'taken_over' };
    sides = settled.value;
  } catch (error) {
    return { stopped: await flow.handToPerson('draft', modelFailureOf(error), `draft:v${draftVersion}`) };
  }

  const usable = sides.filter((side): side is Side & { draft: DraftReplyResult } => 'draft' in side && !side.draft.unusable);
  // A side whose activity failed for good (or timed out) is stored with its reason; one Claude left unusable already is.
  const failures = sides.flatMap((side) => ('failure' in side ? [{ label: side.variant.label, model: side.variant.model ?? '', reason: side.failure.reason }] : []));
  const primary = usable[0];
  if (!primary) {
    // Neither side is usable: a side Claude left unusable is offered to start from; else a person takes over.
    const unusable = sides.find((side): side is Side & { draft: DraftReplyResult } => 'draft' in side);
    if (!unusable) {
      const first = sides.find((side): side is Side & { failure: ModelFailure } => 'failure' in side);
      return { stopped: await flow.handToPerson('draft', first?.failure ?? { type: 'ModelUnavailable', reason: 'both A/B variants failed' }, `draft:v${draftVersion}`) };
    }
    await flow.db.offerDraftVariants({ conversationId: memory.conversationId, draftVersion, messageId, category, primary: unusable.variant.label, failures });
    return { value: unusable.draft };
  }
  const { offered } = await flow.db.offerDraftVariants({ conversationId: memory.conversationId, draftVersion, messageId, category, primary: primary.variant.label, failures });
  memory.abVariants = { draftVersion, labels: offered };
  const shown = sides.flatMap((side) => ('failure' in side ? [variantFailureProblem(side.variant.label, side.failure.reason)] : []));
  return { value: { ...primary.draft, problems: [AB_REVIEW_PROBLEM, ...shown, ...primary.draft.problems] } };
}
