import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../platform/db/client';
import { articleInputSchema } from './article-schemas';
import { indexArticleVersion } from './index-article-version';
import { readMarkdownArticle } from './read-markdown-article';
import { ArticleConflictError, saveArticle } from './save-article';

/**
 * Seed content and a repaired index, at every worker start: each Markdown file in the
 * knowledge folder whose slug is not in the database yet becomes an article (one edited in
 * the dashboard is never overwritten by its file), and every current version without passages
 * (rows carried over from the old single-table knowledge) is chunked. Idempotent.
 */
export async function seedKnowledge(dir: string, db: Db): Promise<{ created: string[]; indexed: number }> {
  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const created: string[] = [];
  for (const name of names) {
    const parsed = articleInputSchema.safeParse(readMarkdownArticle(name, await readFile(path.join(dir, name), 'utf8')));
    if (!parsed.success) throw new Error(`Knowledge seed ${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    if (await db.article.findUnique({ where: { slug: parsed.data.slug }, select: { id: true } })) continue;
    try {
      await saveArticle({ ...parsed.data, source: 'seed', createOnly: true, note: `seeded from ${name}` }, db);
      created.push(parsed.data.slug);
    } catch (error) {
      // Another worker seeded it in the meantime.
      if ((error as { code?: string }).code !== 'P2002' && !(error instanceof ArticleConflictError)) throw error;
    }
  }
  const unindexed = await db.articleVersion.findMany({ where: { passages: { none: {} } }, include: { article: { select: { slug: true } } } });
  for (const version of unindexed) await indexArticleVersion(version, version.article.slug, db);
  return { created, indexed: unindexed.length };
}
