import { recordManualReply, type RecordManualReplyInput } from '../../lib/features/conversations/replies/record-manual-reply';
import { recordResendRequest, type RecordResendRequestInput } from '../../lib/features/conversations/replies/record-resend-request';
import type { ActivityDeps } from './deps';
import { reassessTrust } from './reassess-trust';

export type { RecordManualReplyInput, RecordResendRequestInput };

/** Stores a reply an agent wrote by hand, ready for the send ledger. */
export function createRecordManualReply(deps: ActivityDeps) {
  return async function recordManualReplyActivity(input: RecordManualReplyInput): Promise<void> {
    const { evidenceCategory } = await recordManualReply(input, deps.db);
    await reassessTrust(deps, evidenceCategory);
  };
}

/** Audits an agent's confirmed resend of a failed or uncertain reply. */
export function createRecordResendRequest(deps: ActivityDeps) {
  return async function recordResendRequestActivity(input: RecordResendRequestInput): Promise<void> {
    await recordResendRequest(input, deps.db);
  };
}
