import 'server-only';
import { env } from '../platform/config/env';
import { langfuseTraceUrl } from '../platform/observability/trace-url';

/** The conversation's workflow in the Temporal UI (its id is the workflow id). */
export function temporalWorkflowUrl(workflowId: string): string {
  const config = env();
  const base = config.TEMPORAL_UI_URL.replace(/\/+$/, '');
  return `${base}/namespaces/${encodeURIComponent(config.TEMPORAL_NAMESPACE)}/workflows/${encodeURIComponent(workflowId)}`;
}

/** A model call's trace in LangFuse, or undefined when tracing is off (no link to nowhere). */
export function traceUrl(traceId: string): string | undefined {
  const config = env();
  if (!config.LANGFUSE_PUBLIC_KEY || !config.LANGFUSE_SECRET_KEY) return undefined;
  return langfuseTraceUrl(config.LANGFUSE_BASE_URL, traceId, config.LANGFUSE_PROJECT_ID);
}
