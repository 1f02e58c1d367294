// The API's error answers, in its exact envelope: {type:"error", error:{type, message[, details]},
// request_id}, with a matching request-id header and the retry headers it sends. Messages follow
// the wording observed from api.anthropic.com (see /work/notes/anthropic.md §4 and §7.3).
import type { ErrorKind } from './faults';
import type { ApiErrorType } from './messages-api';

export interface ApiErrorAnswer {
  status: number;
  type: ApiErrorType;
  message: string;
  /** error.details: a stable error_code the SDK exposes as APIError.errorCode. */
  details?: { error_code: string };
  headers: Record<string, string>;
}

/** The first day of next month, 00:00 UTC: when a monthly limit resets. */
function nextMonth(now: Date): string {
  const reset = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return `${reset.toISOString().slice(0, 10)} at 00:00 UTC`;
}

/** The headers the API sends with a rate-limit 429, with the "exhausted" values that caused it. */
export function rateLimitHeaders(now: Date, retryAfterSeconds: number): Record<string, string> {
  const reset = new Date(now.getTime() + retryAfterSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const headers: Record<string, string> = { 'retry-after': String(retryAfterSeconds) };
  const limits: Record<string, number> = { requests: 50, tokens: 40_000, 'input-tokens': 30_000, 'output-tokens': 8_000 };
  for (const [name, limit] of Object.entries(limits)) {
    headers[`anthropic-ratelimit-${name}-limit`] = String(limit);
    headers[`anthropic-ratelimit-${name}-remaining`] = '0';
    headers[`anthropic-ratelimit-${name}-reset`] = reset;
  }
  return headers;
}

/**
 * x-should-retry as the API sends it: false on a 4xx except 408, 409 and 429, true on a
 * retryable answer. The tier spend cap (a 429 without retry-after) gets none: whether the real
 * API sends one is not documented, and without it the SDK would retry, which is the stricter test.
 */
function shouldRetryHeader(status: number, spendCap: boolean): Record<string, string> {
  if (spendCap) return {};
  const retryable = status === 408 || status === 409 || status === 429 || status >= 500;
  return { 'x-should-retry': retryable ? 'true' : 'false' };
}

function answer(status: number, type: ApiErrorType, message: string, extra: Partial<ApiErrorAnswer> = {}): ApiErrorAnswer {
  const spendCap = extra.details?.error_code === 'enforced_spend_limit_reached';
  return { status, type, message, ...extra, headers: { ...shouldRetryHeader(status, spendCap), ...extra.headers } };
}

export function errorAnswer(kind: Exclude<ErrorKind, 'timeout'>, model: string, now: Date = new Date()): ApiErrorAnswer {
  switch (kind) {
    case '429':
      return answer(429, 'rate_limit_error', "This request would exceed your organization's requests per minute rate limit (simulated).", {
        headers: rateLimitHeaders(now, 1),
      });
    case 'spend_limit':
      return answer(
        429,
        'rate_limit_error',
        "You have reached your API usage limits: your organization has crossed its monthly API usage threshold, set based on your organization's API tier. " +
          `You will regain access on ${nextMonth(now)}.`,
        { details: { error_code: 'enforced_spend_limit_reached' } },
      );
    case 'usage_limit':
      return answer(400, 'invalid_request_error', `You have reached your specified API usage limits. You will regain access on ${nextMonth(now)}.`);
    case 'credit_balance':
      return answer(
        400,
        'invalid_request_error',
        'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
      );
    case '400':
      return answer(400, 'invalid_request_error', 'messages.0.content.0.text: Input is malformed (simulated).');
    case '401':
      return answer(401, 'authentication_error', 'invalid x-api-key');
    case '402':
      return answer(402, 'billing_error', 'There is an issue with your billing or payment information (simulated).');
    case '403':
      return answer(403, 'permission_error', 'Your API key does not have permission to use the specified resource.');
    case '404':
      return answer(404, 'not_found_error', `model: ${model}`);
    case '500':
      return answer(500, 'api_error', 'Internal server error (simulated).');
    case '504':
      return answer(504, 'timeout_error', 'Request timed out (simulated).');
    case '529':
      return answer(529, 'overloaded_error', 'Overloaded');
  }
}
