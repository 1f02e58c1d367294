import 'server-only';
import {
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import type { DecisionErrorCode, DecisionOutcome } from '../../core/decisions/decision-outcome';

type Failure = Extract<DecisionOutcome, { ok: false }>;

/**
 * The workflow's validators refuse with plain messages (worker/workflows/conversation-state.ts);
 * these patterns sort them into what the agent needs to know.
 */
const REFUSALS: { pattern: RegExp; code: DecisionErrorCode; message: (detail: string) => string }[] = [
  {
    pattern: /superseded/i,
    code: 'superseded',
    message: () => 'The customer wrote again, so this draft was replaced. Review the new draft before deciding.',
  },
  {
    pattern: /already decided/i,
    code: 'already_decided',
    message: () => 'This draft was already decided, probably by another agent. The page now shows what happened.',
  },
  {
    pattern: /stale|no draft is waiting|not on an auto-send hold|auto-send hold; cancel/i,
    code: 'stale',
    message: (detail) => `This draft can no longer take that decision (${detail}). The page now shows its current state.`,
  },
];

function failure(code: DecisionErrorCode, message: string): Failure {
  return { ok: false, code, message };
}

/** Maps what executeUpdate throws to a typed result; unknown errors become "unavailable". */
export function mapUpdateError(error: unknown): Failure {
  if (error instanceof WorkflowUpdateFailedError) {
    const detail = error.cause?.message ?? error.message;
    const refusal = REFUSALS.find((entry) => entry.pattern.test(detail));
    if (refusal) return failure(refusal.code, refusal.message(detail));
    // Any other validator refusal (empty reason, unknown actor...) is the input's fault.
    return failure('invalid', capitalise(detail));
  }
  if (error instanceof WorkflowNotFoundError) {
    return failure('not_found', 'This conversation’s workflow is not running any more, so it cannot take decisions.');
  }
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    // The update may still land; the same request id makes a retry safe.
    return failure('unavailable', 'Temporal did not confirm in time. Try again: the same click is never applied twice.');
  }
  if (error instanceof ServiceError) {
    return failure('unavailable', 'Temporal is unreachable right now. Nothing was decided; try again in a moment.');
  }
  return failure('unavailable', 'The decision could not be delivered. Nothing was decided; try again in a moment.');
}

function capitalise(text: string): string {
  const trimmed = text.trim();
  return trimmed ? `${trimmed[0]?.toUpperCase()}${trimmed.slice(1)}${/[.!?]$/.test(trimmed) ? '' : '.'}` : 'The workflow refused this decision.';
}
