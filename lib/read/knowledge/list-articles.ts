import 'server-only';
import { getDb, type DbClient } from '../../platform/db';

export interface ArticleRow {
  slug: string;
  title: string;
  currentVersion: number;
  archived: boolean;
  source: string;
  updatedAt: Date;
}

/** Every article, unarchived first, by title: the knowledge page's list. */
export async function listArticles(db: DbClient = getDb()): Promise<ArticleRow[]> {
  return db.article.findMany({
    orderBy: [{ archived: 'asc' }, { title: 'asc' }],
    select: { slug: true, title: true, currentVersion: true, archived: true, source: true, updatedAt: true },
  });
}
