import 'server-only';
import { Prisma } from '../../platform/db/generated/client';
import type { InboxSort } from '../../core/conversation/inbox-params';
import { PRIORITIES } from '../../core/conversation/priorities';

/**
 * An inbox order as a list of segments, each a slice of the rows read in one index order
 * `(column, id)`. A plain ORDER BY cannot express "SLA soonest, then rows without an SLA"
 * or "urgent first" with an index, but each segment can: priority = 'urgent' is a range
 * of (priority, lastMessageAt, id). Pages walk the segments in turn, so every query is
 * an index range scan with a LIMIT, however deep the cursor (no OFFSET, no sort step).
 */
export type OrderColumn = 'slaDueAt' | 'lastMessageAt';
export type Direction = 'asc' | 'desc';

export interface Segment {
  where: Prisma.Sql;
  column: OrderColumn;
  direction: Direction;
}

const newest = (where: Prisma.Sql): Segment => ({ where, column: 'lastMessageAt', direction: 'desc' });

const SEGMENTS: Record<InboxSort, Segment[]> = {
  sla: [
    { where: Prisma.sql`"slaDueAt" IS NOT NULL`, column: 'slaDueAt', direction: 'asc' },
    newest(Prisma.sql`"slaDueAt" IS NULL`),
  ],
  priority: [
    ...PRIORITIES.map((priority) => newest(Prisma.sql`"priority" = ${priority}`)),
    // Unclassified (or an unexpected value) last, so no row is ever left out of the order.
    newest(Prisma.sql`("priority" IS NULL OR "priority" NOT IN (${Prisma.join([...PRIORITIES])}))`),
  ],
  newest: [newest(Prisma.sql`1 = 1`)],
  oldest: [{ where: Prisma.sql`1 = 1`, column: 'lastMessageAt', direction: 'asc' }],
};

export function segmentsFor(sort: InboxSort): Segment[] {
  return SEGMENTS[sort];
}

/** Where a row sits in its segment's order; a cursor is the position of a page's last row. */
export interface Position {
  segment: number;
  value: Date;
  id: string;
}

/**
 * ORDER BY and the keyset predicate for walking one segment forwards or, for "previous
 * conversation", backwards. Row values `(col, id) > ($1, $2)` let PostgreSQL seek the index.
 */
export function segmentOrder(segment: Segment, after: Position | undefined, reverse: boolean) {
  const ascending = (segment.direction === 'asc') !== reverse;
  const keyword = ascending ? 'ASC' : 'DESC';
  return {
    orderBy: Prisma.raw(`ORDER BY "${segment.column}" ${keyword}, "id" ${keyword}`),
    keyset: after
      ? Prisma.sql`(${Prisma.raw(`"${segment.column}"`)}, "id") ${Prisma.raw(ascending ? '>' : '<')} (${after.value}, ${after.id})`
      : Prisma.sql`1 = 1`,
  };
}

export interface OrderedFields {
  id: string;
  slaDueAt: Date | null;
  lastMessageAt: Date;
  priority: string | null;
}

/** Where a conversation falls in an order; kept beside SEGMENTS so the two cannot drift. */
export function positionOf(sort: InboxSort, row: OrderedFields): Position {
  switch (sort) {
    case 'sla':
      return row.slaDueAt
        ? { segment: 0, value: row.slaDueAt, id: row.id }
        : { segment: 1, value: row.lastMessageAt, id: row.id };
    case 'priority': {
      const rank = (PRIORITIES as readonly (string | null)[]).indexOf(row.priority);
      return { segment: rank >= 0 ? rank : PRIORITIES.length, value: row.lastMessageAt, id: row.id };
    }
    case 'newest':
    case 'oldest':
      return { segment: 0, value: row.lastMessageAt, id: row.id };
  }
}
