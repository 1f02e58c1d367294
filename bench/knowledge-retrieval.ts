import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { messagesRequestSchema } from '../devstack/claude-simulator/messages-api';
import { promptUnits } from '../devstack/claude-simulator/prompt-units';
import { PROJECT_ROOT } from '../devstack/project-root';
import { KNOWLEDGE_LIMITS } from '../lib/core/knowledge/limits';
import { embedMissingPassages, passageVectors, type PassageVectors } from '../lib/features/knowledge/passage-vectors';
import { retrievePassages } from '../lib/features/knowledge/retrieve-passages';
import { saveArticleIn } from '../lib/features/knowledge/save-article';
import { buildDraftRequest } from '../lib/features/prompts/draft-prompt';
import type { Db } from '../lib/platform/db';
import { createTempDb, stopStandaloneServer } from '../tests/support/temp-db';
import { generateKnowledge, type LabelledQuestion } from './knowledge-retrieval/generate-articles';
import { loadWordNet, unknownWordExpander } from './knowledge-retrieval/wordnet-expansion';
import { percentile, round } from './stats';

/**
 * Retrieval at help-centre scale: 5,000 generated articles indexed by the product's own code
 * (saveArticle: chunk, insert, the trigger's tsvectors; then every passage embedded, as the
 * scheduled job does) in a throwaway PostgreSQL, then 240
 * labelled questions through retrievePassages: recall@1 and @5 (the labelled article among the
 * passages returned), latency p50/p95, and the drafting prompt each question would produce
 * (tokens by the simulator's estimate: the cached prefix, the passages, the whole prompt).
 * Run: `tsx bench/knowledge-retrieval.ts`, or through `npm run bench`.
 */
export interface KnowledgeBenchResult {
  name: string;
  summary: string;
  outputPath: string;
}

const OUTPUT = path.join(PROJECT_ROOT, 'bench', 'results', 'knowledge-retrieval.json');
const BATCH = 100;

function promptTokens(request: ReturnType<typeof buildDraftRequest>): { cached: number; total: number } {
  let total = 0;
  let cached = 0;
  for (const unit of promptUnits(messagesRequestSchema.parse(request))) {
    total += unit.tokens;
    if (unit.cacheControl) cached = total;
  }
  return { cached, total };
}

/** Adds words to a question before retrieval (the WordNet experiments); its time counts as retrieval's. */
type Expander = (text: string, db: Db) => Promise<string>;

/** Recall, latency and prompt size over one half of the labelled questions. */
async function measure(questions: LabelledQuestion[], db: Db, expand?: Expander) {
  const latencies: number[] = [];
  // The part by meaning (embed the question, refresh, search the vectors); SQL is the rest.
  const meaningMs: number[] = [];
  const vectors = passageVectors(db);
  const timed: PassageVectors = {
    async nearest(text, k, minScore) {
      const started = performance.now();
      try {
        return await vectors.nearest(text, k, minScore);
      } finally {
        meaningMs.push(performance.now() - started);
      }
    },
  };
  const passageTokens: number[] = [];
  const prompt: number[] = [];
  let cachedPrefix = 0;
  let hitsAt1 = 0;
  let hitsAt5 = 0;
  const misses: { question: string; expected: string; got: string[] }[] = [];
  for (const { question, slug } of questions) {
    const started = performance.now();
    const found = await retrievePassages({ query: expand ? await expand(question, db) : question }, db, timed);
    latencies.push(performance.now() - started);
    const top5 = found.slice(0, 5).map((passage) => passage.slug);
    if (top5[0] === slug) hitsAt1 += 1;
    if (top5.includes(slug)) hitsAt5 += 1;
    else misses.push({ question, expected: slug, got: top5 });
    passageTokens.push(found.reduce((sum, passage) => sum + passage.tokens, 0));
    const request = buildDraftRequest({
      model: 'claude-sonnet-4-6',
      thread: [{ direction: 'inbound', from: 'customer@example.com', subject: 'Question', text: question, sentAt: '2026-12-06T09:00:00Z' }],
      passages: found,
    });
    const tokens = promptTokens(request);
    cachedPrefix = tokens.cached;
    prompt.push(tokens.total);
  }
  return {
    questions: questions.length,
    recallAt1: round(hitsAt1 / questions.length, 3),
    recallAt5: round(hitsAt5 / questions.length, 3),
    retrievalMs: { p50: round(percentile(latencies, 50), 2), p95: round(percentile(latencies, 95), 2), max: round(Math.max(...latencies), 2) },
    meaningMs: { p50: round(percentile(meaningMs, 50), 2), p95: round(percentile(meaningMs, 95), 2) },
    passageTokens: { p50: percentile(passageTokens, 50), p95: percentile(passageTokens, 95), budget: KNOWLEDGE_LIMITS.passageBudgetTokens },
    promptTokens: { p50: percentile(prompt, 50), p95: percentile(prompt, 95), cachedPrefix },
    misses: misses.slice(0, 30),
  };
}

