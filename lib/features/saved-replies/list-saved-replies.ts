import { getDb, type DbClient } from '../../platform/db';

export interface SavedReplySummary {
  id: string;
  title: string;
  body: string;
  useCount: number;
  lastUsedAt: Date | null;
  archivedAt: Date | null;
}

/** Saved replies by title: the ones agents may insert, or (for managers) every one. */
export async function listSavedReplies(options: { includeArchived?: boolean } = {}, db: DbClient = getDb()): Promise<SavedReplySummary[]> {
  return db.savedReply.findMany({
    where: options.includeArchived ? {} : { archivedAt: null },
    orderBy: [{ archivedAt: { sort: 'asc', nulls: 'first' } }, { title: 'asc' }],
    select: { id: true, title: true, body: true, useCount: true, lastUsedAt: true, archivedAt: true },
  });
}
