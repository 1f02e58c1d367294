import 'server-only';
import { getDb, type DbClient } from '../../platform/db';
import { INBOX_PAGE_SIZE, type InboxSort } from '../../core/conversation/inbox-params';
import type { QueueKey } from '../../core/conversation/queues';
import { decodeCursor, encodeCursor } from './inbox-cursor';
import type { InboxRow } from './inbox-row';
import { walkInbox } from './walk-inbox';

export type { InboxRow } from './inbox-row';

export interface ListInboxOptions {
  queue: QueueKey;
  sort: InboxSort;
  category?: string;
  mailboxId?: string;
  status?: string;
  tag?: string;
  search?: string;
  cursor?: string;
  limit?: number;
  /** The signed-in person, for "Mine". */
  viewerId?: string;
}

export interface InboxPage {
  rows: InboxRow[];
  /** Cursor of the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * One page of the inbox, keyset-paginated: the cursor names the last row seen, so a page
 * costs the same at row 50 as at row 90,000 and new mail never shifts a page by one.
 */
export async function listInbox(options: ListInboxOptions, db: DbClient = getDb()): Promise<InboxPage> {
  const limit = Math.min(Math.max(options.limit ?? INBOX_PAGE_SIZE, 1), 200);
  const found = await walkInbox({
    filters: { queue: options.queue, category: options.category, mailboxId: options.mailboxId, status: options.status, tag: options.tag, search: options.search, viewerId: options.viewerId },
    sort: options.sort,
    after: decodeCursor(options.sort, options.cursor),
    // One extra row tells whether a next page exists without a COUNT.
    limit: limit + 1,
  }, db);
  const page = found.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map((entry) => entry.row),
    nextCursor: found.length > limit && last ? encodeCursor(options.sort, last.position) : null,
  };
}
