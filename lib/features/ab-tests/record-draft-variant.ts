import type { VariantLabel } from '../../core/ab/variants';
import { getDb, type Db } from '../../platform/db';
import type { RecordDraftInput } from '../conversations/mirror/record-draft';

export interface RecordDraftVariantInput {
  label: VariantLabel;
  category?: string;
  prompt?: { name: string; version: number };
  /** What the side wrote, as the draft row would hold it. */
  draft: RecordDraftInput;
  problems: readonly string[];
}

/**
 * Stores one side of an A/B draft (never the conversation's current draft: the workflow offers
 * the sides once both have finished). A retried activity writes the same row again.
 */
export async function recordDraftVariant(input: RecordDraftVariantInput, db: Db = getDb()): Promise<void> {
  const { draft } = input;
  const data = {
    category: input.category ?? null,
    model: draft.model,
    promptName: input.prompt?.name ?? null,
    promptVersion: input.prompt?.version ?? null,
    status: draft.unusableReason ? 'unusable' : 'ok',
    failureReason: draft.unusableReason ?? null,
    body: draft.body,
    knowledgeUsed: draft.knowledgeUsed,
    passages: draft.passages ? { given: [...draft.passages.given], cited: [...draft.passages.cited] } : undefined,
    inventedCitations: [...(draft.inventedCitations ?? [])],
    problems: [...input.problems],
    stopReason: draft.stopReason ?? null,
    costUsd: draft.costUsd,
    outputTokens: draft.outputTokens,
    basedOnMessageId: draft.basedOnMessageId,
  };
  await db.draftVariant.upsert({
    where: { conversationId_draftVersion_label: { conversationId: draft.conversationId, draftVersion: draft.version, label: input.label } },
    create: { conversationId: draft.conversationId, draftVersion: draft.version, label: input.label, ...data },
    update: data,
  });
}
