import { createHash } from 'node:crypto';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, trace, type Attributes } from '@opentelemetry/api';
import type { DatasetItemRecord, GenerationRecord, LlmObserver, ScoreRecord, TicketRecord } from '../llm/observer';
import { DEFAULT_PRICE_TABLE, type PriceTable } from '../llm/price-table';
import { computeCostUsd } from '../llm/pricing';
import { BoundedFlush, settleWithin } from './bounded-flush';
import { generationAttributes } from './generation-attributes';
import { LangfuseApi } from './langfuse-api';
import { createTextMask, type MaskPattern, type TextMask } from './masking';
import { datasetItemRequests, scoreRequest } from './rest-bodies';
import { RestQueue } from './rest-queue';
import { ticketAttributes } from './ticket-attributes';
import type { CustomerIdentity } from './trace-attributes';
import { isTraceId, rootSpanIdFor } from './trace-ids';
import { createLangfuseTracing, type LangfuseTracing } from './tracer-provider';

/**
 * The LangFuse-backed LlmObserver. Every record* method only builds and queues data
 * (synchronous, no I/O); exports happen in batches in the background and in flush(), which
 * waits at most flushTimeoutMs and not at all while LangFuse is known to be down or slow.
 * No method throws: observability must never fail or slow a model call.
 *
 * A message's trace has one root observation, the ticket (fixed span id, started when the
 * message arrived), recorded when work on it starts and again when its outcome is known;
 * every generation is a child of it. So LangFuse shows the customer's mail and the reply
 * that went out, not the last raw prompt.
 */

export interface LangfuseObserverConfig {
  publicKey: string;
  secretKey: string;
  baseUrl: string;
  maskPii: boolean;
  /** The operator's extra patterns (LANGFUSE_MASK_PATTERNS). */
  maskPatterns?: readonly MaskPattern[];
  /** Keys the pseudonymous customer id; without it traces carry no user id. */
  customerKeySecret?: string;
  /** Send the customer's mail domain as trace metadata (default true). */
  customerDomain?: boolean;
  /** Resource service.name; default countersign-worker. */
  serviceName?: string;
  serviceVersion?: string;
  release?: string;
  /** Per HTTP request to LangFuse (traces and REST). */
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
  restSendIntervalMs?: number;
}

export class LangfuseObserver implements LlmObserver {
  private readonly tracing: LangfuseTracing;
  private readonly rest: RestQueue;
  private readonly gate: BoundedFlush;
  private readonly mask: TextMask;
  private readonly identity: CustomerIdentity;
  private readonly prices: PriceTable;
  private readonly environment: string | undefined;
  private readonly flushTimeoutMs: number;
  private readonly log: (message: string) => void;
  private closed = false;
  private warnedRecordFailure = false;

  constructor(config: LangfuseObserverConfig) {
    const exportTimeoutMs = config.exportTimeoutMs ?? 5_000;
    this.flushTimeoutMs = config.flushTimeoutMs ?? 2_000;
    this.prices = config.priceTable ?? { ...DEFAULT_PRICE_TABLE };
    this.environment = config.environment;
    this.log = config.log ?? ((message) => console.warn(message));
    this.mask = createTextMask({
      maskPii: config.maskPii,
      patterns: config.maskPatterns,
      secrets: [...(config.secrets ?? []), config.secretKey, config.publicKey, config.customerKeySecret],
    });
    this.identity = { secret: config.customerKeySecret, withDomain: config.customerDomain ?? true };
    this.tracing = createLangfuseTracing({
      publicKey: config.publicKey,
      secretKey: config.secretKey,
      baseUrl: config.baseUrl,
      mask: this.mask,
      exportTimeoutMs,
      environment: config.environment,
      serviceName: config.serviceName ?? 'countersign-worker',
      serviceVersion: config.serviceVersion,
      release: config.release,
      flushAt: config.flushAt,
      flushIntervalSeconds: config.flushIntervalSeconds,
    });
    const api = new LangfuseApi({ baseUrl: config.baseUrl, publicKey: config.publicKey, secretKey: config.secretKey, timeoutMs: exportTimeoutMs });
    this.rest = new RestQueue(api, { sendIntervalMs: config.restSendIntervalMs });
    this.gate = new BoundedFlush(() => this.exportAll(), this.flushTimeoutMs, (healthy) =>
      this.log(
        healthy
          ? '[observability] LangFuse export recovered.'
          : '[observability] LangFuse export is failing or slow; tracing continues in the background without delaying model calls.',
      ),
    );
  }

  recordGeneration(record: GenerationRecord): void {
    this.safely(() => {
      const computed = computeCostUsd(record.model, record.usage, this.prices);
      const attributes = generationAttributes(record, computed, this.mask, this.identity);
      const traceId = this.validTraceId(record.traceId);
      // A child of the ticket: the trace's input and output stay the customer's mail and the reply.
      const parent = trace.setSpanContext(ROOT_CONTEXT, {
        traceId,
        spanId: rootSpanIdFor(traceId),
        traceFlags: TraceFlags.SAMPLED,
        isRemote: true,
      });
      const span = this.tracing.tracer.startSpan(record.name, { kind: SpanKind.CLIENT, startTime: record.startedAt, attributes }, parent);
      if (record.error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: this.mask(record.error) });
      span.end(record.endedAt);
    });
  }

  recordTicket(record: TicketRecord): void {
    this.safely(() => {
      const traceId = this.validTraceId(record.traceId);
      const attributes: Attributes = ticketAttributes(record, this.mask, this.identity);
      const { tracer, ids } = this.tracing;
      const span = ids.withIds({ traceId, spanId: rootSpanIdFor(traceId) }, () =>
        tracer.startSpan('customer-message', { kind: SpanKind.SERVER, startTime: record.receivedAt, attributes }, ROOT_CONTEXT),
      );
      span.end(new Date(Math.max(Date.now(), record.receivedAt.getTime())));
    });
  }

  recordScore(record: ScoreRecord): void {
    this.safely(() => this.rest.enqueue(scoreRequest({ ...record, traceId: this.validTraceId(record.traceId) }, this.mask, this.environment)));
  }

  recordDatasetItem(record: DatasetItemRecord): void {
    this.safely(() => {
      const sourceTraceId = record.sourceTraceId === undefined ? undefined : this.validTraceId(record.sourceTraceId);
      this.rest.enqueue(...datasetItemRequests({ ...record, sourceTraceId }, this.mask));
    });
  }

  async flush(): Promise<void> {
    await settleWithin(this.gate.flush(), this.flushTimeoutMs);
  }

  async shutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flush();
    await settleWithin(this.tracing.provider.shutdown(), this.flushTimeoutMs);
    this.rest.close();
  }

  private safely(record: () => void): void {
    if (this.closed) return;
    try {
      record();
    } catch (error) {
      this.warnOnce(error);
    }
  }

  private async exportAll(): Promise<void> {
    const [traces, rest] = await Promise.allSettled([this.tracing.provider.forceFlush(), this.rest.send()]);
    if (traces.status === 'rejected' || rest.status === 'rejected' || !rest.value) throw new Error('LangFuse export failed');
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
