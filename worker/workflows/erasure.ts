import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ErasureCounts, ErasureWorkflowInput } from '../../lib/core/privacy/erasure-contract';
import { erasureStep } from './erasure-options';

const steps = wf.proxyActivities<Activities>(erasureStep);

/**
 * Deletes a customer (GDPR art. 17) or a retention batch, in an order that loses nothing to a
 * crash: fix the scope; stop and delete the conversations' workflows (so nothing writes again);
 * delete LangFuse's traces and dataset items (their ids come from the rows); delete the rows;
 * delete attachment contents nothing else names; audit the counts and forget the address.
 */
export async function erasureWorkflow({ erasureId }: ErasureWorkflowInput): Promise<ErasureCounts> {
  const scope = await steps.scopeErasure({ erasureId });
  const { workflowRuns } = await steps.eraseWorkflowHistories({ erasureId });
  const { traces } = await steps.eraseLangfuseRecords({ erasureId });
  const rows = await steps.eraseRows({ erasureId });
  const { blobs } = await steps.eraseOrphanBlobs({ erasureId });
  const counts: ErasureCounts = {
    conversations: Math.max(scope.conversations, rows.conversations),
    messages: rows.messages,
    attachments: rows.attachments,
    blobs,
    evalItems: rows.evalItems,
    traces,
    workflowRuns,
  };
  await steps.finishErasure({ erasureId, counts });
  return counts;
}
