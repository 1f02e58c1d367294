import { createHash } from 'node:crypto';

/**
 * Deterministic LangFuse/OpenTelemetry ids. A trace is derivable from what the app already
 * stores (workflow id + message id), so the dashboard can link to it and a later decision can
 * score it without keeping a LangFuse id anywhere. Node-only (node:crypto): workflows must
 * not import this; activities and server code do. Dashboard links: trace-url.ts.
 */

function sha256Hex(seed: string): string {
  return createHash('sha256').update(seed, 'utf8').digest('hex');
}

/**
 * Same algorithm as @langfuse/tracing's `createTraceId(seed)` (first 32 hex characters of
 * SHA-256), kept synchronous: the seed is `${workflowId}:${messageId}`.
 */
export function traceIdFor(input: { workflowId: string; messageId: string }): string {
  return sha256Hex(`${input.workflowId}:${input.messageId}`).slice(0, 32);
}

/** Scores are upserted on id by LangFuse, so a retried send never duplicates a score. */
export function scoreIdFor(traceId: string, name: string): string {
  return sha256Hex(`score:${traceId}:${name}`).slice(0, 32);
}

export function isTraceId(value: string): boolean {
  return /^[0-9a-f]{32}$/.test(value) && !/^0+$/.test(value);
}
