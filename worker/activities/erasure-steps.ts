import { ApplicationFailure } from '@temporalio/activity';
import type { ErasureCounts } from '../../lib/core/privacy/erasure-contract';
import { eraseLangfuseRecords } from '../../lib/features/erasure/erase-langfuse-records';
import { eraseOrphanBlobs } from '../../lib/features/erasure/erase-orphan-blobs';
import { eraseRows, type EraseRowsResult } from '../../lib/features/erasure/erase-rows';
import { eraseWorkflowHistories } from '../../lib/features/erasure/erase-workflow-histories';
import { scopeErasure } from '../../lib/features/erasure/erasure-scope';
import { finishErasure } from '../../lib/features/erasure/finish-erasure';
import { openRetentionBatch } from '../../lib/features/retention/open-retention-batch';
import type { ActivityDeps } from './deps';

/** Every input and result here is ids and counts: the erasure's own history holds no personal data. */
export interface ErasureStepInput {
  erasureId: string;
}

function required<T>(value: T | undefined, what: string): T {
  // A worker wired without it cannot do the step; another worker (or a fixed deploy) can.
  if (value === undefined) throw ApplicationFailure.retryable(`this worker has no ${what}`, 'ErasureMisconfigured');
  return value;
}

/** The erasure and retention workflows' activities, each one step retried until done. */
export function createErasureActivities(deps: ActivityDeps) {
  return {
    async scopeErasure({ erasureId }: ErasureStepInput): Promise<{ conversations: number; messages: number }> {
      const scope = await scopeErasure(erasureId, deps.db);
      return { conversations: scope.conversationIds.length, messages: scope.messageIds.length };
    },
    async eraseWorkflowHistories({ erasureId }: ErasureStepInput): Promise<{ workflowRuns: number }> {
      return { workflowRuns: await eraseWorkflowHistories(required(deps.temporal, 'Temporal client'), erasureId, deps.db) };
    },
    async eraseLangfuseRecords({ erasureId }: ErasureStepInput): Promise<{ traces: number; datasetItems: number }> {
      return eraseLangfuseRecords(erasureId, deps.langfuse, deps.db);
    },
    async eraseRows({ erasureId }: ErasureStepInput): Promise<EraseRowsResult> {
      return eraseRows(erasureId, deps.db);
    },
    async eraseOrphanBlobs({ erasureId }: ErasureStepInput): Promise<{ blobs: number }> {
      return { blobs: await eraseOrphanBlobs(erasureId, required(deps.blobs, 'attachment store'), deps.db) };
    },
    async finishErasure(input: ErasureStepInput & { counts: ErasureCounts }): Promise<void> {
      await finishErasure(input.erasureId, input.counts, deps.db);
    },
    async openRetentionBatch(input: { asOf: string; limit: number }): Promise<{ erasureId: string; conversations: number } | undefined> {
      return openRetentionBatch({ asOf: new Date(input.asOf), limit: input.limit }, deps.db);
    },
  };
}
