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

/**
 * Scores are upserted on id by LangFuse, so a retried send never duplicates a score. `key`
 * tells scores of one name apart that must not replace each other: one per decision (draft
 * version and kind), so a revise and the approve that follows are two scores.
 */
export function scoreIdFor(traceId: string, name: string, key?: string): string {
  return sha256Hex(key === undefined ? `score:${traceId}:${name}` : `score:${traceId}:${name}:${key}`).slice(0, 32);
}

/**
 * The span id of a message's root observation (the ticket): fixed, so every recording of the
 * ticket (opened, then its outcome) is the same observation, and generations are its children.
 */
export function rootSpanIdFor(traceId: string): string {
  const id = sha256Hex(`root:${traceId}`).slice(0, 16);
  return /^0+$/.test(id) ? '0000000000000001' : id;
}

export function isTraceId(value: string): boolean {
  return /^[0-9a-f]{32}$/.test(value) && !/^0+$/.test(value);
}
