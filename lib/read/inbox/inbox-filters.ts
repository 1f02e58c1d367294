import 'server-only';
import { Prisma } from '../../platform/db/generated/client';
import { FINISHED_STATUSES, queueFilter, queueStatuses, type QueueKey } from '../../core/conversation/queues';

export interface InboxFilters {
  queue: QueueKey;
  category?: string;
  mailboxId?: string;
  status?: string;
  /** A tag people set: only conversations carrying it. */
  tag?: string;
  /**
   * Full-text search over every message of the conversation: sender name and address,
   * subject and body, with English stemming ("refunds" finds "refund") and web-search
   * syntax ("quoted phrase", or, -word). See the Message search trigger in the baseline.
   */
  search?: string;
  /** Who is looking: "Mine" lists what they own (without one, it lists nothing). */
  viewerId?: string;
}

/** The WHERE clause shared by every segment of an inbox listing. */
export function inboxWhere(filters: InboxFilters): Prisma.Sql {
  const clauses: Prisma.Sql[] = [];
  const statuses = queueStatuses(filters.queue);
  // A status filter narrows a tab; one outside the tab's statuses matches nothing.
  if (filters.status) {
    clauses.push(
      statuses.length === 0 || (statuses as readonly string[]).includes(filters.status)
        ? Prisma.sql`"status" = ${filters.status}`
        : Prisma.sql`1 = 0`,
    );
  } else if (statuses.length === 1) {
    clauses.push(Prisma.sql`"status" = ${statuses[0]}`);
  } else if (statuses.length > 1) {
    clauses.push(Prisma.sql`"status" IN (${Prisma.join([...statuses])})`);
  }
  const filter = queueFilter(filters.queue);
  if (filter === 'auto_sent_unreviewed') clauses.push(Prisma.sql`"autoSentReview" = 'pending'`);
  if (filter === 'mine' || filter === 'unassigned') {
    clauses.push(
      filter === 'unassigned' ? Prisma.sql`"assigneeId" IS NULL` : filters.viewerId ? Prisma.sql`"assigneeId" = ${filters.viewerId}` : Prisma.sql`1 = 0`,
      Prisma.sql`"status" NOT IN (${Prisma.join([...FINISHED_STATUSES])})`,
    );
  }
  if (filters.category) clauses.push(Prisma.sql`"category" = ${filters.category}`);
  if (filters.tag) clauses.push(Prisma.sql`${filters.tag} = ANY("tags")`);
  if (filters.mailboxId) clauses.push(Prisma.sql`"mailboxId" = ${filters.mailboxId}`);
  if (filters.search) {
    // The GIN index on Message.search finds the messages; the planner joins them back.
    clauses.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Message" m WHERE m."conversationId" = "Conversation"."id"
        AND m."search" @@ websearch_to_tsquery('english', ${filters.search}))`,
    );
  }
  return clauses.length > 0 ? Prisma.join(clauses, ' AND ') : Prisma.sql`1 = 1`;
}
