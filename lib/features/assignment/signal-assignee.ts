import type { Client } from '@temporalio/client';
import { assigneeChangedSignal } from '../../core/contract';
import { getTemporalClient } from '../../platform/temporal/client';

/** Tells a conversation's workflow its new owner (only its search attribute follows it). */
export type SignalAssignee = (conversationId: string, assigneeId: string | null) => Promise<void>;

/**
 * After an assignment commits. The owner is stored and shown either way: a workflow that is
 * not running (finished, or Temporal down) is logged, not fatal, and the next status change
 * reads the owner from the store again.
 */
export function signalAssigneeWith(getClient: () => Promise<Pick<Client, 'workflow'>> = getTemporalClient): SignalAssignee {
  return async (conversationId, assigneeId) => {
    try {
      await (await getClient()).workflow.getHandle(conversationId).signal(assigneeChangedSignal, { assigneeId });
    } catch (error) {
      console.warn(`Could not tell conversation ${conversationId}'s workflow its owner: ${(error as Error).message}`);
    }
  };
}
