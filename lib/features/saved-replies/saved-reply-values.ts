import { env } from '../../platform/config/env';
import { getDb, type DbClient } from '../../platform/db';
import { parseSender } from '../../platform/mail/mailbox';
import { orderNumberIn } from '../../core/saved-replies/order-number';
import type { SavedReplyValues } from '../../core/saved-replies/render-saved-reply';
import { SavedReplyError } from './saved-reply-error';

/**
 * What each variable is in this conversation, for this agent: the customer's name from their
 * From line, the order number code finds in their own mail, the agent's name, and the mailbox's
 * signature (else its display name; with no mailbox, the name in MAIL_FROM).
 */
export async function savedReplyValues(input: { conversationId: string; agentName: string }, db: DbClient = getDb()): Promise<SavedReplyValues> {
  const conversation = await db.conversation.findUnique({
    where: { id: input.conversationId },
    select: {
      customerName: true,
      mailbox: { select: { signature: true, displayName: true } },
      messages: { where: { direction: 'inbound' }, orderBy: { createdAt: 'asc' }, select: { subject: true, textBody: true } },
    },
  });
  if (!conversation) throw new SavedReplyError('That conversation no longer exists.');
  const customerText = conversation.messages.map((message) => `${message.subject}\n${message.textBody ?? ''}`).join('\n');
  const mailbox = conversation.mailbox;
  return {
    customer_name: conversation.customerName,
    order_number: orderNumberIn(customerText),
    agent_name: input.agentName,
    signature: mailbox ? (mailbox.signature?.trim() || mailbox.displayName) : parseSender([env().MAIL_FROM]).mailbox?.name,
  };
}
