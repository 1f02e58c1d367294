import * as wf from '@temporalio/workflow';
import { isModelFailureType, MODEL_FAILURES, modelUnavailableReason, needsPersonReason } from '../../lib/core/failures';

export interface ModelFailure {
  /** A type from lib/core/failures.ts. */
  type: string;
  /** What the agent reads on the conversation and in the "Needs a person" queue. */
  reason: string;
}

/**
 * Why a model activity failed for good, read from the failure's type (never its message):
 * a non-retryable type from the activity (billing, refusal, unknown model, ...), or the retry
 * window running out on transient errors. Anything else is a bug and fails the workflow task.
 */
export function modelFailureOf(error: unknown): ModelFailure {
  if (!(error instanceof wf.ActivityFailure)) throw error;
  const cause = error.cause;
  if (cause instanceof wf.ApplicationFailure && isModelFailureType(cause.type)) {
    return { type: cause.type, reason: needsPersonReason(cause.type, cause.message) };
  }
  // Retries exhausted: the schedule-to-close timeout (its cause is the last attempt's failure) or a retryable failure.
  const last = cause instanceof wf.TimeoutFailure ? (cause.cause?.message ?? cause.message) : cause?.message;
  return { type: MODEL_FAILURES.unavailable, reason: modelUnavailableReason(last) };
}
