import type { KnowledgeArticle } from './types';

/** One piece of an article the drafter is given, with an id a draft and a check can name. */
export interface KnowledgePassage {
  id: string;
  text: string;
}

/**
 * Articles cut into passages at their second-level headings (`slug#1`, `slug#2`, ...): the
 * unit the send gate checks a draft's claims against.
 */
export function passagesOf(articles: readonly KnowledgeArticle[]): KnowledgePassage[] {
  return articles.flatMap((article) => {
    const sections = article.body.split(/^(?=##\s)/m).map((section) => section.trim()).filter(Boolean);
    return (sections.length ? sections : [article.body]).map((section, index) => ({
      id: `${article.slug}#${index + 1}`,
      text: index === 0 ? `${article.title}\n${section}` : section,
    }));
  });
}
