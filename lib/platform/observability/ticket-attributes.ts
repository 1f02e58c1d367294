import type { Attributes } from '@opentelemetry/api';
import { createObservationAttributes, createTraceAttributes } from '@langfuse/tracing';
import type { TicketRecord } from '../llm/observer';
import { maskValue, type TextMask } from './masking';
import { traceAttributes, type CustomerIdentity } from './trace-attributes';

/**
 * The root observation of a message's trace, which is what a manager reads first: input is the
 * customer's mail, output the reply that went out (or the decision), tags say category, route,
 * outcome and model. Input and output are set on the trace as well as on the observation:
 * LangFuse's legacy traces read the former, v4 the root observation's.
 */
export function ticketAttributes(record: TicketRecord, mask: TextMask, identity: CustomerIdentity): Attributes {
  const input = maskValue(mask, record.input);
  const output = record.output === undefined ? undefined : maskValue(mask, record.output);
  const metadata: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(record.metadata)) {
    if (value !== undefined) metadata[key] = typeof value === 'string' ? mask(value) : value;
  }
  return {
    ...createObservationAttributes('span', { input, output, metadata }),
    ...createTraceAttributes({ input, output }),
    ...traceAttributes(record, identity),
  };
}
