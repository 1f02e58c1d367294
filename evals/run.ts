/**
 * `npm run eval`: replays a dataset of agents' edits and rejects against prompt versions and a
 * model, scores every reply (distance to what the agent sent; grounding and tone by a fixed
 * rubric, graded by Claude) and prints a comparison. Offline it starts the Claude simulator
 * itself; with LangFuse configured it reads the dataset from there and records dataset runs.
 *
 *   npm run eval                                   sample dataset (or LangFuse's), code vs candidate
 *   npm run eval -- --dataset tests/.artifacts/eval-dataset.jsonl
 *   npm run eval -- --prompt code --prompt langfuse:staging --model claude-sonnet-4-6
 */
import 'dotenv/config';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startClaudeSimulator, type ClaudeSimulator } from '../devstack/claude-simulator';
import { env, EnvError } from '../lib/platform/config/env';
import { createClaudeClient } from '../lib/platform/llm/claude-client';
import { withPriceOverrides } from '../lib/platform/llm/price-table';
import { LangfuseApi } from '../lib/platform/observability/langfuse-api';
import { LangfusePromptClient } from '../lib/platform/observability/langfuse-prompts';
import { LangfuseEvalRecorder } from '../lib/platform/observability/eval-recorder';
import { packageVersion, resolveRelease } from '../lib/platform/observability/release';
import { loadKnowledge } from '../lib/features/knowledge/load-knowledge';
import { DatasetFileError, readDatasetFile } from '../lib/features/evals/dataset-files';
import { GRADE_PROMPT } from '../lib/features/evals/grade-reply';
import { readLangfuseDataset } from '../lib/features/evals/langfuse-dataset';
import { renderReport } from '../lib/features/evals/render-report';
import { resolveVariant, VariantError } from '../lib/features/evals/resolve-variant';
import { runEval } from '../lib/features/evals/run-eval';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SAMPLE_DATASET = 'evals/datasets/sample.jsonl';
const DEFAULT_PROMPTS = ['code', 'file:evals/prompts/draft-reply.candidate.txt'];

async function main(): Promise<number> {
  const config = env();
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string' },
      'langfuse-dataset': { type: 'string' },
      prompt: { type: 'string', multiple: true },
      model: { type: 'string', default: config.CLAUDE_DRAFT_MODEL },
      'grader-model': { type: 'string', default: config.CLAUDE_CLASSIFY_MODEL },
      limit: { type: 'string' },
      json: { type: 'string' },
    },
  });
  const langfuse =
    config.LANGFUSE_PUBLIC_KEY && config.LANGFUSE_SECRET_KEY
      ? { publicKey: config.LANGFUSE_PUBLIC_KEY, secretKey: config.LANGFUSE_SECRET_KEY, baseUrl: config.LANGFUSE_BASE_URL }
      : undefined;
  const api = langfuse ? new LangfuseApi({ ...langfuse, timeoutMs: 15_000 }) : undefined;

  // The dataset: a file when given, else LangFuse's when configured, else the committed sample.
  const fromFile = values.dataset ?? (values['langfuse-dataset'] || api ? undefined : SAMPLE_DATASET);
  const datasetName = values['langfuse-dataset'] ?? (fromFile ? path.basename(fromFile).replace(/\.jsonl$/, '') : config.LANGFUSE_EVAL_DATASET);
  let items;
  let source: string;
  if (fromFile) {
    items = readDatasetFile(path.resolve(ROOT, fromFile));
    source = fromFile;
  } else {
    if (!api) throw new EnvError('--langfuse-dataset needs LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY');
    const read = await readLangfuseDataset(api, datasetName);
    if (read.items.length === 0) throw new DatasetFileError(`LangFuse dataset ${datasetName} has no usable items`);
    items = read.items;
    source = `LangFuse dataset ${datasetName}${read.skipped ? ` (${read.skipped} items not in Countersign's shape skipped)` : ''}`;
  }
  if (values.limit) items = items.slice(0, Number(values.limit));

  const prompts = api ? new LangfusePromptClient(api, { ttlSeconds: 60 }) : undefined;
  const variants = await Promise.all((values.prompt ?? DEFAULT_PROMPTS).map((spec) => resolveVariant(spec, { model: values.model, prompts, root: ROOT })));

  let simulator: ClaudeSimulator | undefined;
  if (!config.ANTHROPIC_API_KEY && !config.ANTHROPIC_BASE_URL) simulator = await startClaudeSimulator({ port: 0 });
  const claude = createClaudeClient({
    apiKey: config.ANTHROPIC_API_KEY ?? 'offline-simulator',
    baseURL: simulator?.url ?? config.ANTHROPIC_BASE_URL,
    timeoutMs: config.CLAUDE_TIMEOUT_MS,
  });
  const started = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const recorder = langfuse
    ? new LangfuseEvalRecorder({
        ...langfuse,
        maskPii: config.LANGFUSE_MASK_PII,
        maskPatterns: config.LANGFUSE_MASK_PATTERNS,
        release: resolveRelease({ release: config.RELEASE, root: ROOT }),
        serviceVersion: packageVersion(ROOT),
        priceTable: withPriceOverrides(config.CLAUDE_PRICES_JSON),
        datasetName,
        runNames: new Map(variants.map((variant) => [variant.label, `${variant.label} · ${variant.model} · ${started}`])),
        runDescription: `npm run eval: ${variants.map((variant) => variant.label).join(' vs ')}, graded by ${values['grader-model']} (${GRADE_PROMPT.name} v${GRADE_PROMPT.version})`,
      })
    : undefined;
  try {
    await recorder?.prepare(items, { upsertItems: Boolean(fromFile) });
    const results = await runEval({
      items,
      variants,
      claude,
      graderModel: values['grader-model'],
      knowledge: await loadKnowledge({ dir: path.resolve(ROOT, config.KNOWLEDGE_DIR) }),
      prices: withPriceOverrides(config.CLAUDE_PRICES_JSON),
      recorder,
    });
    const kinds = ['edited', 'rejected', 'agent_reply'].map((kind) => `${items.filter((item) => item.expectedOutput.decision === kind).length} ${kind.replace('_', ' ')}`);
    const heading = [
      `Eval of ${variants[0]?.prompt.name ?? 'draft-reply'} on ${source}: ${items.length} items (${kinds.join(', ')})`,
      `Draft model ${values.model}; graded by ${values['grader-model']} with the fixed rubric ${GRADE_PROMPT.name} v${GRADE_PROMPT.version}; Claude: ${simulator ? 'the offline simulator (started for this run)' : (config.ANTHROPIC_BASE_URL ?? 'the Anthropic API')}`,
    ].join('\n');
    console.log(renderReport(results, heading));
    if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2));
    await recorder?.finish();
    if (recorder) {
      console.log(recorder.failures.length === 0 ? `\nRecorded in LangFuse as dataset runs of ${datasetName}.` : `\nLangFuse did not take everything:\n  ${recorder.failures.join('\n  ')}`);
    }
    return results.every((result) => result.items.every((item) => item.error)) ? 1 : 0;
  } finally {
    await simulator?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof EnvError || error instanceof DatasetFileError || error instanceof VariantError;
    console.error(known ? error.message : error);
    process.exit(known ? 2 : 1);
  },
);
