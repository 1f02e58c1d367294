import type { Actor } from '../../../core/contract';
import { getDb, type Db } from '../../../platform/db';
import { appendEvent } from '../../timeline/append-event';

export interface RecordSendUndoneInput {
  conversationId: string;
  draftVersion: number;
  actor: Actor;
  /** The undo update's id: a retried write is one change. */
  idempotencyKey: string;
}

/**
 * An agent took back their send in its undo window: the draft is open for review again with
 * the text they approved or wrote (finalBody and body stay), the approval no longer counts
 * (its decision row and its shadow outcome are cleared, so figures and trust see only what was
 * finally done), and the timeline and audit say who undid it. One transaction.
 */
export async function recordSendUndone(input: RecordSendUndoneInput, db: Db = getDb()): Promise<void> {
  const where = { conversationId_version: { conversationId: input.conversationId, version: input.draftVersion } };
  await db.$transaction(async (tx) => {
    const draft = await tx.draft.findUniqueOrThrow({ where });
    await tx.draft.update({ where: { id: draft.id }, data: { status: 'pending', decidedAt: null } });
    await tx.decision.deleteMany({ where: { conversationId: input.conversationId, draftVersion: input.draftVersion, kind: { in: ['approve', 'edit_approve'] } } });
    await tx.draftShadow.updateMany({
      where: { conversationId: input.conversationId, draftVersion: input.draftVersion, outcome: { in: ['sent_unchanged', 'edited'] } },
      data: { outcome: null, editSize: null, outcomeBy: null, outcomeAt: null, evidenceAt: null },
    });
    await tx.auditLog.create({
      data: { actorId: input.actor.id, action: 'draft.undo_send', target: `${input.conversationId}#v${input.draftVersion}`, before: {}, after: { key: input.idempotencyKey } },
    });
    await appendEvent(
      { conversationId: input.conversationId, key: `send_undone:${input.idempotencyKey}`, type: 'send_undone', data: { draftVersion: input.draftVersion }, actorId: input.actor.id },
      tx,
    );
  });
}
