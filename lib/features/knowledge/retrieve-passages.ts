import { Prisma } from '../../platform/db/generated/client';
import { getDb, type DbClient } from '../../platform/db';
import { KNOWLEDGE_LIMITS } from '../../core/knowledge/limits';
import { withoutMailFiller } from '../../core/knowledge/mail-filler';
import { passageVectors, type PassageVectors } from './passage-vectors';

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

/**
 * The rarest words of the question pick the candidates (all of its words rank them): rarest
 * first, while the passages they can match stay within this many. The rarest word always
 * counts, and a hard cap of twice as many bounds the work whatever the question.
 */
const CANDIDATE_BUDGET = 300;
/** Passages of one article among the results: room for other articles. */
const PER_ARTICLE = 2;
/** Characters of the question searched (a long email's first part says what it is about). */
const MAX_QUERY_CHARS = 2_000;

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

const limitsOf = (input: RetrieveInput) => ({
  limit: input.limit ?? KNOWLEDGE_LIMITS.maxPassages,
  budget: input.budgetTokens ?? KNOWLEDGE_LIMITS.passageBudgetTokens,
});

/**
 * English ranking, BM25-like: every lexeme of the question weighs its rarity (inverse document
 * frequency from KnowledgeTerm, kept by a trigger) times ts_rank's term weight (heading and the
 * article's keywords above text), divided by 1 + log(length) (flag 1) so a long passage does not
 * win on the number of words it happens to contain. The rarest few lexemes find the candidates through the GIN index, so a question of
 * common words never ranks the whole knowledge base. Current versions of unarchived articles only.
 */
function englishRanked(text: string, size: number): Prisma.Sql {
  return Prisma.sql`
    WITH total AS (
      SELECT greatest(coalesce((SELECT "passages" FROM "KnowledgeTerm" WHERE "term" = ''), 0), 1)::float8 AS n
    ),
    terms AS (
      SELECT l."lexeme", k."passages" AS df, quote_literal(l."lexeme")::tsquery AS q,
             ln(1 + (total.n - k."passages" + 0.5) / (k."passages" + 0.5)) AS idf
      FROM (SELECT DISTINCT "lexeme" FROM unnest(to_tsvector('english', unaccent(${text})))) AS l
      CROSS JOIN total
      JOIN "KnowledgeTerm" k ON k."term" = l."lexeme" AND k."passages" > 0
    ),
    seeds AS (
      SELECT string_agg(quote_literal("lexeme"), ' | ')::tsquery AS q
      FROM (
        SELECT "lexeme", sum(df) OVER (ORDER BY df, "lexeme") AS running, row_number() OVER (ORDER BY df, "lexeme") AS nth
        FROM terms
      ) AS rarest
      WHERE nth = 1 OR running <= ${CANDIDATE_BUDGET}
      HAVING count(*) > 0
    ),
    candidates AS (
      SELECT p."id", p."articleId", a."slug", v."version", p."heading", p."text", p."tokens", p."searchEnglish"
      FROM seeds, "Passage" p
      JOIN "Article" a ON a."id" = p."articleId" AND NOT a."archived"
      JOIN "ArticleVersion" v ON v."id" = p."articleVersionId" AND v."version" = a."currentVersion"
      WHERE p."searchEnglish" @@ seeds.q
      LIMIT ${CANDIDATE_BUDGET * 2}
    ),
    scored AS (
      SELECT c."id", c."articleId", c."slug", c."version", c."heading", c."text", c."tokens",
             sum(t.idf * ts_rank('{0.1, 0.2, 0.5, 1.0}', c."searchEnglish", t.q, 1)) AS score
      FROM candidates c JOIN terms t ON c."searchEnglish" @@ t.q
      GROUP BY c."id", c."articleId", c."slug", c."version", c."heading", c."text", c."tokens"
    ),
    capped AS (
      SELECT *, row_number() OVER (PARTITION BY "articleId" ORDER BY score DESC, "id") AS nth FROM scored
    )
    SELECT "id", score FROM capped WHERE nth <= ${PER_ARTICLE}
    ORDER BY score DESC, "id"
    LIMIT ${size}`;
}

/**
 * The fallback when no English lexeme of the question is in the knowledge base (a question in
 * another language made of what English calls stop words): the unstemmed `simple` vector,
 * words OR-ed, ranked by cover density.
 */
function simpleRanked(terms: string[], size: number): Prisma.Sql {
  return Prisma.sql`
    WITH q AS (
      SELECT string_agg(quote_literal(w), ' | ')::tsquery AS si
      FROM (SELECT DISTINCT lower(unaccent(w)) AS w FROM unnest(${terms}::text[]) AS w) AS words
      -- "the" or "is" would match every passage: English stop words are left out here too.
      WHERE to_tsvector('english', w) <> ''::tsvector
      HAVING count(*) > 0
    ),
    ranked AS (
      SELECT p."id", p."articleId", a."slug", v."version", p."heading", p."text", p."tokens",
             ts_rank_cd(p."searchSimple", q.si, 1) AS score
      FROM q, "Passage" p
      JOIN "Article" a ON a."id" = p."articleId" AND NOT a."archived"
      JOIN "ArticleVersion" v ON v."id" = p."articleVersionId" AND v."version" = a."currentVersion"
      WHERE p."searchSimple" @@ q.si
      ORDER BY score DESC, p."id"
      LIMIT ${CANDIDATE_BUDGET}
    )
    SELECT "id", score FROM ranked ORDER BY score DESC, "id" LIMIT ${size}`;
}

