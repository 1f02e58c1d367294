import { chunkArticle } from '../../core/knowledge/chunk-article';
import { KNOWLEDGE_LIMITS } from '../../core/knowledge/limits';
import { passageId } from '../../core/knowledge/passage-id';
import type { KnowledgeArticle, PromptPassage } from './types';

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
 * Retrieval without a database, for the offline evaluations and the cost benchmark over the
 * knowledge folder: the same chunks and ids (`<slug>@v1#<n>`) and the same budget as
 * retrievePassages, ranked by shared terms (heading terms count triple). The product itself
 * retrieves with PostgreSQL's full-text search.
 */
export function selectRelevantPassages(
  articles: readonly KnowledgeArticle[],
  text: string,
  { limit = KNOWLEDGE_LIMITS.maxPassages, budgetTokens = KNOWLEDGE_LIMITS.passageBudgetTokens } = {},
): PromptPassage[] {
  const query = terms(text);
  const scored = articles.flatMap((article) =>
    chunkArticle(article.title, article.body).map((chunk) => {
      let score = 0;
      for (const term of terms(chunk.heading)) if (query.has(term)) score += 3;
      for (const term of terms(chunk.text)) if (query.has(term)) score += 1;
      return { passage: { id: passageId(article.slug, 1, chunk.ordinal), heading: chunk.heading, text: chunk.text }, tokens: chunk.tokens, score };
    }),
  );
  const chosen: PromptPassage[] = [];
  let used = 0;
  for (const { passage, tokens } of scored.filter(({ score }) => score >= 2).sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id))) {
    if (chosen.length >= limit) break;
    if (used + tokens > budgetTokens) continue;
    chosen.push(passage);
    used += tokens;
  }
  return chosen;
}

/** Every passage of the articles, in order: for prompts that must see all of a small folder. */
export function allPassages(articles: readonly KnowledgeArticle[]): PromptPassage[] {
  return articles.flatMap((article) =>
    chunkArticle(article.title, article.body).map((chunk) => ({ id: passageId(article.slug, 1, chunk.ordinal), heading: chunk.heading, text: chunk.text })),
  );
}
