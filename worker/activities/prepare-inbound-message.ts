import {
  recordReceived,
  type RecordReceivedInput as PrepareInboundMessageInput,
  type RecordReceivedResult as PrepareInboundMessageResult,
} from '../../lib/features/conversations/mirror/record-received';
import { domainOf } from '../../lib/platform/mail/addresses';
import type { ActivityDeps } from './deps';

export type { PrepareInboundMessageInput, PrepareInboundMessageResult };

/** Puts a stored inbound message on the timeline and returns what routing needs to know. */
export function createPrepareInboundMessage(deps: ActivityDeps) {
  return async function prepareInboundMessage(input: PrepareInboundMessageInput): Promise<PrepareInboundMessageResult> {
    return recordReceived({ ...input, ownDomains: [domainOf(deps.config.mailFrom)] }, deps.db);
  };
}
