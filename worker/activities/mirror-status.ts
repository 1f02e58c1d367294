import { Context } from '@temporalio/activity';
import { setConversationStatus, type SetConversationStatusInput } from '../../lib/features/conversations/mirror/set-conversation-status';
import type { ActivityDeps } from './deps';

export type MirrorStatusInput = Omit<SetConversationStatusInput, 'runId'>;

/** Mirrors the workflow's status for the dashboard. */
export function createMirrorStatus(deps: ActivityDeps) {
  return async function mirrorStatus(input: MirrorStatusInput): Promise<void> {
    const runId = Context.current().info.workflowExecution?.runId ?? 'standalone';
    await setConversationStatus({ ...input, runId }, deps.db);
  };
}
