import { appendEvent } from './append-event';
import type { ActivityDeps } from './deps';

export interface MarkDraftSupersededInput {
  conversationId: string;
  draftVersion: number;
  byMessageId: string;
}

export function createMarkDraftSuperseded(deps: ActivityDeps) {
  return async function markDraftSuperseded(input: MarkDraftSupersededInput): Promise<void> {
    await deps.db.$transaction(async (tx) => {
      await tx.draft.updateMany({
        where: { conversationId: input.conversationId, version: input.draftVersion },
        data: { status: 'superseded', decidedAt: new Date() },
      });
      await appendEvent(tx, {
        conversationId: input.conversationId,
        key: `superseded:v${input.draftVersion}`,
        type: 'superseded',
        data: { draftVersion: input.draftVersion, byMessageId: input.byMessageId },
      });
    });
  };
}