/** Letters and digits only (never tsquery syntax), 3 characters or more, at most 32 words. */
function simpleTerms(text: string): string[] {
  const words = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word.length >= 3 && word.length <= 40) words.add(word);
    if (words.size >= 32) break;
  }
  return [...words];
}

/**
 * How the two rankings are combined: reciprocal-rank fusion (k = 60), the words' ranking
 * weighted 1.5 against meaning's 1, chosen on the benchmark's tuning questions only
 * (bench/knowledge-retrieval/embeddings-experiment.md: held-out recall@5 0.858 with words
 * alone, 0.946 fused). Words keep exact tokens (codes, product names) near the top; meaning
 * finds the article that says it in other words.
 */
const FUSION = { k: 60, lexicalWeight: 1.5, lexicalCandidates: 30, semanticCandidates: 200 };
/**
 * Below this cosine a passage is not about the question at all, and nothing is better than
 * something. Measured on the seed articles: unrelated questions (weather, a film, "hello",
 * stop words, SQL, German) scored at most 0.15 against any passage; related ones, worded
 * unlike their article, 0.31 to 0.63.
 */
const MIN_COSINE = 0.25;

/**
 * One query: both rankings fused, then the current versions of unarchived articles only, at
 * most PER_ARTICLE passages each. The `simple` ranking stands in for English only when the
 * English one found nothing (a one-time filter: PostgreSQL does not run it otherwise).
 */
function fusedQuery(text: string, terms: string[], semanticIds: string[], limit: number): Prisma.Sql {
  return Prisma.sql`
    WITH english AS (${englishRanked(text, FUSION.lexicalCandidates)}),
    lexical AS (
      SELECT "id", score FROM english
      UNION ALL
      SELECT "id", score FROM (${simpleRanked(terms, FUSION.lexicalCandidates)}) AS simple
      WHERE NOT EXISTS (SELECT 1 FROM english)
    ),
    ranks AS (
      SELECT "id", ${FUSION.lexicalWeight}::float8 / (${FUSION.k} + row_number() OVER (ORDER BY score DESC, "id")) AS w FROM lexical
      UNION ALL
      SELECT s."id", 1.0::float8 / (${FUSION.k} + s.nth) FROM unnest(${semanticIds}::text[]) WITH ORDINALITY AS s("id", nth)
    ),
    fused AS (SELECT "id", sum(w) AS score FROM ranks GROUP BY "id"),
    current AS (
      SELECT p."id", p."articleId", a."slug", v."version", p."heading", p."text", p."tokens", f.score,
             row_number() OVER (PARTITION BY p."articleId" ORDER BY f.score DESC, p."id") AS nth
      FROM fused f
      JOIN "Passage" p ON p."id" = f."id"
      JOIN "Article" a ON a."id" = p."articleId" AND NOT a."archived"
      JOIN "ArticleVersion" v ON v."id" = p."articleVersionId" AND v."version" = a."currentVersion"
    )
    SELECT "id", "articleId", "slug", "version", "heading", "text", "tokens", score::float8 AS score
    FROM current WHERE nth <= ${PER_ARTICLE}
    ORDER BY score DESC, "id"
    LIMIT ${limit * 3}`;
}

/** A failing model or store logs once a minute, not once per email (nor once per process). */
const FAILURE_LOG_EVERY_MS = 60_000;
let lastFailureLoggedAt = Number.NEGATIVE_INFINITY;

/** The passage ids nearest in meaning; none (and a log line) if the model or the vectors fail. */
async function semanticIds(text: string, vectors: PassageVectors): Promise<string[]> {
  try {
    return await vectors.nearest(text, FUSION.semanticCandidates, MIN_COSINE);
  } catch (error) {
    if (Date.now() - lastFailureLoggedAt >= FAILURE_LOG_EVERY_MS) {
      lastFailureLoggedAt = Date.now();
      console.error(`knowledge: ranking by words only for now, meaning failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return [];
  }
}

/**
 * The passages most relevant to a question, best first, within a token budget: PostgreSQL
 * full-text search and sentence embeddings fused (see fusedQuery), over the current versions
 * of unarchived articles. The text is passed as a parameter, never as query syntax, so any
 * email is a safe question.
 */
export async function retrievePassages(
  input: RetrieveInput,
  db: DbClient = getDb(),
  vectors: PassageVectors = passageVectors(db),
): Promise<RetrievedPassage[]> {
  const { limit, budget } = limitsOf(input);
  const text = withoutMailFiller(input.query.slice(0, MAX_QUERY_CHARS));
  if (limit <= 0 || !/[\p{L}\p{N}]/u.test(text)) return [];
  const rows = await db.$queryRaw<Row[]>(fusedQuery(text, simpleTerms(text), await semanticIds(text, vectors), limit));
  const chosen: RetrievedPassage[] = [];
  let used = 0;
  for (const row of rows) {
    if (chosen.length >= limit) break;
    // A passage that does not fit is skipped; a smaller one further down may still fit.
    if (used + Number(row.tokens) > budget) continue;
    chosen.push({ ...row, version: Number(row.version), tokens: Number(row.tokens), score: Number(row.score) });
    used += Number(row.tokens);
  }
  return chosen;
}
