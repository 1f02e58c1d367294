import 'server-only';
import { env } from '../../platform/config/env';
import { getDb, type DbClient } from '../../platform/db';
import { loadKnowledge } from '../../features/knowledge/load-knowledge';
import type { KnowledgeRef } from './json-fields';

const EXCERPT_CHARS = 160;

/**
 * Titles and a first line for the knowledge slugs a draft cites, from the same sources the
 * drafting prompt used (markdown folder + database). A slug no longer found is kept as is.
 */
export async function resolveKnowledge(refs: KnowledgeRef[], db: DbClient = getDb()): Promise<KnowledgeRef[]> {
  if (refs.length === 0) return refs;
  const articles = await loadKnowledge({ dir: env().KNOWLEDGE_DIR, db }).catch(() => []);
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  return refs.map((ref) => {
    const article = bySlug.get(ref.slug);
    if (!article) return ref;
    const excerpt = article.body.replace(/\s+/g, ' ').trim();
    return {
      slug: ref.slug,
      title: ref.title ?? article.title,
      excerpt: ref.excerpt ?? (excerpt.length > EXCERPT_CHARS ? `${excerpt.slice(0, EXCERPT_CHARS)}…` : excerpt),
    };
  });
}
