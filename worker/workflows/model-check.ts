import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities';
import { DATABASE_UNAVAILABLE, MODEL_FAILURE_HEADLINES, type ModelFailureType } from '../../lib/core/failures';
import type { ModelCheckFacts } from '../../lib/core/safety/grounding';
import { checkOnDatabaseTier, verifyActivity } from './activity-options';

const quick = wf.proxyActivities<Activities>(verifyActivity);
const patient = wf.proxyActivities<Activities>(checkOnDatabaseTier);

type CheckName = 'checkGrounding' | 'verifyDraft';
type CheckInput = { conversationId: string; draftVersion: number };

const typeOf = (error: unknown): string | undefined =>
  error instanceof wf.ActivityFailure && error.cause instanceof wf.ApplicationFailure ? (error.cause.type ?? undefined) : undefined;

/** Why a check could not run, as a sentence an agent reads: never the error's own text. */
function failureReason(error: unknown): string {
  if (!(error instanceof wf.ActivityFailure)) throw error;
  if (error.cause instanceof wf.TimeoutFailure) return 'it took too long';
  const type = typeOf(error);
  if (type === DATABASE_UNAVAILABLE) return 'the database stayed unavailable';
  if (type && type in MODEL_FAILURE_HEADLINES) return MODEL_FAILURE_HEADLINES[type as ModelFailureType];
  return 'the model could not be reached';
}

/**
 * Runs one model check of a draft. Its answer, or the model's failure, is the verdict; an
 * unavailable database inside it is not: the check runs again under the database tier's retry
 * policy. A check that still cannot run is a "no" with a plain reason.
 */
export async function runModelCheck(name: CheckName, input: CheckInput): Promise<ModelCheckFacts> {
  try {
    return await quick[name](input);
  } catch (error) {
    if (typeOf(error) !== DATABASE_UNAVAILABLE) return { status: 'error', reason: failureReason(error) };
  }
  try {
    return await patient[name](input);
  } catch (error) {
    return { status: 'error', reason: failureReason(error) };
  }
}
