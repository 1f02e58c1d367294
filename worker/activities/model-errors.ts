import { APIError } from '@anthropic-ai/sdk';
import { ApplicationFailure } from '@temporalio/activity';
import { MODEL_FAILURES } from '../../lib/core/failures';

/**
 * Maps Anthropic API errors to Temporal failures: retryable ones keep their server-advised
 * delay, the ones retrying cannot fix (bad request, auth, spend limit) are non-retryable.
 */
function isApiError(error: unknown): error is APIError<number | undefined, Headers | undefined> {
  return error instanceof APIError;
}

export function toActivityFailure(error: unknown): Error {
  if (!isApiError(error)) return error instanceof Error ? error : new Error(JSON.stringify(error));
  const apiError = error;
  const status = apiError.status;
  const message = `Claude API ${status ?? 'connection'} error: ${apiError.message}`;
  if (status === 400 || status === 404 || status === 413 || status === 422) {
    return ApplicationFailure.nonRetryable(message, MODEL_FAILURES.requestRejected);
  }
  if (status === 401 || status === 403) return ApplicationFailure.nonRetryable(message, MODEL_FAILURES.authFailed);
  if (status === 429 && /spend|credit balance|billing/i.test(apiError.message)) {
    return ApplicationFailure.nonRetryable(message, MODEL_FAILURES.spendLimit);
  }
  const retryAfter = Number(apiError.headers?.get('retry-after'));
  return ApplicationFailure.create({
    message,
    type: status === undefined ? 'ModelConnectionError' : `ModelHttp${status}`,
    nextRetryDelay: Number.isFinite(retryAfter) && retryAfter > 0 ? `${retryAfter} seconds` : undefined,
  });
}
