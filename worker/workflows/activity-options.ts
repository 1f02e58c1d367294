import type { ActivityOptions, LocalActivityOptions } from '@temporalio/workflow';
import { MODEL_RETRY_WINDOW_MINUTES, NON_RETRYABLE_MODEL_FAILURES, PERMANENT_DELIVERY_FAILURE } from '../../lib/core/failures';

/**
 * Retry tiers. Model calls back off and give up on errors that retrying cannot fix;
 * SMTP retries patiently (relays recover) but never on a permanent rejection; database
 * writes retry quickly (a database failover, a dropped connection).
 */

export const modelActivity: ActivityOptions = {
  startToCloseTimeout: '3 minutes',
  // Long model calls heartbeat: a worker that dies mid-call is noticed in seconds, not minutes.
  heartbeatTimeout: '20 seconds',
  // After this window the workflow hands the conversation to a person ("model unavailable").
  scheduleToCloseTimeout: `${MODEL_RETRY_WINDOW_MINUTES} minutes`,
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: NON_RETRYABLE_MODEL_FAILURES,
  },
};

export const smtpActivity: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '2 hours',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    nonRetryableErrorTypes: [PERMANENT_DELIVERY_FAILURE],
  },
};

export const dbActivity: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds', maximumAttempts: 30 },
};

/**
 * The second check of a draft: a failure only means a person decides, so it gives up
 * quickly rather than holding the draft back for the model retry window.
 */
export const verifyActivity: ActivityOptions = {
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '20 seconds',
  scheduleToCloseTimeout: '5 minutes',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    maximumAttempts: 3,
    nonRetryableErrorTypes: NON_RETRYABLE_MODEL_FAILURES,
  },
};

/**
 * A model check whose database read failed: run again on the database tier's patience (a
 * restart or failover of PostgreSQL is not a verdict), still giving up on model failures.
 */
export const checkOnDatabaseTier: ActivityOptions = {
  ...verifyActivity,
  scheduleToCloseTimeout: '15 minutes',
  retry: { ...dbActivity.retry, nonRetryableErrorTypes: NON_RETRYABLE_MODEL_FAILURES },
};

/**
 * The same database writes run as local activities in runs that started after
 * LOCAL_MIRROR_PATCH: inside the workflow task that asked for them, with no trip through the
 * task queue and no history events beyond one marker each. They stay idempotent (event keys,
 * upserts), which is what at-least-once local execution needs.
 */
export const dbLocalActivity: LocalActivityOptions = {
  startToCloseTimeout: '30 seconds',
  // Retried in the worker while short; past this, with a durable timer between attempts.
  localRetryThreshold: '10 seconds',
  retry: dbActivity.retry,
};
