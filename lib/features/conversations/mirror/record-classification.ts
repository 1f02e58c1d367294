import type { Classification } from '../../prompts/classification';
import { getDb, type Db } from '../../../platform/db';
import { appendEvent } from '../../timeline/append-event';

export interface RecordClassificationInput {
  conversationId: string;
  messageId: string;
  /** Absent when the model's answer could not be used; `error` then says why. */
  data?: Classification;
  error?: string;
  model: string;
  /** Prompt tokens (`promptTokens`: cache reads and writes included), summed over the calls it took (a corrective retry is a second call). */
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/** Stores the classification of a message and mirrors its headline fields on the conversation. */
export async function recordClassification(input: RecordClassificationInput, db: Db = getDb()): Promise<void> {
  const { data } = input;
  const row = {
    conversationId: input.conversationId,
    ok: data !== undefined,
    error: data ? null : (input.error ?? 'classification unavailable'),
    category: data?.category ?? null,
    priority: data?.priority ?? null,
    sentiment: data?.sentiment ?? null,
    language: data?.language ?? null,
    riskScore: data?.risk_score ?? null,
    riskReasons: data?.risk_reasons ?? [],
    confidence: data?.confidence ?? null,
    requiresHuman: data?.requires_human ?? true,
    injectionSuspected: data?.injection_suspected ?? false,
    injectionReasons: data?.injection_reasons ?? [],
    summary: data?.summary ?? null,
    model: input.model,
  };
  await db.$transaction(async (tx) => {
    await tx.classification.upsert({ where: { messageId: input.messageId }, create: { messageId: input.messageId, ...row }, update: row });
    await tx.conversation.update({
      where: { id: input.conversationId },
      data: { category: row.category, priority: row.priority, riskScore: row.riskScore, injectionSuspected: row.injectionSuspected },
    });
    await appendEvent(
      {
        conversationId: input.conversationId,
        key: `classified:${input.messageId}`,
        type: 'classified',
        data: {
          messageId: input.messageId,
          ok: row.ok,
          error: row.error ?? undefined,
          category: data?.category,
          priority: data?.priority,
          riskScore: data?.risk_score,
          confidence: data?.confidence,
          injectionSuspected: data?.injection_suspected,
          model: input.model,
          inputTokens: input.inputTokens,
          outputTokens: input.outputTokens,
          costUsd: input.costUsd,
        },
      },
      tx,
    );
  });
}
