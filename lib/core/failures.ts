/**
 * Failure types that cross the worker/workflow boundary: activities throw
 * ApplicationFailures of these types, workflows and retry policies match on them.
 */

/** The mail server refused the reply for good (5xx): retrying cannot deliver it. */
export const PERMANENT_DELIVERY_FAILURE = 'PermanentDeliveryFailure';

/** How long a transient model failure (429, 5xx, timeouts) is retried before a person takes over. */
export const MODEL_RETRY_WINDOW_MINUTES = 30;

/**
 * Claude failures that retrying cannot fix, chosen by the API's error type and code (never
 * its message), or by the stop reason of an answer that cannot be used.
 */
export const MODEL_FAILURES = {
  /** 400 invalid_request_error: a malformed request, a spend limit you set, or no prepaid credit left. */
  requestRejected: 'ModelRequestRejected',
  /** 401 authentication_error or 403 permission_error. */
  authFailed: 'ModelAuthFailed',
  /** 404 not_found_error: an unknown or retired model id. */
  modelNotFound: 'ModelNotFound',
  /** 402 billing_error. */
  billing: 'ModelBillingError',
  /** 429 whose error.details.error_code is enforced_spend_limit_reached (the tier's monthly cap). */
  spendLimit: 'ModelSpendLimit',
  /** Our own monthly or daily model-spend budget (settings): Claude is not called at all. */
  budgetReached: 'ModelBudgetReached',
  /** stop_reason refusal: never continued, the turn is dropped. */
  refused: 'ModelRefused',
  /** stop_reason max_tokens even after a retry with a larger budget. */
  truncated: 'ModelOutputTruncated',
  /** No content (or only whitespace) where an answer was asked for. */
  empty: 'ModelEmptyOutput',
  /** An answer that is not what was asked for, even after the corrective retry. */
  invalidOutput: 'ModelOutputInvalid',
  /** stop_reason pause_turn twice: the turn never finished. */
  paused: 'ModelTurnPaused',
  /** stop_reason model_context_window_exceeded even with the shortest thread. */
  contextExceeded: 'ModelContextExceeded',
  /** Transient failures (429, 5xx, timeouts) for the whole retry window: set by the workflow, never thrown. */
  unavailable: 'ModelUnavailable',
} as const;

export type ModelFailureType = (typeof MODEL_FAILURES)[keyof typeof MODEL_FAILURES];

export const NON_RETRYABLE_MODEL_FAILURES: string[] = Object.values(MODEL_FAILURES);

/** What the agent reads first, per failure type; the activity's message adds the detail. */
export const MODEL_FAILURE_HEADLINES: Record<ModelFailureType, string> = {
  ModelRequestRejected: 'Claude rejected the request',
  ModelAuthFailed: 'The Claude API key was refused',
  ModelNotFound: 'Model unavailable',
  ModelBillingError: 'Billing limit reached',
  ModelSpendLimit: 'Spend limit reached',
  ModelBudgetReached: 'Model spend budget reached',
  ModelRefused: 'Claude refused',
  ModelOutputTruncated: 'Cut off at the token limit',
  ModelEmptyOutput: 'Claude returned an empty answer',
  ModelOutputInvalid: 'Claude’s answer was not usable',
  ModelTurnPaused: 'Claude paused before finishing',
  ModelContextExceeded: 'The conversation is too long for the model',
  ModelUnavailable: `Model unavailable for ${MODEL_RETRY_WINDOW_MINUTES} min`,
};

export function isModelFailureType(type: string | null | undefined): type is ModelFailureType {
  return type !== null && type !== undefined && Object.hasOwn(MODEL_FAILURE_HEADLINES, type);
}

/** The reason shown when a conversation moves to "Needs a person": headline, then detail. */
export function needsPersonReason(type: ModelFailureType, detail?: string): string {
  const headline = MODEL_FAILURE_HEADLINES[type];
  const extra = detail?.trim();
  return extra ? `${headline}: ${extra}` : headline;
}

/** Transient failures retried for the whole window without success. */
export function modelUnavailableReason(lastError?: string): string {
  const base = MODEL_FAILURE_HEADLINES.ModelUnavailable;
  return lastError ? `${base} (last error: ${lastError})` : base;
}

/**
 * The database (or the network to it) failed inside a layer of the send gate: an
 * infrastructure blip, not a verdict. The workflow retries the layer under the database tier's
 * policy instead of counting it as the layer's "no".
 */
export const DATABASE_UNAVAILABLE = 'DatabaseUnavailable';
