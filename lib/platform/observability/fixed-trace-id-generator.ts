import { RandomIdGenerator, type IdGenerator } from '@opentelemetry/sdk-trace-base';

/**
 * Lets a root span start with ids chosen by the caller: the message's deterministic trace id
 * and, for the ticket observation, its deterministic span id, so recording the ticket again
 * (when its outcome is known) replaces that observation instead of adding a second root.
 * Safe because Tracer.startSpan asks for the ids synchronously: nothing can interleave.
 */
export class FixedTraceIdGenerator implements IdGenerator {
  private readonly random = new RandomIdGenerator();
  private nextTraceId: string | undefined;
  private nextSpanId: string | undefined;

  withIds<T>(ids: { traceId: string; spanId?: string }, start: () => T): T {
    this.nextTraceId = ids.traceId;
    this.nextSpanId = ids.spanId;
    try {
      return start();
    } finally {
      this.nextTraceId = undefined;
      this.nextSpanId = undefined;
    }
  }

  generateTraceId(): string {
    return this.nextTraceId ?? this.random.generateTraceId();
  }

  generateSpanId(): string {
    const fixed = this.nextSpanId;
    this.nextSpanId = undefined;
    return fixed ?? this.random.generateSpanId();
  }
}
