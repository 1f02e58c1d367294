import 'server-only';
import { Prisma } from '../../platform/db/generated/client';
import { queueStatuses, type QueueKey } from '../../core/conversation/queues';

export interface InboxFilters {
  queue: QueueKey;
  category?: string;
  status?: string;
  /** Matches customer email or name, or subject; case-insensitive substring. */
  search?: string;
}

/** LIKE treats % and _ as wildcards; a search for "50%" must mean the text "50%". */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
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
  if (filters.category) clauses.push(Prisma.sql`"category" = ${filters.category}`);
  if (filters.search) {
    const pattern = likePattern(filters.search);
    clauses.push(
      Prisma.sql`("customerEmail" LIKE ${pattern} ESCAPE '\\' OR "customerName" LIKE ${pattern} ESCAPE '\\' OR "subject" LIKE ${pattern} ESCAPE '\\')`,
    );
  }
  return clauses.length > 0 ? Prisma.join(clauses, ' AND ') : Prisma.sql`1 = 1`;
}
