import { getDb, type Db } from '../../../platform/db';
import type { LlmPurpose } from '../../../platform/llm/observer';

export interface LlmCallRecord {
  /** Unique per call attempt (run, activity, attempt, call index): a repeated write adds nothing. */
  callKey: string;
  conversationId: string;
  messageId: string;
  purpose: LlmPurpose;
  model: string;
  promptName: string;
  promptVersion: number;
  attempt: number;
  ok: boolean;
  error?: string;
  /** By API error type/code (lib/core/failures.ts), or the transient type that was retried. */
  errorType?: string;
  stopReason?: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWrite5mTokens: number;
  cacheWrite1hTokens: number;
  costUsd: number;
  /** The model is missing from the price table: costUsd is priced at the fallback rates. */
  priceEstimated: boolean;
  latencyMs: number;
  traceId: string;
  workflowId: string;
  runId: string;
}

/** Stores one Claude call with its tokens and cost, and adds the cost to the conversation. */
export async function recordLlmCall({ callKey, ...row }: LlmCallRecord, db: Db = getDb()): Promise<void> {
  await db.$transaction([
    db.llmCall.upsert({ where: { callKey }, create: { callKey, ...row }, update: {} }),
    db.conversation.update({ where: { id: row.conversationId }, data: { costUsd: { increment: row.costUsd } } }),
  ]);
}
