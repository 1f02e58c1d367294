import { chunkArticle } from '../../core/knowledge/chunk-article';
import { passageId } from '../../core/knowledge/passage-id';
import type { DbClient } from '../../platform/db/client';

/**
 * Writes the passages of one article version (the trigger fills their search vectors). Ids
 * are derived from slug, version and position, so indexing twice writes nothing new.
 */
export async function indexArticleVersion(
  version: { id: string; articleId: string; version: number; title: string; body: string },
  slug: string,
  db: DbClient,
): Promise<number> {
  const passages = chunkArticle(version.title, version.body);
  await db.passage.createMany({
    data: passages.map((passage) => ({
      id: passageId(slug, version.version, passage.ordinal),
      articleId: version.articleId,
      articleVersionId: version.id,
      ordinal: passage.ordinal,
      heading: passage.heading,
      text: passage.text,
      tokens: passage.tokens,
    })),
    skipDuplicates: true,
  });
  return passages.length;
}
