import 'server-only';
import { Prisma } from '../../platform/db/generated/client';
import type { DbClient } from '../../platform/db/client';
import type { InboxSort } from '../../core/conversation/inbox-params';
import { inboxWhere, type InboxFilters } from './inbox-filters';
import { segmentOrder, segmentsFor, type Position, type Segment } from './inbox-order';
import { INBOX_COLUMNS, toInboxRow, type InboxRow, type RawInboxRow } from './inbox-row';
import { getDb } from '../../platform/db';

export interface WalkInboxOptions {
  filters: InboxFilters;
  sort: InboxSort;
  /** Start strictly after this position; the start of the order when omitted. */
  after?: Position;
  limit: number;
  /** Walk towards the start of the order (for "previous conversation"). */
  reverse?: boolean;
}

/** One segment's page: exported so the benchmark can EXPLAIN exactly what runs. */
export function segmentQuery(
  where: Prisma.Sql,
  segment: Segment,
  after: Position | undefined,
  reverse: boolean,
  limit: number,
): Prisma.Sql {
  const { orderBy, keyset } = segmentOrder(segment, after, reverse);
  return Prisma.sql`SELECT ${INBOX_COLUMNS} FROM "Conversation"
    WHERE ${where} AND ${segment.where} AND ${keyset}
    ${orderBy} LIMIT ${limit}`;
}

export interface PositionedRow {
  row: InboxRow;
  position: Position;
}

/**
 * Reads up to `limit` rows in inbox order after a position, one segment at a time. At most
 * one query per segment, each an index range scan: cost does not grow with depth.
 */
export async function walkInbox(options: WalkInboxOptions, db: DbClient = getDb()): Promise<PositionedRow[]> {
  const segments = segmentsFor(options.sort);
  const where = inboxWhere(options.filters);
  const step = options.reverse ? -1 : 1;
  const found: PositionedRow[] = [];
  let index = options.after ? Math.min(options.after.segment, segments.length - 1) : options.reverse ? segments.length - 1 : 0;
  let after = options.after && options.after.segment < segments.length ? options.after : undefined;

  for (; index >= 0 && index < segments.length && found.length < options.limit; index += step) {
    const segment = segments[index];
    if (!segment) break;
    const rows = await db.$queryRaw<RawInboxRow[]>(segmentQuery(where, segment, after, options.reverse ?? false, options.limit - found.length));
    for (const raw of rows) {
      const row = toInboxRow(raw);
      const value = row[segment.column];
      // The segment's WHERE guarantees the order column is set; keep the type honest anyway.
      if (value) found.push({ row, position: { segment: index, value, id: row.id } });
    }
    after = undefined;
  }
  return found;
}
