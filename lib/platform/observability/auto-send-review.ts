import type { LlmObserver, ScoreRecord } from '../llm/observer';
import { scoreIdFor, traceIdFor } from './trace-ids';

/**
 * A person's review of a reply that went out on its own (the "sent automatically" queue): a
 * BOOLEAN `auto_send_ok` score on the message's trace, 0 when it should not have gone out,
 * so LangFuse can chart how often auto-send is wrong per prompt version and model. Keyed by
 * the draft version: reviewing again replaces the earlier verdict.
 */

export interface AutoSendReviewInput {
  conversationId: string;
  /** The customer message the auto-sent draft answered (Draft.basedOnMessageId). */
  messageId: string;
  draftVersion: number;
  verdict: 'ok' | 'should_not_have_sent';
  /** Why, in the reviewer's words (masked on the way out). */
  comment?: string;
  reviewerId?: string;
}

export function autoSendReviewScore(input: AutoSendReviewInput): ScoreRecord {
  const traceId = traceIdFor({ workflowId: input.conversationId, messageId: input.messageId });
  return {
    id: scoreIdFor(traceId, 'auto_send_ok', `v${input.draftVersion}`),
    traceId,
    name: 'auto_send_ok',
    value: input.verdict === 'ok' ? 1 : 0,
    dataType: 'BOOLEAN',
    metadata: { draftVersion: input.draftVersion, verdict: input.verdict, ...(input.reviewerId ? { reviewerId: input.reviewerId } : {}) },
    ...(input.comment ? { comment: input.comment } : {}),
  };
}

/** Records the review; like every observer call it never throws and never waits on LangFuse. */
export function recordAutoSendReviewScore(observer: LlmObserver, input: AutoSendReviewInput): void {
  observer.recordScore(autoSendReviewScore(input));
}
