import 'server-only';
import { NotFoundError } from '../../core/errors';
import { getDb, type DbClient } from '../../platform/db';

export interface ArticleVersionSummary {
  version: number;
  title: string;
  authorRole: string | null;
  note: string | null;
  createdAt: Date;
}

export interface ArticleDetail {
  slug: string;
  title: string;
  body: string;
  /** The current version's keywords (searched, never shown to the model). */
  keywords: string[];
  currentVersion: number;
  archived: boolean;
  versions: ArticleVersionSummary[];
}

/** An article with its current text and every version, newest first. */
export async function getArticleOrThrow(slug: string, db: DbClient = getDb()): Promise<ArticleDetail> {
  const article = await db.article.findUnique({
    where: { slug },
    include: { versions: { orderBy: { version: 'desc' }, select: { version: true, title: true, body: true, keywords: true, authorRole: true, note: true, createdAt: true } } },
  });
  if (!article) throw new NotFoundError('Article', slug);
  const current = article.versions.find((version) => version.version === article.currentVersion);
  return {
    slug: article.slug,
    title: article.title,
    body: current?.body ?? '',
    keywords: current?.keywords ?? [],
    currentVersion: article.currentVersion,
    archived: article.archived,
    versions: article.versions.map(({ body: _body, keywords: _keywords, ...summary }) => summary),
  };
}
