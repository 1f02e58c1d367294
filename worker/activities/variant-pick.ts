import { applyVariantPick, recordVariantEdit, type VariantPick } from '../../lib/features/ab-tests/apply-variant-pick';
import type { RecordDecisionInput } from '../../lib/features/conversations/mirror/record-decision';
import { traceIdFor } from '../../lib/platform/observability/trace-ids';
import { variantScores } from '../../lib/platform/observability/variant-scores';
import type { ActivityDeps } from './deps';
import { ApplicationFailure } from '@temporalio/activity';
import { AppError } from '../../lib/core/errors';

/** Before an approval is stored: the picked side of an A/B draft becomes the draft's text. Undefined for other drafts. */
export async function pickVariant(deps: ActivityDeps, input: RecordDecisionInput): Promise<VariantPick | undefined> {
  if (input.kind !== 'approve') return undefined;
  try {
    return await applyVariantPick({ conversationId: input.conversationId, draftVersion: input.draftVersion, label: input.variant }, deps.db);
  } catch (error) {
    // A side that was not offered stays so: retrying cannot fix it (the workflow's validator refuses it first).
    if (error instanceof AppError) throw ApplicationFailure.nonRetryable(error.message, 'VariantNotOffered');
    throw error;
  }
}

/** After it is stored: the edit size on the picked side, and the pick as LangFuse scores per side. */
export async function reportVariantPick(
  deps: ActivityDeps,
  input: RecordDecisionInput,
  pick: VariantPick,
  decided: { basedOnMessageId: string; editDistance?: number },
): Promise<void> {
  const editSize = decided.editDistance ?? 0;
  await recordVariantEdit({ conversationId: input.conversationId, draftVersion: input.draftVersion, label: pick.label, editSize }, deps.db);
  const sides = await deps.db.draftVariant.findMany({ where: { conversationId: input.conversationId, draftVersion: input.draftVersion } });
  const describe = (label: string) => {
    const side = sides.find((one) => one.label === label);
    // What the side ran with: its model and its prompt version, whichever of them the test varied.
    return side ? `${side.model}${side.promptVersion !== null ? ` · prompt v${side.promptVersion}` : ''}` : label;
  };
  const traceId = traceIdFor({ workflowId: input.conversationId, messageId: decided.basedOnMessageId });
  const scores = variantScores({
    traceId,
    draftVersion: input.draftVersion,
    category: sides[0]?.category ?? undefined,
    picked: { label: pick.label, describe: describe(pick.label), editSize },
    other: pick.other ? { label: pick.other, describe: describe(pick.other) } : undefined,
  });
  for (const score of scores) deps.observer.recordScore(score);
}
