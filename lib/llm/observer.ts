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

export type LlmPurpose = 'classify' | 'draft' | 'revise';

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
  metadata: Record<string, string | number | boolean | undefined>;
}

export interface ScoreRecord {
  traceId: string;
  name: string;
  value: number | string;
  comment?: string;
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
