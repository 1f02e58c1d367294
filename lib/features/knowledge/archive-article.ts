import { getDb, type Db } from '../../platform/db';
import { flagStaleDrafts } from './flag-stale-drafts';

/**
 * Archives (or restores) an article: an archived one is never retrieved; its versions stay,
 * so drafts that cited it still show what they were given. Archiving flags their drafts.
 */
export async function setArticleArchived(input: { slug: string; archived: boolean }, db: Db = getDb()): Promise<{ staleDrafts: number }> {
  return db.$transaction(async (tx) => {
    const article = await tx.article.update({ where: { slug: input.slug }, data: { archived: input.archived } });
    if (!input.archived) return { staleDrafts: 0 };
    return { staleDrafts: await flagStaleDrafts({ articleId: article.id, reason: `“${article.title}” was archived` }, tx) };
  });
}
