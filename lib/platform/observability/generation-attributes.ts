import type { Attributes } from '@opentelemetry/api';
import { createObservationAttributes } from '@langfuse/tracing';
import type { GenerationRecord } from '../llm/observer';
import type { CostResult } from '../llm/pricing';
import { maskValue, type TextMask } from './masking';
import { traceAttributes, type CustomerIdentity } from './trace-attributes';
import { costDetails, usageDetails } from './usage-details';

/**
 * One GenerationRecord as the span attributes of a LangFuse generation. Observation
 * attributes come from the SDK's own mapper (createObservationAttributes), so the keys are
 * exactly what @langfuse/tracing would send; everything personal is masked on its structure
 * first. The prompt is linked only when it came from LangFuse: a code prompt has no version
 * there (the SDK treats it as a fallback the same way).
 */

type MetadataValue = string | number | boolean;

function observationMetadata(record: GenerationRecord, computed: CostResult, mask: TextMask): Record<string, MetadataValue> {
  const metadata: Record<string, MetadataValue> = {};
  for (const [key, value] of Object.entries(record.metadata)) {
    if (value !== undefined) metadata[key] = typeof value === 'string' ? mask(value) : value;
  }
  metadata.purpose = record.purpose;
  metadata.attempt = record.attempt;
  metadata.retry = record.attempt > 1;
  metadata.promptSource = record.promptSource ?? 'code';
  metadata.promptName = record.promptName;
  metadata.promptVersion = record.promptVersion;
  // The model is missing from the price table: the cost is an estimate at the fallback rates.
  metadata.priceEstimated = !computed.priced;
  return metadata;
}

export function generationAttributes(record: GenerationRecord, computed: CostResult, mask: TextMask, identity: CustomerIdentity): Attributes {
  const failed = record.error !== undefined;
  const linked = record.promptSource === 'langfuse';
  return {
    ...createObservationAttributes('generation', {
      model: record.model,
      modelParameters: record.modelParameters,
      input: maskValue(mask, record.input),
      output: maskValue(mask, record.output),
      usageDetails: usageDetails(record.usage),
      costDetails: costDetails(record.costUsd, computed),
      prompt: { name: record.promptName, version: record.promptVersion, isFallback: !linked },
      level: failed ? 'ERROR' : 'DEFAULT',
      statusMessage: failed ? mask(record.error ?? '') : undefined,
      metadata: observationMetadata(record, computed, mask),
    }),
    ...traceAttributes(record, identity),
  };
}
