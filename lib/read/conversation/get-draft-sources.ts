import 'server-only';
import { getDb, type DbClient } from '../../platform/db';

export interface DraftSourceView {
  /** `<slug>@v<version>#<n>` */
  id: string;
  slug: string;
  articleTitle: string;
  version: number;
  /** The article's version now, and whether it is archived: a cited version may be outdated. */
  currentVersion: number;
  archived: boolean;
  heading: string;
  text: string;
  cited: boolean;
}

/**
 * What the model was given for one draft (best first) and which of those it cited, each with the
 * article version it came from: the reviewer checks the draft's facts against these.
 */
export async function getDraftSources(draftId: string, db: DbClient = getDb()): Promise<DraftSourceView[]> {
  const rows = await db.draftPassage.findMany({
    where: { draftId },
    orderBy: { rank: 'asc' },
    include: {
      passage: {
        select: {
          id: true,
          heading: true,
          text: true,
          article: { select: { slug: true, title: true, currentVersion: true, archived: true } },
          articleVersion: { select: { version: true, title: true } },
        },
      },
    },
  });
  return rows.map(({ passage, cited }) => ({
    id: passage.id,
    slug: passage.article.slug,
    articleTitle: passage.articleVersion.title,
    version: passage.articleVersion.version,
    currentVersion: passage.article.currentVersion,
    archived: passage.article.archived,
    heading: passage.heading,
    text: passage.text,
    cited,
  }));
}
