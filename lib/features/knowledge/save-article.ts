import { AppError } from '../../core/errors';
import { getDb, type Db, type DbClient } from '../../platform/db';
import type { ArticleInput } from './article-schemas';
import { flagStaleDrafts } from './flag-stale-drafts';
import { indexArticleVersion } from './index-article-version';

export interface SaveArticleInput extends ArticleInput {
  authorId?: string;
  authorRole?: string;
  note?: string;
  source?: 'seed' | 'dashboard' | 'import';
  /** Refuse when the slug exists already (a new article, an import of new slugs). */
  createOnly?: boolean;
}

export type SaveArticleResult =
  | { outcome: 'created' | 'updated'; articleId: string; version: number; passages: number; staleDrafts: number }
  | { outcome: 'unchanged'; articleId: string; version: number; passages: 0; staleDrafts: 0 };

export class ArticleConflictError extends AppError {
  override name = 'ArticleConflictError';
  constructor(readonly slug: string) {
    super(`An article with the slug "${slug}" exists already`);
  }
}

const sameKeywords = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((keyword, index) => keyword === b[index]);

/** Inside a transaction the caller holds (an import saves every file in one). */
export async function saveArticleIn(input: SaveArticleInput, tx: DbClient): Promise<SaveArticleResult> {
  const keywords = input.keywords ?? [];
  const existing = await tx.article.findUnique({ where: { slug: input.slug } });
  if (existing && input.createOnly) throw new ArticleConflictError(input.slug);
  if (existing) {
    const current = await tx.articleVersion.findUniqueOrThrow({ where: { articleId_version: { articleId: existing.id, version: existing.currentVersion } } });
    // Saving the same text again is not a new version (a re-run import, a double click).
    if (current.title === input.title && current.body === input.body && sameKeywords(current.keywords, keywords) && !existing.archived) {
      return { outcome: 'unchanged', articleId: existing.id, version: existing.currentVersion, passages: 0, staleDrafts: 0 };
    }
  }
  const article = existing
    ? await tx.article.update({ where: { id: existing.id }, data: { title: input.title, currentVersion: { increment: 1 }, archived: false } })
    : await tx.article.create({ data: { slug: input.slug, title: input.title, currentVersion: 1, source: input.source ?? 'dashboard' } });
  const version = await tx.articleVersion.create({
    data: {
      articleId: article.id,
      version: article.currentVersion,
      title: input.title,
      body: input.body,
      keywords,
      authorId: input.authorId,
      authorRole: input.authorRole,
      note: input.note,
    },
  });
  const passages = await indexArticleVersion(version, article.slug, tx);
  const staleDrafts = existing ? await flagStaleDrafts({ articleId: article.id, reason: `“${input.title}” changed (now version ${version.version})` }, tx) : 0;
  return { outcome: existing ? 'updated' : 'created', articleId: article.id, version: version.version, passages, staleDrafts };
}

/**
 * Creates an article or adds a version of it: the text is kept, chunked and indexed in one
 * transaction, and pending drafts that cited the article are flagged as stale.
 */
export async function saveArticle(input: SaveArticleInput, db: Db = getDb()): Promise<SaveArticleResult> {
  return db.$transaction((tx) => saveArticleIn(input, tx), { timeout: 30_000 });
}
