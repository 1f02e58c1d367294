import { createHash } from 'node:crypto';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, trace, type Attributes } from '@opentelemetry/api';
import { createObservationAttributes, createTraceAttributes, LangfuseOtelSpanAttributes } from '@langfuse/tracing';
import type { TokenUsage } from '../llm/observer';
import { DEFAULT_PRICE_TABLE, type PriceTable } from '../llm/price-table';
import { computeCostUsd } from '../llm/pricing';
import { LangfuseApi } from './langfuse-api';
import { createTextMask, maskValue, type MaskPattern, type TextMask } from './masking';
import { DATASET_DESCRIPTION } from './rest-bodies';
import { rootSpanIdFor } from './trace-ids';
import { createLangfuseTracing, type LangfuseTracing } from './tracer-provider';
import { costDetails, usageDetails } from './usage-details';

/**
 * Records an evaluation in LangFuse as dataset runs, one per variant (prompt version and
 * model): for every item a trace whose root observation is the replay (input: the item, output:
 * the reply) with the draft and grading calls as generations, the scores on it, and the link
 * to the dataset item, made both ways LangFuse knows: `POST /api/public/dataset-run-items` and
 * the `langfuse.experiment.*` attributes its v4 ingestion reads. Unlike the worker's observer
 * this is a batch job: failures are counted and reported, not only logged.
 */

export interface EvalCallRecord {
  name: 'draft' | 'grade';
  request: unknown;
  message: { model: string; content: unknown; stop_reason: string | null };
  usage: TokenUsage;
  costUsd: number;
  startedAt: Date;
  endedAt: Date;
  prompt: { name: string; version: number; source: 'langfuse' | 'code' };
}

export interface EvalItemRun {
  variantLabel: string;
  item: { id: string; input: unknown; expectedOutput: unknown };
  result: {
    reply: string | null;
    similarity?: number;
    editSize?: number;
    grounding?: number;
    tone?: number;
    unsupportedClaims: string[];
    toneProblems: string[];
    error?: string;
  };
  calls: EvalCallRecord[];
}

export interface EvalRunRecorder {
  recordItem(run: EvalItemRun): Promise<void>;
}

export interface LangfuseEvalRecorderConfig {
  publicKey: string;
  secretKey: string;
  baseUrl: string;
  maskPii: boolean;
  maskPatterns?: readonly MaskPattern[];
  release?: string;
  serviceVersion?: string;
  priceTable?: PriceTable;
  datasetName: string;
  /** LangFuse run name per variant label. */
  runNames: ReadonlyMap<string, string>;
  runDescription: string;
}

const EXPERIMENT_ENVIRONMENT = 'sdk-experiment';

function hex(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length);
}

export class LangfuseEvalRecorder implements EvalRunRecorder {
  readonly failures: string[] = [];
  private readonly api: LangfuseApi;
  private readonly tracing: LangfuseTracing;
  private readonly mask: TextMask;
  private datasetId: string | undefined;

  constructor(private readonly config: LangfuseEvalRecorderConfig) {
    this.api = new LangfuseApi({ baseUrl: config.baseUrl, publicKey: config.publicKey, secretKey: config.secretKey, timeoutMs: 15_000 });
    this.mask = createTextMask({ maskPii: config.maskPii, patterns: config.maskPatterns, secrets: [config.secretKey, config.publicKey] });
    this.tracing = createLangfuseTracing({
      publicKey: config.publicKey,
      secretKey: config.secretKey,
      baseUrl: config.baseUrl,
      mask: this.mask,
      exportTimeoutMs: 15_000,
      environment: EXPERIMENT_ENVIRONMENT,
      serviceName: 'countersign-eval',
      serviceVersion: config.serviceVersion,
      release: config.release,
    });
  }

  /**
   * The dataset (upserted by name) and, for items read from a local file, the items
   * themselves (upserted on their ids, masked), so every run can link to them.
   */
  async prepare(items: readonly { id: string; input: unknown; expectedOutput: unknown; metadata?: unknown }[], options: { upsertItems: boolean }): Promise<void> {
    const dataset = (await this.api.expectOk('POST', '/api/public/v2/datasets', { name: this.config.datasetName, description: DATASET_DESCRIPTION })) as { id?: unknown };
    if (typeof dataset.id !== 'string') throw new Error('LangFuse returned no dataset id');
    this.datasetId = dataset.id;
    if (!options.upsertItems) return;
    for (const item of items) {
      await this.api.expectOk('POST', '/api/public/dataset-items', {
        datasetName: this.config.datasetName,
        id: item.id,
        input: maskValue(this.mask, item.input),
        expectedOutput: maskValue(this.mask, item.expectedOutput),
        ...(item.metadata === undefined ? {} : { metadata: maskValue(this.mask, item.metadata) }),
      });
    }
  }

