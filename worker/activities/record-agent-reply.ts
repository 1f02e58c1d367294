import { recordManualReply, type RecordManualReplyInput } from '../../lib/features/conversations/replies/record-manual-reply';
import { recordResendRequest, type RecordResendRequestInput } from '../../lib/features/conversations/replies/record-resend-request';
import { agentTexts } from './agent-texts';
import { ApplicationFailure } from '@temporalio/activity';
import type { ActivityDeps } from './deps';
import { reassessTrust } from './reassess-trust';

export type { RecordManualReplyInput, RecordResendRequestInput };

/** Stores a reply an agent wrote by hand, ready for the send ledger. */
export function createRecordManualReply(deps: ActivityDeps) {
  return async function recordManualReplyActivity(carried: Omit<RecordManualReplyInput, 'body'> & { body?: string; bodyId?: string }): Promise<void> {
    // The workflow carries the id of the agent's text; the text comes from the store.
    const { body, ...input } = await agentTexts(carried, deps.db);
    if (body === undefined) throw ApplicationFailure.nonRetryable('The reply carries no text', 'AgentTextNotFound');
    const { evidenceCategory } = await recordManualReply({ ...input, body }, deps.db);
    await reassessTrust(deps, evidenceCategory);
  };
}

/** Audits an agent's confirmed resend of a failed or uncertain reply. */
export function createRecordResendRequest(deps: ActivityDeps) {
  return async function recordResendRequestActivity(input: RecordResendRequestInput): Promise<void> {
    await recordResendRequest(input, deps.db);
  };
}
