import { LangfuseApiError, type LangfuseApi } from './langfuse-api';

// LangFuse's DELETE /api/public/traces takes 1 to 1000 ids (DeleteTracesV1Body, strict).
const TRACES_PER_REQUEST = 1000;

/**
 * Deletes traces (with their observations and scores) through LangFuse's public API:
 * `DELETE /api/public/traces` with `{ traceIds }`. Ids LangFuse never saw are no error there,
 * so deleting again is safe. Any other answer than 2xx throws (the activity is retried).
 */
export async function deleteLangfuseTraces(api: LangfuseApi, traceIds: readonly string[]): Promise<void> {
  for (let start = 0; start < traceIds.length; start += TRACES_PER_REQUEST) {
    await api.expectOk('DELETE', '/api/public/traces', { traceIds: traceIds.slice(start, start + TRACES_PER_REQUEST) });
  }
}

/** `DELETE /api/public/dataset-items/{id}`; a 404 means it is already gone. */
export async function deleteLangfuseDatasetItem(api: LangfuseApi, id: string): Promise<void> {
  try {
    await api.expectOk('DELETE', `/api/public/dataset-items/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error instanceof LangfuseApiError && error.status === 404) return;
    throw error;
  }
}
