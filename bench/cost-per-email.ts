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
import { renderTable, renderTokenProfile } from './cost-per-email/report';
import { priceScenario, type Scenario, type ScenarioCost } from './cost-per-email/scenarios';

/**
 * Cost per processed email: (a) Haiku classifies and Sonnet drafts with prompt caching, the
 * app's design, against (b) one strong model (Sonnet) for both without caching. Token counts
 * come from the demo set run offline through the real prompt builders (see measure-tokens.ts);
 * prices from the price table (with CLAUDE_PRICES_JSON applied when set).
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
    scenarios: ScenarioCost[];
    savingsVsSingleModel: number;
  };
}

const OUTPUT = path.join(PROJECT_ROOT, 'bench', 'results', 'cost-per-email.json');

function scenarios(classifyModel: string, draftModel: string): Scenario[] {
  return [
    { id: 'a', label: `${classifyModel} classify + ${draftModel} draft, cached`, classifyModel, draftModel, caching: true },
    { id: 'b', label: `${draftModel} for both, no caching`, classifyModel: draftModel, draftModel, caching: false },
    { id: 'c', label: `${classifyModel} + ${draftModel}, no caching (reference)`, classifyModel, draftModel, caching: false },
  ];
}

export async function runCostBenchmark(source: Record<string, string | undefined> = {}): Promise<BenchResult> {
  // Model choices and prices as the app would use them; defaults unless a caller passes an env.
  const env = parseEnv(source);
  const prices = withPriceOverrides(env.CLAUDE_PRICES_JSON);
  const simulator = await startClaudeSimulator({ port: 0 });
  let emails: EmailTokens[];
  try {
    emails = await measureDemoTokens({
      claude: createClaudeClient({ apiKey: 'offline-benchmark', baseURL: simulator.url, timeoutMs: 30_000 }),
      classifyModel: env.CLAUDE_CLASSIFY_MODEL,
      draftModel: env.CLAUDE_DRAFT_MODEL,
      categories: env.CATEGORIES,
      knowledge: await loadKnowledge({ dir: path.resolve(PROJECT_ROOT, env.KNOWLEDGE_DIR) }),
    });
  } finally {
    await simulator.close();
  }

  const costs = scenarios(env.CLAUDE_CLASSIFY_MODEL, env.CLAUDE_DRAFT_MODEL).map((scenario) => priceScenario(scenario, emails, prices));
  const [designed, single] = costs;
  const savingsVsSingleModel = designed && single ? 1 - designed.meanPerEmailUsd / single.meanPerEmailUsd : 0;
  const summary = [
    `Cost per email, ${emails.length} demo emails (offline simulator token counts, list prices)`,
    renderTable(costs, 'b'),
    '',
    renderTokenProfile(emails),
    `(a) costs ${(savingsVsSingleModel * 100).toFixed(1)}% less than (b).`,
  ].join('\n');

  const data: BenchResult['data'] = {
    generatedAt: new Date().toISOString(),
    tokenSource: 'lib/llm/prompts builders + @anthropic-ai/sdk against lib/devstack/claude-simulator',
    emails,
    scenarios: costs,
    savingsVsSingleModel,
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
