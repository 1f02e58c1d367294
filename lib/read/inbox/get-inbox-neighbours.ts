import 'server-only';
import { getDb, type DbClient } from '../../platform/db';
import type { InboxParams } from '../../core/conversation/inbox-params';
import { positionOf, type OrderedFields } from './inbox-order';
import { walkInbox } from './walk-inbox';

export interface InboxNeighbours {
  previousId: string | null;
  nextId: string | null;
}

/**
 * The conversations before and after one in the inbox order the agent came from (j/k).
 * The current row's position comes from its own columns, so this is two keyset reads and
 * works even when the conversation has since left that queue.
 */
export async function getInboxNeighbours(
  params: Pick<InboxParams, 'queue' | 'sort' | 'category' | 'mailbox' | 'status' | 'q' | 'tag'>,
  conversation: OrderedFields,
  db: DbClient = getDb(),
  viewerId?: string,
): Promise<InboxNeighbours> {
  const after = positionOf(params.sort, conversation);
  const filters = { queue: params.queue, category: params.category, mailboxId: params.mailbox, status: params.status, tag: params.tag, search: params.q, viewerId };
  const [next, previous] = await Promise.all([
    walkInbox({ filters, sort: params.sort, after, limit: 1 }, db),
    walkInbox({ filters, sort: params.sort, after, limit: 1, reverse: true }, db),
  ]);
  return { previousId: previous[0]?.row.id ?? null, nextId: next[0]?.row.id ?? null };
}
