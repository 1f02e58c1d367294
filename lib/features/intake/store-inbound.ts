import type { Db } from '../../platform/db/client';
import { screenInbound } from '../../core/safety/screen-inbound';
import { automatedReason } from './automated-sender';
import { conversationIdFor } from './conversation-id';
import type { InboundEmail } from './inbound-email';
import { withoutNul } from './without-nul';
import { getDb } from '../../platform/db';

export interface StoredInbound {
  conversationId: string;
  messageId: string;
  duplicate: boolean;
  /** False when the message was already signalled to its workflow. */
  needsDelivery: boolean;
}

/**
 * Stores an inbound email before anything else happens (it is acknowledged only after
 * this commits). A reply joins the conversation of the message it answers; the same
 * Message-ID twice is one message.
 */
export async function storeInbound(received: InboundEmail, db: Db = getDb()): Promise<StoredInbound> {
  const email = withoutNul(received);
  const existing = await findDuplicate(db, email.messageId);
  if (existing) return existing;
  try {
    return await insert(db, email);
  } catch (error) {
    // Two deliveries of the same email raced; the loser reports the winner's row.
    const raced = (error as { code?: string }).code === 'P2002' ? await findDuplicate(db, email.messageId) : undefined;
    if (raced) return raced;
    throw error;
  }
}

async function findDuplicate(db: Db, messageIdHeader: string): Promise<StoredInbound | undefined> {
  const existing = await db.message.findUnique({ where: { messageIdHeader } });
  if (!existing) return undefined;
  return { conversationId: existing.conversationId, messageId: existing.id, duplicate: true, needsDelivery: !existing.deliveredAt };
}

async function insert(db: Db, email: InboundEmail): Promise<StoredInbound> {
  const threadIds = [...(email.inReplyTo ? [email.inReplyTo] : []), ...email.references.toReversed()];
  const parent = threadIds.length
    ? await db.message.findFirst({ where: { messageIdHeader: { in: threadIds } }, select: { conversationId: true } })
    : null;
  const rootMessageId = email.references[0] ?? email.inReplyTo ?? email.messageId;
  const conversationId = parent?.conversationId ?? conversationIdFor(rootMessageId);
  const automated = automatedReason(email);
  const screening = [...screenInbound({ text: email.text, html: email.html, attachmentCount: email.attachmentCount }), ...email.parseProblems];
  const preview = email.text.replace(/\s+/g, ' ').trim().slice(0, 200);

  return db.$transaction(async (tx) => {
    await tx.conversation.upsert({
      where: { id: conversationId },
      create: {
        id: conversationId,
        rootMessageId,
        subject: email.subject,
        customerEmail: email.fromAddress,
        customerName: email.fromName,
        status: 'received',
        lastMessageAt: email.sentAt,
        lastMessagePreview: preview,
        messageCount: 1,
      },
      update: { lastMessageAt: email.sentAt, lastMessagePreview: preview, messageCount: { increment: 1 } },
    });
    const message = await tx.message.create({
      data: {
        conversationId,
        direction: 'inbound',
        messageIdHeader: email.messageId,
        inReplyTo: email.inReplyTo,
        references: email.references,
        fromAddress: email.fromAddress,
        fromName: email.fromName,
        toAddresses: email.to,
        subject: email.subject,
        textBody: email.text,
        htmlBody: email.html,
        rawMime: email.rawMime,
        sizeBytes: email.sizeBytes,
        sentAt: email.sentAt,
        automated: automated !== undefined,
        automatedReason: automated,
        screening: [...new Set(screening)].sort(),
      },
    });
    return { conversationId, messageId: message.id, duplicate: false, needsDelivery: true };
  });
}
