import { getDb, type Db } from '../../platform/db';
import { recordAudit } from '../audit/record-audit';
import { savedReplyFormSchema, type SavedReplyForm } from './schema';
import { SavedReplyError } from './saved-reply-error';

/**
 * Creates a saved reply, or edits one (archived ones too), audited in the same transaction.
 * The text is checked again here, so no caller can store an unknown variable.
 */
export async function saveSavedReply(input: SavedReplyForm & { actorId: string }, db: Db = getDb()): Promise<{ id: string }> {
  const parsed = savedReplyFormSchema.safeParse(input);
  if (!parsed.success) throw new SavedReplyError(parsed.error.issues[0]?.message ?? 'That saved reply is not valid.');
  const { id, title, body } = parsed.data;
  return db.$transaction(async (tx) => {
    if (!id) {
      const created = await tx.savedReply.create({ data: { title, body, createdById: input.actorId }, select: { id: true } });
      await recordAudit({ actorId: input.actorId, action: 'saved_reply.create', target: `saved_reply:${created.id}`, after: { title, body } }, tx);
      return created;
    }
    const before = await tx.savedReply.findUnique({ where: { id }, select: { title: true, body: true } });
    if (!before) throw new SavedReplyError('That saved reply no longer exists.');
    await tx.savedReply.update({ where: { id }, data: { title, body } });
    await recordAudit({ actorId: input.actorId, action: 'saved_reply.update', target: `saved_reply:${id}`, before, after: { title, body } }, tx);
    return { id };
  });
}