export async function runKnowledgeBenchmark(
  options: { articles?: number; questions?: number; expand?: Expander; expansionName?: string; withoutKeywords?: boolean } = {},
): Promise<KnowledgeBenchResult> {
  const generated = generateKnowledge(options);
  const { questions } = generated;
  // The ablation: the same articles as if their authors had filed no keywords.
  const articles = options.withoutKeywords ? generated.articles.map((article) => ({ ...article, keywords: [] })) : generated.articles;
  const { expand } = options;
  const temp = await createTempDb();
  try {
    const db = temp.db;
    const indexStarted = performance.now();
    for (let start = 0; start < articles.length; start += BATCH) {
      await db.$transaction(async (tx) => {
        for (const article of articles.slice(start, start + BATCH)) await saveArticleIn({ ...article, source: 'import' }, tx);
      }, { timeout: 120_000 });
    }
    const indexSeconds = (performance.now() - indexStarted) / 1000;
    // What the scheduled job (embedKnowledge) does after an import: every passage's vector.
    const embedStarted = performance.now();
    await embedMissingPassages(db);
    const embedSeconds = (performance.now() - embedStarted) / 1000;
    // Every passage row was rewritten with its vector: vacuum as autovacuum would have by now.
    await db.$executeRawUnsafe('VACUUM ANALYZE "Passage", "Article", "ArticleVersion"');
    const passages = await db.passage.count();
    const rssBefore = process.memoryUsage().rss;

    // Warm the connection and the caches the way a running worker has them.
    for (const { question } of questions.slice(0, 10)) await retrievePassages({ query: question }, db);

    const halves = [];
    for (const split of ['tune', 'held-out'] as const) {
      halves.push({ split, ...(await measure(questions.filter((one) => one.split === split), db, expand)) });
    }
    const data = {
      generatedAt: new Date().toISOString(),
      articles: articles.length,
      passages,
      questions: questions.length,
      queryExpansion: options.expansionName ?? 'none',
      keywords: !options.withoutKeywords,
      indexSeconds: round(indexSeconds),
      embedSeconds: round(embedSeconds),
      // The model and every vector in this process's memory, as in a worker.
      rssMb: { beforeRetrieval: Math.round(rssBefore / 2 ** 20), after: Math.round(process.memoryUsage().rss / 2 ** 20) },
      // Other engineers' work shares these 2 cores: latency moves with it.
      loadAverage1m: round(loadavg()[0] ?? 0),
      halves,
    };
    await mkdir(path.dirname(OUTPUT), { recursive: true });
    await writeFile(OUTPUT, `${JSON.stringify(data, null, 2)}\n`);
    const summary = [
      `Knowledge retrieval over ${data.articles.toLocaleString('en-GB')} articles (${data.passages.toLocaleString('en-GB')} passages, indexed in ${data.indexSeconds} s, embedded in ${data.embedSeconds} s; RSS ${data.rssMb.beforeRetrieval} → ${data.rssMb.after} MB), keywords: ${data.keywords ? 'yes' : 'no'}, query expansion: ${data.queryExpansion}, load average ${data.loadAverage1m}`,
      ...halves.flatMap((half) => [
        `${half.split} half, ${half.questions} questions: recall@1 ${half.recallAt1} · recall@5 ${half.recallAt5} (goal ≥ 0.9)`,
        `  retrieval p50 ${half.retrievalMs.p50} ms · p95 ${half.retrievalMs.p95} ms (goal < 20 ms) · max ${half.retrievalMs.max} ms; of which by meaning (embed, refresh, search) p50 ${half.meaningMs.p50} · p95 ${half.meaningMs.p95} ms`,
        `  drafting prompt tokens p50 ${half.promptTokens.p50} · p95 ${half.promptTokens.p95} (cached prefix ${half.promptTokens.cachedPrefix}; passages p50 ${half.passageTokens.p50} · p95 ${half.passageTokens.p95}, budget ${half.passageTokens.budget})`,
      ]),
    ].join('\n');
    return { name: 'knowledge-retrieval', summary, outputPath: OUTPUT };
  } finally {
    await temp.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flags = new Set(process.argv.slice(2));
  const wordnet = flags.has('--wordnet') || flags.has('--wordnet-unknown') ? loadWordNet() : undefined;
  if (wordnet) console.log(`WordNet loaded in ${Math.round(wordnet.loadMs)} ms, ${Math.round(wordnet.memoryMb)} MB`);
  const expansion: Pick<Parameters<typeof runKnowledgeBenchmark>[0] & object, 'expand' | 'expansionName'> = !wordnet
    ? {}
    : flags.has('--wordnet-unknown')
      ? { expand: (text, db) => unknownWordExpander(wordnet, db)(text), expansionName: 'wordnet, unknown words only' }
      : { expand: (text) => Promise.resolve(wordnet.expand(text)), expansionName: 'wordnet' };
  runKnowledgeBenchmark({ withoutKeywords: flags.has('--without-keywords'), ...expansion })
    .then((result) => console.log(`${result.summary}\n\nwrote ${path.relative(process.cwd(), result.outputPath)}`))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => void stopStandaloneServer());
}
