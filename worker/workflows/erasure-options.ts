import type { ActivityOptions } from '@temporalio/workflow';

/**
 * Erasure steps are retried until they are done: a LangFuse or S3 outage, a database failover
 * or a Temporal deletion still in progress delays an erasure, never abandons it half way.
 * Every step is idempotent, so a retry after a lost answer repeats nothing harmful.
 */
export const erasureStep: ActivityOptions = {
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 minutes' },
};
