/**
 * How model calls are reported to an observability backend (LangFuse). Activities call
 * this after every Claude call attempt; the implementation must never block or fail the
 * caller: exports are batched and a slow or absent backend costs nothing.
 */

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWrite5mTokens: number;
  cacheWrite1hTokens: number;
}

export type LlmPurpose = 'classify' | 'draft' | 'revise' | 'verify';

export interface GenerationRecord {
  /** Deterministic per processed customer message: see traceIdFor(). */
  traceId: string;
  /** LangFuse session: the conversation. */
  sessionId: string;
  name: string;
  purpose: LlmPurpose;
  model: string;
  promptName: string;
  promptVersion: number;
  input: unknown;
  output: unknown;
  usage: TokenUsage;
  costUsd: number;
  startedAt: Date;
  endedAt: Date;
  /** Set when the attempt failed; the generation is marked as an error. */
  error?: string;
  /** Temporal activity attempt (1-based); >1 marks a retry. */
  attempt: number;
  /**
   * Filterable context. Expected keys: workflowId, runId, conversationId, messageId, category;
   * workflowId, conversationId and messageId are also copied to the trace (keep them free of
   * personal data: trace-level copies are not masked).
   */
  metadata: Record<string, string | number | boolean | undefined>;
  /** Request parameters worth seeing beside the output (max_tokens, temperature). */
  modelParameters?: Record<string, string | number>;
}

export interface ScoreRecord {
  traceId: string;
  name: string;
  /** A string is sent as a CATEGORICAL score, a number as NUMERIC. */
  value: number | string;
  comment?: string;
  /**
   * Idempotency key: LangFuse upserts scores on id. Defaults to one derived from traceId and
   * name, so a re-sent or re-recorded score replaces the earlier one instead of adding a second.
   */
  id?: string;
}

export interface LlmObserver {
  recordGeneration(record: GenerationRecord): void;
  recordScore(record: ScoreRecord): void;
  /** Exports what is buffered; bounded in time, never throws. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

export const noopObserver: LlmObserver = {
  recordGeneration: () => undefined,
  recordScore: () => undefined,
  flush: async () => undefined,
  shutdown: async () => undefined,
};
