import { randomBytes } from 'node:crypto';

/**
 * A new conversation's id, which is also its Temporal workflow id. Random on purpose: an id
 * derived from a Message-ID or References entry (which the sender chooses) would let a
 * stranger claim a thread before its customer's first mail arrives.
 */
export function newConversationId(): string {
  return `conv-${randomBytes(12).toString('hex')}`;
}
