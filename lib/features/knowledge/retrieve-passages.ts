import { Prisma } from '../../platform/db/generated/client';
import { getDb, type DbClient } from '../../platform/db';
import { KNOWLEDGE_LIMITS } from '../../core/knowledge/limits';

export interface RetrievedPassage {
  /** `<slug>@v<version>#<n>`: what the draft cites. */
  id: string;
  articleId: string;
  slug: string;
  version: number;
  heading: string;
  text: string;
  tokens: number;
  score: number;
}

export interface RetrieveInput {
  query: string;
  /** Tokens the passages may take in the prompt; default KNOWLEDGE_LIMITS.passageBudgetTokens. */
  budgetTokens?: number;
  /** At most this many passages; default KNOWLEDGE_LIMITS.maxPassages. */
  limit?: number;
}

/** Query words: letters and digits only (never tsquery syntax), at most this many, first seen first. */
const MAX_TERMS = 48;
/** Passages of one article among the candidates: room for other articles. */
const PER_ARTICLE = 2;

function queryTerms(text: string): string[] {
  const seen = new Set<string>();
  for (const word of text.toLowerCase().normalize('NFC').split(/[^\p{L}\p{N}]+/u)) {
    if (word.length >= 2 && word.length <= 40) seen.add(word);
    if (seen.size >= MAX_TERMS) break;
  }
  return [...seen];
}

interface Row {
  id: string;
  articleId: string;
  slug: string;
  version: number;
  heading: string;
  text: string;
  tokens: number;
  score: number;
}

/**
 * The passages most relevant to a question, best first, within a token budget: PostgreSQL
 * full-text search over the current versions of unarchived articles, ranked by cover density
 * (ts_rank_cd) on English stems plus, at a lower weight, the language-neutral `simple` vector.
 * Words are OR-ed (a customer's question rarely repeats an article's exact words), and a word
 * English calls a stop word is left out of both, so "the" matches nothing anywhere.
 */
export async function retrievePassages(input: RetrieveInput, db: DbClient = getDb()): Promise<RetrievedPassage[]> {
  const terms = queryTerms(input.query);
  const limit = input.limit ?? KNOWLEDGE_LIMITS.maxPassages;
  const budget = input.budgetTokens ?? KNOWLEDGE_LIMITS.passageBudgetTokens;
  if (terms.length === 0 || limit <= 0) return [];
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH words AS (
      SELECT DISTINCT unaccent(w) AS w FROM unnest(${terms}::text[]) AS w
      WHERE to_tsvector('english', w) <> ''::tsvector
    ),
    q AS (
      SELECT to_tsquery('english', string_agg(w, ' | ')) AS en, to_tsquery('simple', string_agg(w, ' | ')) AS si
      FROM words HAVING count(*) > 0
    ),
    ranked AS (
      SELECT p."id", p."articleId", a."slug", v."version", p."heading", p."text", p."tokens",
             ts_rank_cd(p."searchEnglish", q.en, 1) + 0.5 * ts_rank_cd(p."searchSimple", q.si, 1) AS score
      FROM q, "Passage" p
      JOIN "Article" a ON a."id" = p."articleId" AND NOT a."archived"
      JOIN "ArticleVersion" v ON v."id" = p."articleVersionId" AND v."version" = a."currentVersion"
      WHERE p."searchEnglish" @@ q.en OR p."searchSimple" @@ q.si
    ),
    capped AS (
      SELECT *, row_number() OVER (PARTITION BY "articleId" ORDER BY score DESC, "id") AS nth FROM ranked
    )
    SELECT "id", "articleId", "slug", "version", "heading", "text", "tokens", score::float8 AS score
    FROM capped WHERE nth <= ${PER_ARTICLE}
    ORDER BY score DESC, "id"
    LIMIT ${limit * 3}
  `);
  const chosen: RetrievedPassage[] = [];
  let used = 0;
  for (const row of rows) {
    if (chosen.length >= limit) break;
    // A passage that does not fit is skipped; a smaller one further down may still fit.
    if (used + row.tokens > budget) continue;
    chosen.push({ ...row, version: Number(row.version), tokens: Number(row.tokens), score: Number(row.score) });
    used += row.tokens;
  }
  return chosen;
}
