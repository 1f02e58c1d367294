import 'server-only';
import { env } from '../config/env';
import { langfuseTraceUrl } from '../observability/trace-url';

/** The conversation's workflow in the Temporal UI (its id is the workflow id). */
export function temporalWorkflowUrl(workflowId: string): string {
  const config = env();
  const base = config.TEMPORAL_UI_URL.replace(/\/+$/, '');
  return `${base}/namespaces/${encodeURIComponent(config.TEMPORAL_NAMESPACE)}/workflows/${encodeURIComponent(workflowId)}`;
}

/** A model call's trace in LangFuse. */
export function traceUrl(traceId: string): string {
  const config = env();
  return langfuseTraceUrl(config.LANGFUSE_BASE_URL, traceId, config.LANGFUSE_PROJECT_ID);
}
