import { AppError } from '../../../core/errors';
import { TAGS_PER_CONVERSATION, type TagChange } from '../../../core/conversation/tags';
import { getDb, type Db } from '../../../platform/db';

/**
 * Adds and removes people's tags on conversations, audited, in one transaction: a selection
 * where one conversation would pass the limit changes none (nothing half-applied). Tags are
 * mirror data for the inbox, not workflow state, so no workflow is involved.
 */
export async function setConversationTags(input: TagChange & { actorId: string }, db: Db = getDb()): Promise<{ changed: number }> {
  return db.$transaction(async (tx) => {
    const rows = await tx.conversation.findMany({ where: { id: { in: input.conversationIds } }, select: { id: true, tags: true } });
    if (rows.length !== new Set(input.conversationIds).size) throw new AppError('Some of these conversations no longer exist; nothing was tagged.');
    for (const row of rows) {
      const tags = [...new Set([...row.tags.filter((tag) => !input.remove.includes(tag)), ...input.add])].sort();
      if (tags.length > TAGS_PER_CONVERSATION) throw new AppError(`A conversation takes at most ${TAGS_PER_CONVERSATION} tags; nothing was tagged.`);
      await tx.conversation.update({ where: { id: row.id }, data: { tags } });
      await tx.auditLog.create({ data: { actorId: input.actorId, action: 'conversation.tags', target: row.id, before: { tags: row.tags }, after: { tags } } });
    }
    return { changed: rows.length };
  });
}
