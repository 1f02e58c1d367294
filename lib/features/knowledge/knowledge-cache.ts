import type { KnowledgeArticle } from './types';

/**
 * Knowledge for prompts, read again at most every `maxAgeMs`. Every draft and every check
 * reads it (files and rows), while it changes when someone edits an article: an edit reaches
 * drafts within seconds, and a burst of mail reads it once. A failed read is not kept.
 */
export function createKnowledgeCache(load: () => Promise<KnowledgeArticle[]>, { maxAgeMs = 5_000, now = Date.now } = {}) {
  let cached: { at: number; articles: Promise<KnowledgeArticle[]> } | undefined;
  return function knowledge(): Promise<KnowledgeArticle[]> {
    if (!cached || now() - cached.at > maxAgeMs) {
      const articles = load();
      const entry = { at: now(), articles };
      cached = entry;
      articles.catch(() => {
        if (cached === entry) cached = undefined;
      });
    }
    return cached.articles;
  };
}
