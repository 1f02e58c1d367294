import type { Db } from '../../platform/db/client';
import { getDb } from '../../platform/db';
import { readErasureScope } from './erasure-scope';

export interface EraseRowsResult {
  conversations: number;
  messages: number;
  attachments: number;
  evalItems: number;
}

const REDACTED = { redacted: 'erasure' };

/**
 * Deletes the scope's rows in one transaction: conversations (their messages, drafts,
 * decisions, sends, classifications, model calls, events, participants, evaluation items and
 * attachment rows go with them by cascade), the customer's messages in other threads with
 * their attachment rows and evaluation items, the customer as a participant elsewhere; audit
 * entries about what is deleted keep their action and time but lose their before/after. The
 * attachment contents named by the deleted rows are kept on the request (`pendingBlobs`) in
 * the same transaction, so a retry after a lost answer still knows which blobs to look at.
 * Running it again deletes nothing more and counts nothing twice.
 */
export async function eraseRows(erasureId: string, db: Db = getDb()): Promise<EraseRowsResult> {
  const scope = await readErasureScope(erasureId, db);
  const inScope = { OR: [{ conversationId: { in: scope.conversationIds } }, { messageId: { in: scope.messageIds } }] };
  return db.$transaction(async (tx) => {
    const request = await tx.erasureRequest.findUniqueOrThrow({ where: { id: erasureId }, select: { pendingBlobs: true, counts: true } });
    const attachments = await tx.attachment.findMany({ where: inScope, select: { sha256: true } });
    const messages = await tx.message.count({ where: { OR: [{ conversationId: { in: scope.conversationIds } }, { id: { in: scope.messageIds } }] } });
    const evalItems = await tx.evalItem.count({ where: inScope });
    const drafts = await tx.draft.findMany({ where: { conversationId: { in: scope.conversationIds } }, select: { conversationId: true, version: true } });
    const participantIn = scope.address
      ? await tx.conversationParticipant.findMany({ where: { address: { equals: scope.address, mode: 'insensitive' } }, select: { id: true, conversationId: true } })
      : [];

    await tx.attachment.deleteMany({ where: { messageId: { in: scope.messageIds } } });
    await tx.evalItem.deleteMany({ where: { messageId: { in: scope.messageIds } } });
    await tx.message.deleteMany({ where: { id: { in: scope.messageIds } } });
    await tx.conversationParticipant.deleteMany({ where: { id: { in: participantIn.map((row) => row.id) } } });
    const conversations = await tx.conversation.deleteMany({ where: { id: { in: scope.conversationIds } } });
    await tx.auditLog.updateMany({
      where: {
        OR: [
          { target: { in: scope.conversationIds.map((id) => `conversation:${id}`) } },
          { target: { in: drafts.map((draft) => `${draft.conversationId}#v${draft.version}`) } },
          { action: 'conversation.participant.add', target: { in: participantIn.map((row) => `conversation:${row.conversationId}`) } },
        ],
      },
      data: { before: REDACTED, after: REDACTED },
    });

    const pending = new Set([...(request.pendingBlobs as string[]), ...attachments.map((row) => row.sha256)]);
    const counted = { conversations: conversations.count, messages, attachments: attachments.length, evalItems };
    // A retry after a commit whose answer was lost finds nothing left: keep the first count.
    const before = request.counts as Partial<EraseRowsResult>;
    const result = before.conversations === undefined ? counted : { ...counted, ...pick(before) };
    await tx.erasureRequest.update({ where: { id: erasureId }, data: { pendingBlobs: [...pending], counts: { ...before, ...result } } });
    return result;
  });
}

function pick(counts: Partial<EraseRowsResult>): EraseRowsResult {
  return { conversations: counts.conversations ?? 0, messages: counts.messages ?? 0, attachments: counts.attachments ?? 0, evalItems: counts.evalItems ?? 0 };
}
