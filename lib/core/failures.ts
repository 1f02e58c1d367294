/**
 * Failure types that cross the worker/workflow boundary: activities throw
 * ApplicationFailures of these types, workflows and retry policies match on them.
 */

/** The mail server refused the reply for good (5xx): retrying cannot deliver it. */
export const PERMANENT_DELIVERY_FAILURE = 'PermanentDeliveryFailure';

/** Claude API failures that retrying cannot fix. */
export const MODEL_FAILURES = {
  requestRejected: 'ModelRequestRejected',
  authFailed: 'ModelAuthFailed',
  spendLimit: 'ModelSpendLimit',
} as const;

export const NON_RETRYABLE_MODEL_FAILURES: string[] = Object.values(MODEL_FAILURES);
