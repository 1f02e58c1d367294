// No Node built-ins here, so client components may build dashboard links too.

/**
 * Link to a trace in the LangFuse UI. With a project id it is the canonical
 * `/project/<id>/traces/<traceId>`; without, `/trace/<traceId>`, which LangFuse redirects to
 * the trace's project for a signed-in user.
 */
export function langfuseTraceUrl(baseUrl: string, traceId: string, projectId?: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  const id = encodeURIComponent(traceId);
  return projectId ? `${base}/project/${encodeURIComponent(projectId)}/traces/${id}` : `${base}/trace/${id}`;
}
