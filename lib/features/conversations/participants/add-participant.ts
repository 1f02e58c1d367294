import { AppError } from '../../../core/errors';
import { getDb, type Db } from '../../../platform/db';
import { mailboxKey } from '../../../platform/mail/mailbox';
import { recordAudit } from '../../audit/record-audit';
import type { AddParticipantInput } from './schema';

export class ParticipantError extends AppError {
  override name = 'ParticipantError';
}

/**
 * An agent lets the sender of a message that was kept apart (it claimed to reply to
 * another conversation) into that conversation: their later mail joins it, and replies
 * to their messages may go to them. The address comes from the stored message, never
 * from the form, and the change is audited.
 */
export async function addParticipant(input: AddParticipantInput & { actorId: string }, db: Db = getDb()): Promise<{ address: string }> {
  const message = await db.message.findUnique({
    where: { id: input.messageId },
    select: { senderAddress: true, claimedConversations: true, conversationId: true },
  });
  const claimed = Array.isArray(message?.claimedConversations) ? message.claimedConversations : [];
  if (!message || !claimed.includes(input.conversationId)) {
    throw new ParticipantError('That message did not claim to reply to this conversation.');
  }
  if (!message.senderAddress) throw new ParticipantError('The sender of that message is not one verified mailbox, so they cannot join.');
  const address = mailboxKey(message.senderAddress);
  await db.$transaction(async (tx) => {
    await tx.conversationParticipant.upsert({
      where: { conversationId_address: { conversationId: input.conversationId, address } },
      create: { conversationId: input.conversationId, address, addedBy: input.actorId },
      update: {},
    });
    await recordAudit(
      {
        actorId: input.actorId,
        action: 'conversation.participant.add',
        target: `conversation:${input.conversationId}`,
        after: { address, fromMessageId: input.messageId, fromConversationId: message.conversationId },
      },
      tx,
    );
  });
  return { address };
}
