import type { Tracer } from '@opentelemetry/api';
import { LangfuseSpanProcessor } from '@langfuse/otel';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { FixedTraceIdGenerator } from './fixed-trace-id-generator';
import { maskAttributeValue, type TextMask } from './masking';

/**
 * A tracer provider of our own, never registered globally: the Temporal worker (and any
 * future OTel instrumentation) keeps the global provider and context manager to itself, and
 * only the spans started on this tracer go to LangFuse. The LangfuseSpanProcessor batches them
 * and exports OTLP/HTTP JSON to `${baseUrl}/api/public/otel/v1/traces` with Basic auth.
 */

export const TRACER_NAME = 'countersign.llm';

export interface LangfuseTracingConfig {
  publicKey: string;
  secretKey: string;
  baseUrl: string;
  mask: TextMask;
  exportTimeoutMs: number;
  environment?: string;
  /** Resource `service.name`: which process traced (countersign-worker, countersign-eval). */
  serviceName: string;
  /** Resource `service.version` (the package version). */
  serviceVersion?: string;
  /** LangFuse's release (a deploy tag or the git commit), on the resource and every span. */
  release?: string;
  /** Spans per export request. */
  flushAt?: number;
  flushIntervalSeconds?: number;
}

export interface LangfuseTracing {
  provider: NodeTracerProvider;
  tracer: Tracer;
  ids: FixedTraceIdGenerator;
}

export function createLangfuseTracing(config: LangfuseTracingConfig): LangfuseTracing {
  const processor = new LangfuseSpanProcessor({
    publicKey: config.publicKey,
    secretKey: config.secretKey,
    baseUrl: config.baseUrl.replace(/\/+$/, ''),
    exportMode: 'batched',
    flushAt: config.flushAt ?? 100,
    flushInterval: config.flushIntervalSeconds ?? 2,
    timeout: config.exportTimeoutMs / 1000,
    environment: config.environment,
    release: config.release,
    // Our prompts carry no base64 media; uploads would be extra calls to a possibly slow host.
    mediaUploadEnabled: false,
    mask: ({ data }: { data: unknown }) => maskAttributeValue(config.mask, data),
    // The default filter only passes spans of the SDK's own tracer or gen_ai.* attributes.
    shouldExportSpan: ({ otelSpan }) => otelSpan.instrumentationScope.name === TRACER_NAME,
    // Selects LangFuse's observation-first (v4) ingestion; older servers ignore it.
    additionalHeaders: { 'x-langfuse-ingestion-version': '4' },
  });
  const ids = new FixedTraceIdGenerator();
  const provider = new NodeTracerProvider({
    // Without a resource LangFuse shows `unknown_service`; release on the resource as well, as
    // LangFuse reads it from either place.
    resource: defaultResource().merge(
      resourceFromAttributes({
        'service.name': config.serviceName,
        ...(config.serviceVersion ? { 'service.version': config.serviceVersion } : {}),
        ...(config.release ? { 'langfuse.release': config.release } : {}),
      }),
    ),
    idGenerator: ids,
    spanProcessors: [processor],
    forceFlushTimeoutMillis: config.exportTimeoutMs * 2,
  });
  return { provider, tracer: provider.getTracer(TRACER_NAME), ids };
}
