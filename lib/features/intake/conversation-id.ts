import { createHash } from 'node:crypto';

/**
 * The conversation id is the Temporal workflow id. Ids are stored in plain text in
 * Temporal, so it is a hash of the thread's root Message-ID rather than anything readable.
 */
export function conversationIdFor(rootMessageId: string): string {
  return `conv-${createHash('sha256').update(rootMessageId.toLowerCase()).digest('hex').slice(0, 24)}`;
}
