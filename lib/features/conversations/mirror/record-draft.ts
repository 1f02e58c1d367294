import { getDb, type Db } from '../../../platform/db';
import { appendEvent } from '../../timeline/append-event';

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

/** Stores a draft version as the conversation's current draft, with its timeline event. */
export async function recordDraft(input: RecordDraftInput, db: Db = getDb()): Promise<void> {
  await db.$transaction(async (tx) => {
    const draft = await tx.draft.upsert({
      where: { conversationId_version: { conversationId: input.conversationId, version: input.version } },
      create: {
        conversationId: input.conversationId,
        version: input.version,
        status: input.unusableReason ? 'unusable' : 'pending',
        aiBody: input.body,
        stopReason: input.stopReason,
        origin: input.origin ?? 'model',
        model: input.model,
        knowledgeUsed: input.knowledgeUsed,
        revisionInstructions: input.revisionInstructions,
        basedOnMessageId: input.basedOnMessageId,
        inventedCitations: [...(input.inventedCitations ?? [])],
        ...(input.checkProblems ? { checkProblems: [...input.checkProblems] } : {}),
      },
      update: {
        aiBody: input.body,
        model: input.model,
        knowledgeUsed: input.knowledgeUsed,
        inventedCitations: [...(input.inventedCitations ?? [])],
        stopReason: input.stopReason,
        status: input.unusableReason ? 'unusable' : undefined,
        ...(input.checkProblems ? { checkProblems: [...input.checkProblems] } : {}),
      },
    });
    if (input.passages) {
      // A retried activity writes the same version again: its passages replace the earlier ones.
      await tx.draftPassage.deleteMany({ where: { draftId: draft.id } });
      const cited = new Set(input.passages.cited);
      await tx.draftPassage.createMany({
        data: input.passages.given.map((passageId, rank) => ({ draftId: draft.id, passageId, rank, cited: cited.has(passageId) })),
      });
    }
    // A model call an agent's own reply overtook may still finish: it never displaces a newer draft.
    const conversation = await tx.conversation.findUniqueOrThrow({ where: { id: input.conversationId }, select: { currentDraftId: true } });
    const current = conversation.currentDraftId ? await tx.draft.findUnique({ where: { id: conversation.currentDraftId }, select: { version: true } }) : null;
    if (!current || current.version <= input.version) {
      await tx.conversation.update({ where: { id: input.conversationId }, data: { currentDraftId: draft.id } });
    }
    await appendEvent(
      {
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
      },
      tx,
    );
  });
}
