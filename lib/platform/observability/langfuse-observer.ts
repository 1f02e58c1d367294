import { createHash } from 'node:crypto';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { GenerationRecord, LlmObserver, ScoreRecord } from '../llm/observer';
import { DEFAULT_PRICE_TABLE, type PriceTable } from '../llm/price-table';
import { computeCostUsd } from '../llm/pricing';
import { BoundedFlush, settleWithin } from './bounded-flush';
import { generationAttributes } from './generation-attributes';
import { createTextMask, type TextMask } from './masking';
import { ScoreQueue } from './score-queue';
import { isTraceId } from './trace-ids';
import { createLangfuseTracing, type LangfuseTracing } from './tracer-provider';

/**
 * The LangFuse-backed LlmObserver. recordGeneration/recordScore only build and queue data
 * (synchronous, no I/O); exports happen in batches in the background and in flush(), which
 * waits at most flushTimeoutMs and not at all while LangFuse is known to be down or slow.
 * No method throws: observability must never fail or slow a model call.
 */

export interface LangfuseObserverConfig {
  publicKey: string;
  secretKey: string;
  baseUrl: string;
  maskPii: boolean;
  /** Per HTTP request to LangFuse (traces and scores). */
  exportTimeoutMs?: number;
  /** Longest flush() or shutdown() makes a caller wait. */
  flushTimeoutMs?: number;
  environment?: string;
  priceTable?: PriceTable;
  /** Values redacted wherever they appear (API keys); the LangFuse keys are always included. */
  secrets?: readonly (string | undefined)[];
  log?: (message: string) => void;
  flushAt?: number;
  flushIntervalSeconds?: number;
  scoreSendIntervalMs?: number;
}

export class LangfuseObserver implements LlmObserver {
  private readonly tracing: LangfuseTracing;
  private readonly scores: ScoreQueue;
  private readonly gate: BoundedFlush;
  private readonly mask: TextMask;
  private readonly prices: PriceTable;
  private readonly flushTimeoutMs: number;
  private readonly log: (message: string) => void;
  private closed = false;
  private warnedRecordFailure = false;

  constructor(config: LangfuseObserverConfig) {
    const exportTimeoutMs = config.exportTimeoutMs ?? 5_000;
    this.flushTimeoutMs = config.flushTimeoutMs ?? 2_000;
    this.prices = config.priceTable ?? { ...DEFAULT_PRICE_TABLE };
    this.log = config.log ?? ((message) => console.warn(message));
    this.mask = createTextMask({ maskPii: config.maskPii, secrets: [...(config.secrets ?? []), config.secretKey, config.publicKey] });
    this.tracing = createLangfuseTracing({
      publicKey: config.publicKey,
      secretKey: config.secretKey,
      baseUrl: config.baseUrl,
      mask: this.mask,
      exportTimeoutMs,
      environment: config.environment,
      flushAt: config.flushAt,
      flushIntervalSeconds: config.flushIntervalSeconds,
    });
    this.scores = new ScoreQueue({
      baseUrl: config.baseUrl,
      publicKey: config.publicKey,
      secretKey: config.secretKey,
      timeoutMs: exportTimeoutMs,
      environment: config.environment,
      sendIntervalMs: config.scoreSendIntervalMs,
    });
    this.gate = new BoundedFlush(() => this.exportAll(), this.flushTimeoutMs, (healthy) =>
      this.log(
        healthy
          ? '[observability] LangFuse export recovered.'
          : '[observability] LangFuse export is failing or slow; tracing continues in the background without delaying model calls.',
      ),
    );
  }

  recordGeneration(record: GenerationRecord): void {
    if (this.closed) return;
    try {
      const computed = computeCostUsd(record.model, record.usage, this.prices);
      const attributes = generationAttributes(record, computed, this.mask);
      const { tracer, ids } = this.tracing;
      const span = ids.withTraceId(this.validTraceId(record.traceId), () =>
        tracer.startSpan(record.name, { kind: SpanKind.CLIENT, startTime: record.startedAt, attributes }, ROOT_CONTEXT),
      );
      if (record.error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: this.mask(record.error) });
      span.end(record.endedAt);
    } catch (error) {
      this.warnOnce(error);
    }
  }

  recordScore(record: ScoreRecord): void {
    if (this.closed) return;
    try {
      // Comments are agents' free text: masked like prompts.
      const comment = record.comment === undefined ? undefined : this.mask(record.comment);
      this.scores.enqueue({ ...record, comment, traceId: this.validTraceId(record.traceId) });
    } catch (error) {
      this.warnOnce(error);
    }
  }

  async flush(): Promise<void> {
    await settleWithin(this.gate.flush(), this.flushTimeoutMs);
  }

  async shutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flush();
    await settleWithin(this.tracing.provider.shutdown(), this.flushTimeoutMs);
    this.scores.close();
  }

  private async exportAll(): Promise<void> {
    const [traces, scores] = await Promise.allSettled([this.tracing.provider.forceFlush(), this.scores.send()]);
    if (traces.status === 'rejected' || scores.status === 'rejected' || !scores.value) throw new Error('LangFuse export failed');
  }

  // A malformed id would make an invalid OTel span that is silently dropped; hashing keeps the
  // data (under a different id) and the warning tells the caller to fix traceIdFor usage.
  private validTraceId(traceId: string): string {
    if (isTraceId(traceId)) return traceId;
    this.warnOnce(new Error(`trace id is not 32 lowercase hex characters; use traceIdFor()`));
    return createHash('sha256').update(traceId).digest('hex').slice(0, 32);
  }

  private warnOnce(error: unknown): void {
    if (this.warnedRecordFailure) return;
    this.warnedRecordFailure = true;
    const message = error instanceof Error ? error.message : String(error);
    this.log(`[observability] could not record to LangFuse: ${this.mask(message)}`);
  }
}
