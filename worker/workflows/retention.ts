import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities';
import { erasureWorkflowId, type RetentionWorkflowInput, type RetentionWorkflowResult } from '../../lib/core/privacy/erasure-contract';
import { erasureWorkflow } from './erasure';
import { erasureStep } from './erasure-options';

const { openRetentionBatch } = wf.proxyActivities<Activities>(erasureStep);

// Batches per run before continuing as new, so a first run over years of mail keeps a short history.
const BATCHES_PER_RUN = 25;

/**
 * Started by the retention schedule (lib/features/schedules/schedule-registry.ts): deletes conversations whose last
 * message and last activity are older than the retention setting, batch by batch, each batch an
 * erasure (child workflow) like a customer's. Retention off: it finds nothing and ends.
 */
export async function retentionWorkflow(input: RetentionWorkflowInput = {}): Promise<RetentionWorkflowResult> {
  // The workflow's clock is the schedule's fire time (and the test server's skipped time).
  const asOf = input.asOf ?? new Date(Date.now()).toISOString();
  const limit = input.batchSize ?? 200;
  const done: RetentionWorkflowResult = { batches: 0, conversations: 0 };
  for (let batch = 0; batch < BATCHES_PER_RUN; batch += 1) {
    const opened = await openRetentionBatch({ asOf, limit });
    if (!opened) return done;
    await wf.executeChild(erasureWorkflow, { workflowId: erasureWorkflowId(opened.erasureId), args: [{ erasureId: opened.erasureId }] });
    done.batches += 1;
    done.conversations += opened.conversations;
  }
  return wf.continueAsNew<typeof retentionWorkflow>({ ...input, asOf });
}
