import { APIConnectionError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { ApplicationFailure } from '@temporalio/activity';
import { MODEL_FAILURES, type ModelFailureType } from '../../lib/core/failures';

/**
 * Maps Anthropic API errors to Temporal failures by the error's type and code, never its
 * message (the SDK says the wording can change): errors retrying cannot fix are
 * non-retryable with a type from lib/core/failures.ts, so the workflow hands the conversation
 * to a person at once; the rest keep the server's retry-after as the next delay.
 */

/** The SDK's spend-cap code on a 429 (the tier's monthly threshold): retrying fails until next month. */
const SPEND_LIMIT_CODE = 'enforced_spend_limit_reached';

export interface ClassifiedModelError {
  /** A failure type from lib/core/failures.ts, or a transient one (ModelHttp429, ModelConnectionError). */
  type: string;
  retryable: boolean;
  /** Safe to show: the API's own message (never secrets) and its request id. */
  message: string;
  retryAfterSeconds?: number;
}

function permanent(type: ModelFailureType, message: string): ClassifiedModelError {
  return { type, retryable: false, message };
}

type HttpError = APIError<number | undefined, Headers | undefined>;

/** An answer from the API (an error body), as opposed to no answer at all. */
function isHttpError(error: unknown): error is HttpError {
  return error instanceof APIError && !(error instanceof APIConnectionError);
}

export function classifyModelError(error: unknown): ClassifiedModelError {
  // The activity was cancelled (an agent took over): not the API's failure.
  if (error instanceof APIUserAbortError) return { type: 'ModelCallCancelled', retryable: true, message: 'The call was cancelled' };
  if (!isHttpError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { type: 'ModelConnectionError', retryable: true, message: `Claude API unreachable: ${message}` };
  }
  const { status, type, errorCode } = error;
  const text = error.apiMessage ?? error.message;
  const message = `Claude API ${status ?? 'stream'} ${type ?? 'error'}: ${text}${error.requestID ? ` (request ${error.requestID})` : ''}`;
  if (errorCode === SPEND_LIMIT_CODE) return permanent(MODEL_FAILURES.spendLimit, message);
  if (type === 'billing_error' || status === 402) return permanent(MODEL_FAILURES.billing, message);
  if (type === 'authentication_error' || type === 'permission_error' || status === 401 || status === 403) {
    return permanent(MODEL_FAILURES.authFailed, message);
  }
  if (type === 'not_found_error' || status === 404) return permanent(MODEL_FAILURES.modelNotFound, message);
  // 400 covers malformed requests, a spend limit set in the Console and an exhausted prepaid
  // balance alike; none is fixed by retrying, and the API's message tells the person which.
  if (type === 'invalid_request_error' || status === 400 || status === 413 || status === 422) {
    return permanent(MODEL_FAILURES.requestRejected, message);
  }
  const retryAfter = Number(error.headers?.get('retry-after'));
  return {
    type: status === undefined ? 'ModelStreamError' : `ModelHttp${status}`,
    retryable: true,
    message,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  };
}

export function toActivityFailure(error: unknown): Error {
  const classified = classifyModelError(error);
  if (!classified.retryable) return ApplicationFailure.nonRetryable(classified.message, classified.type);
  return ApplicationFailure.create({
    message: classified.message,
    type: classified.type,
    nextRetryDelay: classified.retryAfterSeconds ? `${classified.retryAfterSeconds} seconds` : undefined,
  });
}
