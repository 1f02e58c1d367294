import { RandomIdGenerator, type IdGenerator } from '@opentelemetry/sdk-trace-base';

/**
 * Lets a root span start in a trace id chosen by the caller. Each generation is exported as a
 * root observation of its message's deterministic trace, rather than as the child of an
 * invented parent span that never arrives (LangFuse v4 wants real roots). Safe because
 * Tracer.startSpan asks for the trace id synchronously: nothing can interleave.
 */
export class FixedTraceIdGenerator implements IdGenerator {
  private readonly random = new RandomIdGenerator();
  private next: string | undefined;

  withTraceId<T>(traceId: string, start: () => T): T {
    this.next = traceId;
    try {
      return start();
    } finally {
      this.next = undefined;
    }
  }

  generateTraceId(): string {
    return this.next ?? this.random.generateTraceId();
  }

  generateSpanId(): string {
    return this.random.generateSpanId();
  }
}
