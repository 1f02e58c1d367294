import { getDb, type Db } from '../../platform/db';
import { recordAudit } from '../audit/record-audit';
import { SavedReplyError } from './saved-reply-error';

/** Archives a saved reply (no longer offered to agents) or restores it; audited. */
export async function archiveSavedReply(input: { id: string; archived: boolean; actorId: string }, db: Db = getDb()): Promise<void> {
  await db.$transaction(async (tx) => {
    const reply = await tx.savedReply.findUnique({ where: { id: input.id }, select: { archivedAt: true } });
    if (!reply) throw new SavedReplyError('That saved reply no longer exists.');
    if (Boolean(reply.archivedAt) === input.archived) return;
    await tx.savedReply.update({ where: { id: input.id }, data: { archivedAt: input.archived ? new Date() : null } });
    await recordAudit({ actorId: input.actorId, action: input.archived ? 'saved_reply.archive' : 'saved_reply.restore', target: `saved_reply:${input.id}` }, tx);
  });
}
