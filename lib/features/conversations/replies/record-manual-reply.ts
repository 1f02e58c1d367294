import type { Actor } from '../../../core/contract';
import { getDb, type Db } from '../../../platform/db';
import { recordShadowOutcome, shadowEvidenceCategory } from '../../autonomy/record-shadow';
import { appendEvent } from '../../timeline/append-event';

export interface RecordManualReplyInput {
  conversationId: string;
  /** The version the workflow gave this reply; it goes out through the send ledger under it. */
  draftVersion: number;
  body: string;
  actor: Actor;
  /** The Temporal update id: one reply per click. */
  idempotencyKey: string;
  /** An open draft this reply replaces, if any. */
  replacedDraftVersion?: number;
}

/**
 * Stores a reply an agent wrote by hand as an approved draft version (origin `agent`), with
 * its decision, audit entry and timeline event, in one transaction. It answers the newest
 * customer message, so the reply threads under it. A retried call writes nothing twice.
 */
export async function recordManualReply(input: RecordManualReplyInput, db: Db = getDb()): Promise<{ evidenceCategory: string | null }> {
  await db.$transaction(async (tx) => {
    if (await tx.decision.findUnique({ where: { idempotencyKey: input.idempotencyKey } })) return;
    const answering = await tx.message.findFirstOrThrow({
      where: { conversationId: input.conversationId, direction: 'inbound' },
      orderBy: [{ automated: 'asc' }, { sentAt: 'desc' }, { createdAt: 'desc' }],
      select: { id: true },
    });
    const now = new Date();
    const draft = await tx.draft.upsert({
      where: { conversationId_version: { conversationId: input.conversationId, version: input.draftVersion } },
      create: {
        conversationId: input.conversationId,
        version: input.draftVersion,
        status: 'approved',
        aiBody: input.body,
        finalBody: input.body,
        model: 'written by an agent',
        origin: 'agent',
        basedOnMessageId: answering.id,
        decidedAt: now,
      },
      update: {},
    });
    if (input.replacedDraftVersion !== undefined) {
      await tx.draft.updateMany({
        where: { conversationId: input.conversationId, version: input.replacedDraftVersion, status: { in: ['pending', 'auto_send_hold', 'unusable'] } },
        data: { status: 'replaced', decidedAt: now },
      });
      await recordShadowOutcome(
        { conversationId: input.conversationId, draftVersion: input.replacedDraftVersion, outcome: 'replied_themselves', actorId: input.actor.id },
        tx,
      );
    }
    await tx.conversation.update({ where: { id: input.conversationId }, data: { currentDraftId: draft.id } });
    // Files the agent uploaded for this reply (assigned to its request id, which is this update's id).
    await tx.attachment.updateMany({ where: { conversationId: input.conversationId, uploadKey: input.idempotencyKey, draftId: null }, data: { draftId: draft.id } });
    await tx.decision.create({
      data: {
        conversationId: input.conversationId,
        draftVersion: input.draftVersion,
        kind: 'manual_reply',
        actorType: 'agent',
        actorId: input.actor.id,
        idempotencyKey: input.idempotencyKey,
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: input.actor.id,
        action: 'reply.compose',
        target: `${input.conversationId}#v${input.draftVersion}`,
        before: { replacedDraftVersion: input.replacedDraftVersion ?? null },
        after: { body: input.body },
      },
    });
    await appendEvent(
      {
        conversationId: input.conversationId,
        key: `manual_reply:v${input.draftVersion}`,
        type: 'manual_reply',
        data: { draftVersion: input.draftVersion, replacedDraftVersion: input.replacedDraftVersion },
        actorId: input.actor.id,
      },
      tx,
    );
  });
  const replaced = input.replacedDraftVersion;
  return { evidenceCategory: replaced === undefined ? null : await shadowEvidenceCategory({ conversationId: input.conversationId, draftVersion: replaced }, db) };
}