  async recordItem(run: EvalItemRun): Promise<void> {
    const runName = this.config.runNames.get(run.variantLabel) ?? run.variantLabel;
    const traceId = hex(`eval:${runName}:${run.item.id}`, 32);
    const rootId = rootSpanIdFor(traceId);
    const experiment: Attributes = {
      [LangfuseOtelSpanAttributes.EXPERIMENT_ID]: hex(`experiment:${this.config.datasetName}:${runName}`, 16),
      [LangfuseOtelSpanAttributes.EXPERIMENT_NAME]: runName,
      [LangfuseOtelSpanAttributes.EXPERIMENT_DESCRIPTION]: this.config.runDescription,
      [LangfuseOtelSpanAttributes.EXPERIMENT_ITEM_ID]: run.item.id,
      [LangfuseOtelSpanAttributes.EXPERIMENT_ITEM_ROOT_OBSERVATION_ID]: rootId,
      [LangfuseOtelSpanAttributes.EXPERIMENT_ITEM_EXPECTED_OUTPUT]: JSON.stringify(maskValue(this.mask, run.item.expectedOutput)),
      ...(this.datasetId ? { [LangfuseOtelSpanAttributes.EXPERIMENT_DATASET_ID]: this.datasetId } : {}),
      [LangfuseOtelSpanAttributes.TRACE_NAME]: `eval ${this.config.datasetName}`,
      [LangfuseOtelSpanAttributes.TRACE_TAGS]: ['eval', `variant:${run.variantLabel}`],
    };
    const input = maskValue(this.mask, run.item.input);
    const output = run.result.reply === null ? { error: run.result.error } : this.mask(run.result.reply);
    const started = run.calls[0]?.startedAt ?? new Date();
    const { tracer, ids } = this.tracing;
    const root = ids.withIds({ traceId, spanId: rootId }, () =>
      tracer.startSpan(
        'eval-item',
        {
          kind: SpanKind.INTERNAL,
          startTime: started,
          attributes: {
            ...createObservationAttributes('span', { input, output, metadata: { variant: run.variantLabel, error: run.result.error } }),
            ...createTraceAttributes({ input, output }),
            ...experiment,
          },
        },
        ROOT_CONTEXT,
      ),
    );
    const parent = trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId: rootId, traceFlags: TraceFlags.SAMPLED, isRemote: true });
    for (const call of run.calls) {
      const computed = computeCostUsd(call.message.model, call.usage, this.config.priceTable ?? DEFAULT_PRICE_TABLE);
      const span = tracer.startSpan(
        call.name,
        {
          kind: SpanKind.CLIENT,
          startTime: call.startedAt,
          attributes: {
            ...createObservationAttributes('generation', {
              model: call.message.model,
              input: maskValue(this.mask, call.request),
              output: maskValue(this.mask, call.message.content),
              usageDetails: usageDetails(call.usage),
              costDetails: costDetails(call.costUsd, computed),
              prompt: { name: call.prompt.name, version: call.prompt.version, isFallback: call.prompt.source !== 'langfuse' },
              metadata: { promptSource: call.prompt.source, promptName: call.prompt.name, promptVersion: call.prompt.version, priceEstimated: !computed.priced },
            }),
            ...experiment,
          },
        },
        parent,
      );
      span.end(call.endedAt);
    }
    if (run.result.error) root.setStatus({ code: SpanStatusCode.ERROR, message: this.mask(run.result.error) });
    root.end(run.calls.at(-1)?.endedAt ?? new Date());

    const scores: { name: string; value: number; comment?: string }[] = [];
    if (run.result.similarity !== undefined) scores.push({ name: 'similarity_to_agent', value: run.result.similarity });
    if (run.result.editSize !== undefined) scores.push({ name: 'chars_to_agent_reply', value: run.result.editSize });
    if (run.result.grounding !== undefined) scores.push({ name: 'grounding', value: run.result.grounding, comment: run.result.unsupportedClaims.join('; ') || undefined });
    if (run.result.tone !== undefined) scores.push({ name: 'tone', value: run.result.tone, comment: run.result.toneProblems.join('; ') || undefined });
    for (const score of scores) {
      await this.post('/api/public/scores', {
        id: hex(`score:${traceId}:${score.name}`, 32),
        traceId,
        observationId: rootId,
        name: score.name,
        value: score.value,
        dataType: 'NUMERIC',
        environment: EXPERIMENT_ENVIRONMENT,
        ...(score.comment ? { comment: this.mask(score.comment).slice(0, 2000) } : {}),
      });
    }
    await this.post('/api/public/dataset-run-items', {
      runName,
      runDescription: this.config.runDescription,
      datasetItemId: run.item.id,
      traceId,
      observationId: rootId,
      metadata: { variant: run.variantLabel, prompt: run.calls[0]?.prompt ?? null, model: run.calls[0]?.message.model ?? null },
    });
  }

  async finish(): Promise<void> {
    try {
      await this.tracing.provider.forceFlush();
    } catch (error) {
      this.failures.push(`traces: ${(error as Error).message}`);
    }
    await this.tracing.provider.shutdown().catch(() => undefined);
  }

  private async post(path: string, body: unknown): Promise<void> {
    try {
      await this.api.expectOk('POST', path, body);
    } catch (error) {
      this.failures.push((error as Error).message);
    }
  }
}
