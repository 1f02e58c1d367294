import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseEnv } from '../lib/platform/config/env';
import { startClaudeSimulator } from '../devstack/claude-simulator';
import { PROJECT_ROOT } from '../devstack/project-root';
import { loadKnowledge } from '../lib/features/knowledge/load-knowledge';
import { createClaudeClient } from '../lib/platform/llm/claude-client';
import { withPriceOverrides } from '../lib/platform/llm/price-table';
import { measureDemoTokens, type EmailTokens } from './cost-per-email/measure-tokens';
import { cacheReadShare, renderTable, renderTokenProfile } from './cost-per-email/report';
import { priceScenario, type Scenario, type ScenarioCost } from './cost-per-email/scenarios';
import { renderTraffic, trafficModel, type TrafficRow } from './cost-per-email/traffic';

/**
 * Cost per processed email: (a) Haiku classifies and Sonnet drafts with prompt caching, the
 * app's design, against one strong model (Sonnet) for both without caching, with the same
 * prompts (b) and with the leanest prompts an uncached design would send (d). Token counts
 * come from the demo set run offline through the real prompt builders and the strict simulator,
 * which caches only prefixes above each model's minimum (see measure-tokens.ts); prices from
 * the model table (with CLAUDE_PRICES_JSON applied when set). "First" is a cold cache (every
 * email when mail arrives more than 5 minutes apart); "later" a warm one.
 * Run: `tsx bench/cost-per-email.ts`, or through `npm run bench`.
 */

export interface BenchResult {
  name: string;
  /** What the CLI prints. */
  summary: string;
  outputPath: string;
  data: {
    generatedAt: string;
    tokenSource: string;
    emails: EmailTokens[];
    leanEmails: EmailTokens[];
    scenarios: ScenarioCost[];
    savingsVsSingleModel: number;
    savingsVsLeanSingleModel: number;
    cacheReadShare: { classify: number; draft: number };
    byMailRate: TrafficRow[];
  };
}

const OUTPUT = path.join(PROJECT_ROOT, 'bench', 'results', 'cost-per-email.json');

function scenarios(classifyModel: string, draftModel: string): Scenario[] {
  return [
    { id: 'a', label: `${classifyModel} classify + ${draftModel} draft, cached 5m`, classifyModel, draftModel, caching: true, prompts: 'designed' },
    { id: 'b', label: `${draftModel} for both, no caching, same prompts`, classifyModel: draftModel, draftModel, caching: false, prompts: 'designed' },
    { id: 'c', label: `${classifyModel} + ${draftModel}, no caching, same prompts`, classifyModel, draftModel, caching: false, prompts: 'designed' },
    { id: 'd', label: `${draftModel} for both, no caching, lean prompts`, classifyModel: draftModel, draftModel, caching: false, prompts: 'lean' },
    { id: 'e', label: `${classifyModel} + ${draftModel}, no caching, lean prompts`, classifyModel, draftModel, caching: false, prompts: 'lean' },
    { id: 'f', label: `as (a), cached 1h (CLAUDE_CACHE_TTL default)`, classifyModel, draftModel, caching: true, prompts: 'designed', ttl1h: true },
  ];
}

export async function runCostBenchmark(source: Record<string, string | undefined> = {}): Promise<BenchResult> {
  // Model choices and prices as the app would use them; defaults unless a caller passes an env.
  const env = parseEnv(source);
  const prices = withPriceOverrides(env.CLAUDE_PRICES_JSON);
  const simulator = await startClaudeSimulator({ port: 0 });
  const knowledge = await loadKnowledge({ dir: path.resolve(PROJECT_ROOT, env.KNOWLEDGE_DIR) });
  const measure = async (variant: 'designed' | 'lean') => {
    simulator.reset();
    return measureDemoTokens({
      claude: createClaudeClient({ apiKey: 'offline-benchmark', baseURL: simulator.url, timeoutMs: 30_000 }),
      classifyModel: env.CLAUDE_CLASSIFY_MODEL,
      draftModel: env.CLAUDE_DRAFT_MODEL,
      categories: env.CATEGORIES,
      knowledge,
      variant,
    });
  };
  let emails: EmailTokens[];
  let leanEmails: EmailTokens[];
  try {
    emails = await measure('designed');
    leanEmails = await measure('lean');
  } finally {
    await simulator.close();
  }

  const costs = scenarios(env.CLAUDE_CLASSIFY_MODEL, env.CLAUDE_DRAFT_MODEL).map((scenario) =>
    priceScenario(scenario, { designed: emails, lean: leanEmails }, prices),
  );
  const mean = (id: string) => costs.find((cost) => cost.scenario.id === id)?.meanPerEmailUsd ?? 0;
  const savingsVsSingleModel = 1 - mean('a') / mean('b');
  const savingsVsLeanSingleModel = 1 - mean('a') / mean('d');
  const share = { classify: cacheReadShare(emails, 'classify'), draft: cacheReadShare(emails, 'draft') };
  const byId = (id: string) => costs.find((cost) => cost.scenario.id === id) as ScenarioCost;
  const byMailRate = trafficModel(byId('a'), byId('f'), [1, 3, 6, 12, 30, 120]);
  const summary = [
    `Cost per email, ${emails.length} demo emails (strict simulator token counts, each model's real cache minimum, list prices)`,
    renderTable(costs, 'd'),
    '',
    renderTokenProfile(emails, 'token profile (a-c)'),
    renderTokenProfile(leanEmails, 'token profile (d-e)'),
    `(a) costs ${(savingsVsLeanSingleModel * 100).toFixed(1)}% less than (d) and ${(savingsVsSingleModel * 100).toFixed(1)}% less than (b).`,
    '',
    renderTraffic(byMailRate, byId('e')),
  ].join('\n');

  const data: BenchResult['data'] = {
    generatedAt: new Date().toISOString(),
    tokenSource: 'lib/features/prompts builders + @anthropic-ai/sdk against devstack/claude-simulator (per-model cache minimums)',
    emails,
    leanEmails,
    scenarios: costs,
    savingsVsSingleModel,
    savingsVsLeanSingleModel,
    cacheReadShare: share,
    byMailRate,
  };
  await mkdir(path.dirname(OUTPUT), { recursive: true });
  await writeFile(OUTPUT, `${JSON.stringify(data, null, 2)}\n`);
  return { name: 'cost-per-email', summary, outputPath: OUTPUT, data };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCostBenchmark()
    .then((result) => console.log(`${result.summary}\n\nwrote ${path.relative(process.cwd(), result.outputPath)}`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
