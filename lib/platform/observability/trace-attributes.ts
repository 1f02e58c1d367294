import type { Attributes } from '@opentelemetry/api';
import { LangfuseOtelSpanAttributes } from '@langfuse/tracing';
import { customerDomain, customerKey } from './customer-key';

/**
 * Trace-level attributes, put on every span of a message's trace: LangFuse v4 reads traces
 * from observations and only sees what each one carries, and the legacy ingestion merges them
 * into the trace (tags as a union). The customer appears only as a pseudonymous key.
 */

export const TRACE_NAME = 'customer-message';
/** Compat spelling of the session attribute; the SDK itself writes `session.id`. */
const COMPAT_SESSION_ID = 'langfuse.session.id';
// Copied to trace metadata so they are filterable on every observation of the trace.
const TRACE_METADATA_KEYS = ['workflowId', 'conversationId', 'messageId'] as const;

export interface CustomerIdentity {
  /** LANGFUSE_CUSTOMER_KEY_SECRET; without it no user id is sent. */
  secret?: string;
  /** Whether the address's domain goes along as trace metadata. */
  withDomain: boolean;
}

export interface TraceFields {
  sessionId: string;
  customerAddress?: string | null;
  tags?: readonly string[];
  metadata: Record<string, string | number | boolean | undefined>;
}

export function traceAttributes(fields: TraceFields, identity: CustomerIdentity): Attributes {
  const attributes: Attributes = {
    [LangfuseOtelSpanAttributes.TRACE_NAME]: TRACE_NAME,
    [LangfuseOtelSpanAttributes.TRACE_SESSION_ID]: fields.sessionId,
    [COMPAT_SESSION_ID]: fields.sessionId,
  };
  const address = fields.customerAddress ?? undefined;
  if (address && identity.secret) attributes[LangfuseOtelSpanAttributes.TRACE_USER_ID] = customerKey(identity.secret, address);
  const domain = address && identity.withDomain ? customerDomain(address) : undefined;
  if (domain) attributes[`${LangfuseOtelSpanAttributes.TRACE_METADATA}.customerDomain`] = domain;
  const tags = [...new Set((fields.tags ?? []).filter((tag) => tag.length > 0 && tag.length <= 200))];
  if (tags.length > 0) attributes[LangfuseOtelSpanAttributes.TRACE_TAGS] = tags;
  for (const key of TRACE_METADATA_KEYS) {
    const value = fields.metadata[key];
    if (value !== undefined) attributes[`${LangfuseOtelSpanAttributes.TRACE_METADATA}.${key}`] = String(value);
  }
  return attributes;
}
