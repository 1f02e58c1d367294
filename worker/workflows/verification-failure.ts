import * as wf from '@temporalio/workflow';
import type { VerificationFacts } from '../../lib/core/safety/verification';

/** The second check failed (an API error, the retries ran out): a person decides, and reads why. */
export function verificationFailure(error: unknown): VerificationFacts {
  if (!(error instanceof wf.ActivityFailure)) throw error;
  const cause = error.cause;
  const detail = cause instanceof wf.TimeoutFailure ? (cause.cause?.message ?? cause.message) : (cause?.message ?? error.message);
  return { status: 'error', reason: detail || 'the check failed' };
}
