import type { KnowledgeArticle } from './types';

const STOPWORDS = new Set(
  'the a an and or but to of in on for with my your our is are was were be been it this that i you we can how do does what when where why please hi hello thanks thank regards'.split(
    ' ',
  ),
);

function terms(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 2 && !STOPWORDS.has(word)),
  );
}

/**
 * The articles most related to the customer's text, by shared terms weighted toward the
 * title. Deterministic; cheap enough to run per email without an index.
 */
export function selectRelevantArticles(
  articles: readonly KnowledgeArticle[],
  text: string,
  limit = 3,
): KnowledgeArticle[] {
  const query = terms(text);
  const scored = articles.map((article) => {
    let score = 0;
    for (const term of terms(article.title)) if (query.has(term)) score += 3;
    for (const term of terms(article.body)) if (query.has(term)) score += 1;
    return { article, score };
  });
  return scored
    .filter(({ score }) => score >= 3)
    .sort((a, b) => b.score - a.score || a.article.slug.localeCompare(b.article.slug))
    .slice(0, limit)
    .map(({ article }) => article);
}
