import { AppError } from '../../core/errors';
import { getDb, type DbClient } from '../../platform/db';

/**
 * Ties the agent's uploads to one reply request (its id becomes the workflow update id): the
 * activity that records the reply attaches exactly these to its draft. Only the agent's own,
 * not yet sent uploads of this conversation qualify.
 */
export async function assignUploads(input: { conversationId: string; requestId: string; ids: readonly string[]; actorId: string }, db: DbClient = getDb()): Promise<void> {
  if (input.ids.length === 0) return;
  const assigned = await db.attachment.updateMany({
    where: { id: { in: [...input.ids] }, conversationId: input.conversationId, uploadedBy: input.actorId, draftId: null, messageId: null },
    data: { uploadKey: input.requestId },
  });
  if (assigned.count !== new Set(input.ids).size) throw new AppError('An attached file is no longer available; attach it again.');
}
