import type { Attributes } from '@opentelemetry/api';
import { createObservationAttributes, LangfuseOtelSpanAttributes } from '@langfuse/tracing';
import type { GenerationRecord } from '../llm/observer';
import type { CostResult } from '../llm/pricing';
import type { TextMask } from './masking';
import { costDetails, usageDetails } from './usage-details';

/**
 * One GenerationRecord as the span attributes of a LangFuse generation. Observation
 * attributes come from the SDK's own mapper (createObservationAttributes), so the keys are
 * exactly what @langfuse/tracing would send. Trace-wide attributes (name, session, workflow)
 * go on every span: LangFuse v4 queries observations directly and only sees what each carries.
 */

export const TRACE_NAME = 'customer-message';
/** Compat spelling of the session attribute; the SDK itself writes `session.id`. */
const COMPAT_SESSION_ID = 'langfuse.session.id';

type MetadataValue = string | number | boolean;

function observationMetadata(record: GenerationRecord, mask: TextMask): Record<string, MetadataValue> {
  const metadata: Record<string, MetadataValue> = {};
  for (const [key, value] of Object.entries(record.metadata)) {
    if (value !== undefined) metadata[key] = typeof value === 'string' ? mask(value) : value;
  }
  metadata.purpose = record.purpose;
  metadata.attempt = record.attempt;
  metadata.retry = record.attempt > 1;
  return metadata;
}

// Copied to trace metadata so they are filterable on every observation of the trace.
const TRACE_METADATA_KEYS = ['workflowId', 'conversationId', 'messageId'] as const;

function traceAttributes(record: GenerationRecord): Attributes {
  const attributes: Attributes = {
    [LangfuseOtelSpanAttributes.TRACE_NAME]: TRACE_NAME,
    [LangfuseOtelSpanAttributes.TRACE_SESSION_ID]: record.sessionId,
    [COMPAT_SESSION_ID]: record.sessionId,
  };
  for (const key of TRACE_METADATA_KEYS) {
    const value = record.metadata[key];
    if (value !== undefined) attributes[`${LangfuseOtelSpanAttributes.TRACE_METADATA}.${key}`] = String(value);
  }
  return attributes;
}

export function generationAttributes(record: GenerationRecord, computed: CostResult, mask: TextMask): Attributes {
  const failed = record.error !== undefined;
  return {
    ...createObservationAttributes('generation', {
      model: record.model,
      modelParameters: record.modelParameters,
      input: record.input,
      output: record.output,
      usageDetails: usageDetails(record.usage),
      costDetails: costDetails(record.costUsd, computed),
      prompt: { name: record.promptName, version: record.promptVersion, isFallback: false },
      level: failed ? 'ERROR' : 'DEFAULT',
      statusMessage: failed ? mask(record.error ?? '') : undefined,
      metadata: observationMetadata(record, mask),
    }),
    ...traceAttributes(record),
  };
}
