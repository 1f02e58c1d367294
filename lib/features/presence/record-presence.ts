import { getDb, type Db } from '../../platform/db';
import { PRESENCE_TTL_MS, type PresenceState } from '../../core/team/presence';
import { NotFoundError } from '../../core/errors';

export interface RecordPresenceInput {
  conversationId: string;
  userId: string;
  /** One browser tab (random per page load): two tabs of one person are two rows, one face. */
  tabId: string;
  /** `gone`: the tab is closing (pagehide beacon); it stops counting at once. */
  state: PresenceState | 'gone';
}

/**
 * A tab's heartbeat on a conversation: renews its row, or removes it when the tab leaves, and
 * sweeps rows whose tab went silent. Only a join, a departure or a change between viewing and
 * writing wakes live pages (row triggers in the team_inbox migration); a renewal is quiet.
 */
export async function recordPresence(input: RecordPresenceInput, db: Db = getDb(), now = new Date()): Promise<void> {
  await db.conversationPresence.deleteMany({ where: { expiresAt: { lt: now } } });
  const key = { conversationId: input.conversationId, userId: input.userId, tabId: input.tabId };
  if (input.state === 'gone') {
    await db.conversationPresence.deleteMany({ where: key });
  } else {
    const data = { state: input.state, expiresAt: new Date(now.getTime() + PRESENCE_TTL_MS) };
    const renewed = await db.conversationPresence.updateMany({ where: key, data });
    if (renewed.count === 0) {
      // A race with this tab's own previous beat is the only way the row appears meanwhile.
      try {
        await db.conversationPresence.createMany({ data: [{ ...key, ...data }], skipDuplicates: true });
      } catch (error) {
        // The conversation is gone (erased, or an id that never was): nothing to be present on.
        if ((error as { code?: string }).code === 'P2003') throw new NotFoundError('Conversation', input.conversationId);
        throw error;
      }
    }
  }
}
