import type { DbClient } from '../../lib/platform/db/client';
import type { DataLayer } from './load-data-layer';

/** Timings of queries that return the wrong rows are worthless: check before measuring. */
export async function sanityCheck(data: DataLayer, db: DbClient, deepId: string, deepCursor: string): Promise<void> {
  const deepPage = await data.listInbox({ queue: 'all', sort: 'newest', cursor: deepCursor }, db);
  // The reference uses OFFSET on purpose: slow, but obviously right.
  const expected = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Conversation" ORDER BY "lastMessageAt" DESC, "id" DESC LIMIT 50 OFFSET (
      SELECT COUNT(*) FROM "Conversation" c2 WHERE (c2."lastMessageAt", c2."id") >= (
        SELECT "lastMessageAt", "id" FROM "Conversation" WHERE "id" = ${deepId}))`;
  if (deepPage.rows.map((row) => row.id).join() !== expected.map((row) => row.id).join()) {
    throw new Error('deep cursor page does not match the OFFSET reference');
  }
  const first = await data.listInbox({ queue: 'needs_approval', sort: 'sla' }, db);
  if (first.rows.length !== 50 || !first.nextCursor) throw new Error('first page is not a full page');
}
