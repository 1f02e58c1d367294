import { getDb, type Db } from '../../../platform/db';
import { recordShadowOutcome } from '../../autonomy/record-shadow';
import { appendEvent } from '../../timeline/append-event';

export interface MarkDraftSupersededInput {
  conversationId: string;
  draftVersion: number;
  byMessageId: string;
}

/** A newer customer message replaced this draft: it can no longer be decided or sent. */
export async function markDraftSuperseded(input: MarkDraftSupersededInput, db: Db = getDb()): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.draft.updateMany({
      where: { conversationId: input.conversationId, version: input.draftVersion },
      data: { status: 'superseded', decidedAt: new Date() },
    });
    await recordShadowOutcome({ conversationId: input.conversationId, draftVersion: input.draftVersion, outcome: 'superseded' }, tx);
    await appendEvent(
      {
        conversationId: input.conversationId,
        key: `superseded:v${input.draftVersion}`,
        type: 'superseded',
        data: { draftVersion: input.draftVersion, byMessageId: input.byMessageId },
      },
      tx,
    );
  });
}
