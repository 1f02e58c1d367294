import { ApplicationFailure } from '@temporalio/activity';
import { DATABASE_UNAVAILABLE } from '../../lib/core/failures';
import { isDatabaseUnavailable } from '../../lib/platform/db/database-unavailable';

/**
 * Runs the database part of a send-gate layer: an unavailable database becomes a typed,
 * retryable failure the workflow retries under the database tier's policy, never the layer's
 * verdict. The message is a sentence; the driver's error stays in the worker's log.
 */
export async function readingTheDatabase<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    console.warn('send gate: database unavailable, the workflow retries this layer', error instanceof Error ? error.message : error);
    throw ApplicationFailure.retryable('The database was unavailable', DATABASE_UNAVAILABLE);
  }
}
