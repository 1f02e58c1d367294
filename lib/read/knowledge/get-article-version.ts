import 'server-only';
import { NotFoundError } from '../../core/errors';
import { getDb, type DbClient } from '../../platform/db';

export interface ArticleVersionView {
  slug: string;
  title: string;
  version: number;
  body: string;
  currentVersion: number;
  archived: boolean;
  authorRole: string | null;
  note: string | null;
  createdAt: Date;
  /** The version before it, for the diff; null for the first. */
  previous: { version: number; title: string; body: string } | null;
  passages: { id: string; heading: string; text: string }[];
}

/** One version of an article as drafts were given it: its text, its passages (by id), and the text before it. */
export async function getArticleVersionOrThrow(input: { slug: string; version: number }, db: DbClient = getDb()): Promise<ArticleVersionView> {
  const article = await db.article.findUnique({ where: { slug: input.slug } });
  if (!article) throw new NotFoundError('Article', input.slug);
  const [version, previous] = await Promise.all([
    db.articleVersion.findUnique({
      where: { articleId_version: { articleId: article.id, version: input.version } },
      include: { passages: { orderBy: { ordinal: 'asc' }, select: { id: true, heading: true, text: true } } },
    }),
    db.articleVersion.findFirst({ where: { articleId: article.id, version: { lt: input.version } }, orderBy: { version: 'desc' }, select: { version: true, title: true, body: true } }),
  ]);
  if (!version) throw new NotFoundError('Article version', `${input.slug} v${input.version}`);
  return {
    slug: article.slug,
    title: version.title,
    version: version.version,
    body: version.body,
    currentVersion: article.currentVersion,
    archived: article.archived,
    authorRole: version.authorRole,
    note: version.note,
    createdAt: version.createdAt,
    previous,
    passages: version.passages,
  };
}
