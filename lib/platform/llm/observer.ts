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

export type LlmPurpose = 'classify' | 'draft' | 'revise' | 'verify' | 'ground' | 'select';

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
  /**
   * Where the prompt text came from: LangFuse (linked to the generation by name and version)
   * or the code (not linked: LangFuse has no such version). Absent: code.
   */
  promptSource?: 'langfuse' | 'code';
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
  /** The customer's address: turned into the trace's pseudonymous user id, never sent itself. */
  customerAddress?: string | null;
  /** Trace tags known when the call was made (the category once classified). */
  tags?: string[];
}

/**
 * One customer message as LangFuse shows it: a trace that reads like a ticket. Recorded when
 * the message is first worked on and again when its outcome is known (sent, rejected); each
 * recording replaces the trace's input, output and tags, so the last one wins.
 */
export interface TicketRecord {
  traceId: string;
  /** The conversation. */
  sessionId: string;
  /** When the customer's message arrived: the same at every recording of this ticket. */
  receivedAt: Date;
  /** Turned into the pseudonymous user id (and, if enabled, the domain); never sent itself. */
  customerAddress?: string | null;
  /** The customer's mail; masked on its way out. */
  input: unknown;
  /** The reply that went out, or the decision when none did. */
  output?: unknown;
  /** Readable filters: `category:billing`, `route:review`, `outcome:sent`, `model:…`. */
  tags: string[];
  metadata: Record<string, string | number | boolean | undefined>;
}

export type ScoreDataType = 'NUMERIC' | 'CATEGORICAL' | 'BOOLEAN' | 'CORRECTION';

export interface ScoreRecord {
  traceId: string;
  name: string;
  /** A string is sent as a CATEGORICAL score, a number as NUMERIC, unless dataType says otherwise. */
  value: number | string;
  dataType?: ScoreDataType;
  comment?: string;
  metadata?: Record<string, string | number | boolean>;
  /**
   * Idempotency key: LangFuse upserts scores on id. Defaults to one derived from traceId and
   * name; scores that must not replace each other (one per decision) pass their own.
   */
  id?: string;
}

/** An example for evaluations (a LangFuse dataset item); upserted on id. */
export interface DatasetItemRecord {
  datasetName: string;
  id: string;
  input: unknown;
  expectedOutput: unknown;
  metadata?: Record<string, unknown>;
  /** The trace the example came from. */
  sourceTraceId?: string;
}

export interface LlmObserver {
  recordGeneration(record: GenerationRecord): void;
  recordTicket(record: TicketRecord): void;
  recordScore(record: ScoreRecord): void;
  recordDatasetItem(record: DatasetItemRecord): void;
  /** Exports what is buffered; bounded in time, never throws. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

export const noopObserver: LlmObserver = {
  recordGeneration: () => undefined,
  recordTicket: () => undefined,
  recordScore: () => undefined,
  recordDatasetItem: () => undefined,
  flush: async () => undefined,
  shutdown: async () => undefined,
};
