import 'server-only';
import {
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { DecisionErrorCode, DecisionOutcome } from '../../core/decisions/decision-outcome';
import { DECISION_REFUSALS, type DecisionRefusalType } from '../../core/decisions/refusals';

type Failure = Extract<DecisionOutcome, { ok: false }>;

/**
 * The workflow's validators refuse with a typed failure (lib/core/decisions/refusals.ts);
 * each type tells the agent something different. The message is shown, never parsed.
 */
const REFUSALS: Record<DecisionRefusalType, { code: DecisionErrorCode; message: (detail: string) => string }> = {
  [DECISION_REFUSALS.superseded]: {
    code: 'superseded',
    message: () => 'The customer wrote again, so this draft was replaced. Review the new draft before deciding.',
  },
  [DECISION_REFUSALS.alreadyDecided]: {
    code: 'already_decided',
    message: () => 'This draft was already decided, probably by another agent. The page now shows what happened.',
  },
  [DECISION_REFUSALS.notCurrent]: {
    code: 'stale',
    message: (detail) => `This draft can no longer take that decision (${detail}). The page now shows its current state.`,
  },
  // The input's fault: the validator's own words say what to fix.
  [DECISION_REFUSALS.actorNotAllowed]: { code: 'invalid', message: capitalise },
  [DECISION_REFUSALS.invalidInput]: { code: 'invalid', message: capitalise },
  [DECISION_REFUSALS.resendNotConfirmed]: { code: 'invalid', message: capitalise },
  [DECISION_REFUSALS.lifecycleNotAllowed]: { code: 'invalid', message: capitalise },
  [DECISION_REFUSALS.undoTooLate]: { code: 'stale', message: (detail) => `Too late to undo: ${detail}.` },
  [DECISION_REFUSALS.replyBusy]: {
    code: 'busy',
    message: (detail) => `Not now: ${detail}. Nothing was sent; try again when it has finished.`,
  },
  [DECISION_REFUSALS.replyUnsupported]: {
    code: 'unsupported',
    message: () => 'This conversation runs on an older workflow version that cannot take manual replies or resends. Answer the customer outside Countersign.',
  },
  [DECISION_REFUSALS.nothingToResend]: {
    code: 'stale',
    message: (detail) => `There is nothing to resend (${detail}). The page now shows the current state.`,
  },
};

function refusalFor(type: string | undefined) {
  return type !== undefined && Object.hasOwn(REFUSALS, type) ? REFUSALS[type as DecisionRefusalType] : undefined;
}

function failure(code: DecisionErrorCode, message: string): Failure {
  return { ok: false, code, message };
}

/** Maps what executeUpdate throws to a typed result; unknown errors become "unavailable". */
export function mapUpdateError(error: unknown): Failure {
  if (error instanceof WorkflowUpdateFailedError) {
    const detail = error.cause?.message ?? error.message;
    const type = error.cause instanceof ApplicationFailure ? error.cause.type : undefined;
    const refusal = refusalFor(type ?? undefined);
    if (refusal) return failure(refusal.code, refusal.message(detail));
    // An update handler that failed for another reason: nothing the agent did wrong.
    console.error('decideDraft: the workflow failed the update', error);
    return failure('unavailable', 'The decision could not be applied. Nothing was decided; try again in a moment.');
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
