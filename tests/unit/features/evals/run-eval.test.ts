import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startClaudeSimulator, type ClaudeSimulator } from '../../../../devstack/claude-simulator';
import { PROJECT_ROOT } from '../../../../devstack/project-root';
import { createClaudeClient } from '../../../../lib/platform/llm/claude-client';
import { LangfuseEvalRecorder } from '../../../../lib/platform/observability/eval-recorder';
import { rootSpanIdFor } from '../../../../lib/platform/observability/trace-ids';
import { readDatasetFile } from '../../../../lib/features/evals/dataset-files';
import { resolveVariant } from '../../../../lib/features/evals/resolve-variant';
import { runEval, type EvalVariant } from '../../../../lib/features/evals/run-eval';
import { loadKnowledge } from '../../../../lib/features/knowledge/load-knowledge';
import { DRAFT_TEMPLATE } from '../../../../lib/features/prompts/draft-prompt';
import { startLangfuseReceiver, type LangfuseReceiver } from '../../platform/observability/langfuse-receiver';
import { exportedSpans, jsonAttribute } from '../../platform/observability/otlp-json';

// The eval machinery end to end, offline: the committed sample replayed through the Claude
// simulator with two prompt versions, and recorded at a local LangFuse stand-in as dataset runs.

let simulator: ClaudeSimulator;
let receiver: LangfuseReceiver;
let variants: EvalVariant[];
const items = readDatasetFile(path.join(PROJECT_ROOT, 'evals/datasets/sample.jsonl')).slice(0, 4);

beforeAll(async () => {
  simulator = await startClaudeSimulator({ port: 0 });
  variants = await Promise.all(
    ['code', 'file:evals/prompts/draft-reply.candidate.txt'].map((spec) => resolveVariant(spec, { model: 'claude-sonnet-4-6', root: PROJECT_ROOT })),
  );
});
afterAll(() => simulator.close());
beforeEach(async () => {
  simulator.reset();
  receiver = await startLangfuseReceiver();
});
afterEach(async () => {
  expect(receiver.rejected).toEqual([]);
  await receiver.close();
});

const claude = () => createClaudeClient({ apiKey: 'offline', baseURL: simulator.url, timeoutMs: 10_000 });
const knowledge = () => loadKnowledge({ dir: path.join(PROJECT_ROOT, 'docs/knowledge') });

describe('runEval', () => {
  it('replays every item with both prompt versions, scores each reply and grades it with the rubric', async () => {
    const results = await runEval({ items, variants, claude: claude(), graderModel: 'claude-haiku-4-5', knowledge: await knowledge() });
    expect(results.map((result) => result.variant.label)).toEqual([`code v${DRAFT_TEMPLATE.version}`, 'file:draft-reply.candidate.txt']);
    for (const result of results) {
      expect(result.items.map((item) => item.itemId)).toEqual(items.map((item) => item.id));
      for (const [index, item] of result.items.entries()) {
        expect(item.error).toBeUndefined();
        expect(item.reply).toBeTruthy();
        expect(item.grounding).toBeGreaterThanOrEqual(1);
        expect(item.tone).toBeGreaterThanOrEqual(1);
        expect(item.costUsd).toBeGreaterThan(0);
        // Distance only where the agent sent something.
        expect(item.similarity === undefined).toBe(items[index]?.expectedOutput.reply === null);
      }
    }
    // The two versions really differ: the candidate asks for replies under 60 words.
    const words = (text: string | null) => (text ?? '').split(/\s+/).length;
    const [code, candidate] = results;
    expect(candidate!.items.every((item, index) => words(item.reply) < words(code!.items[index]?.reply ?? null))).toBe(true);
    expect(simulator.stats().byPurpose).toMatchObject({ draft: 8, grade: 8 });
  });

  it('reports a failed call on its row and carries on', async () => {
    await fetch(`${simulator.url}/__simulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules: [{ purpose: 'draft', fault: 'refusal', times: 1 }] }),
    });
    const [result] = await runEval({ items: items.slice(0, 2), variants: variants.slice(0, 1), claude: claude(), graderModel: 'claude-haiku-4-5', knowledge: await knowledge() });
    expect(result?.items[0]?.error).toMatch(/stopped with refusal/);
    expect(result?.items[1]?.error).toBeUndefined();
  });

  it('records each variant as a LangFuse dataset run: items, traces with experiment attributes, scores and run items', async () => {
    const runNames = new Map(variants.map((variant) => [variant.label, `${variant.label} · test`]));
    const recorder = new LangfuseEvalRecorder({
      publicKey: 'pk-lf-eval-0001',
      secretKey: 'sk-lf-eval-0002',
      baseUrl: receiver.url,
      maskPii: true,
      datasetName: 'sample',
      runNames,
      runDescription: 'test run',
      release: 'rel-eval',
    });
    await recorder.prepare(items, { upsertItems: true });
    await runEval({ items, variants, claude: claude(), graderModel: 'claude-haiku-4-5', knowledge: await knowledge(), recorder });
    await recorder.finish();
    expect(recorder.failures).toEqual([]);

    expect([...receiver.datasetItems.keys()].sort()).toEqual(items.map((item) => item.id).sort());
    // Masked like everything else that leaves: the sample's customer addresses stay here.
    expect(JSON.stringify([...receiver.datasetItems.values()])).not.toMatch(/@example\.(com|org|net|fr)/);
    expect(receiver.datasetRunItems).toHaveLength(items.length * variants.length);
    expect(new Set(receiver.datasetRunItems.map((runItem) => runItem.runName))).toEqual(new Set(runNames.values()));

    const roots = exportedSpans(receiver.requests).filter((span) => span.name === 'eval-item');
    expect(roots).toHaveLength(items.length * variants.length);
    for (const runItem of receiver.datasetRunItems) {
      const root = roots.find((span) => span.traceId === runItem.traceId);
      expect(root?.spanId).toBe(rootSpanIdFor(String(runItem.traceId)));
      expect(runItem.observationId).toBe(root?.spanId);
      expect(root?.attributes).toMatchObject({
        'langfuse.experiment.name': runItem.runName,
        'langfuse.experiment.item.id': runItem.datasetItemId,
        'langfuse.experiment.item.root_observation_id': root?.spanId,
        'langfuse.experiment.dataset.id': receiver.datasets.get('sample')?.id,
        'langfuse.environment': 'sdk-experiment',
        'langfuse.release': 'rel-eval',
      });
      expect(root?.resource['service.name']).toBe('countersign-eval');
    }
    const generations = exportedSpans(receiver.requests).filter((span) => span.attributes['langfuse.observation.type'] === 'generation');
    expect(generations.map((span) => span.name).sort()).toEqual([...Array(items.length * variants.length).fill('draft'), ...Array(items.length * variants.length).fill('grade')].sort());
    // Masked on the structure: every prompt that left is still valid JSON.
    for (const span of generations) expect(() => jsonAttribute(span, 'langfuse.observation.input')).not.toThrow();

    const scores = [...receiver.scores.values()];
    const names = new Set(scores.map((score) => score.name));
    expect(names).toEqual(new Set(['similarity_to_agent', 'chars_to_agent_reply', 'grounding', 'tone']));
    expect(scores.filter((score) => score.name === 'grounding')).toHaveLength(items.length * variants.length);
  });
});
