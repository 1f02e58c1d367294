import { getDb, type Db } from '../../platform/db';
import { requireAssignableUser } from './assignable-user';
import { assignConversation } from './assign-conversation';
import { AssignmentError } from './assignment-error';

export interface AssignManyInput {
  conversationIds: string[];
  /** Who gets them; null unassigns. */
  assigneeId: string | null;
  actorId: string;
}

export interface AssignManyResult {
  changed: number;
  refused: { conversationId: string; message: string }[];
}

/**
 * Assigns an inbox selection to one person (or nobody). The person is checked once, before
 * anything changes: an unknown or disabled user refuses the whole selection. Each
 * conversation then changes through assignConversation (timeline, audit, notice); one that
 * no longer exists is listed with its reason, the rest still change.
 */
export async function assignMany(input: AssignManyInput, db: Db = getDb()): Promise<AssignManyResult> {
  if (input.assigneeId !== null) await requireAssignableUser(input.assigneeId, db);
  const result: AssignManyResult = { changed: 0, refused: [] };
  for (const conversationId of new Set(input.conversationIds)) {
    try {
      const one = await assignConversation({ conversationId, assigneeId: input.assigneeId, actorId: input.actorId }, db);
      if (one.changed) result.changed += 1;
    } catch (error) {
      if (!(error instanceof AssignmentError)) throw error;
      result.refused.push({ conversationId, message: error.message });
    }
  }
  return result;
}
