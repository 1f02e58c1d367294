import type { DbClient } from '../../lib/platform/db/client';
import type { ThreadEntry } from '../../lib/features/prompts/thread';

/** How much of a long thread the model sees: the newest messages, bounded in characters. */
const MAX_THREAD_MESSAGES = 20;
const MAX_MESSAGE_CHARS = 8_000;

/** The conversation up to and including `untilMessageId`, oldest first, as prompt entries. */
export async function loadThread(db: DbClient, conversationId: string, untilMessageId?: string): Promise<ThreadEntry[]> {
  const until = untilMessageId
    ? await db.message.findUniqueOrThrow({ where: { id: untilMessageId }, select: { sentAt: true, createdAt: true } })
    : undefined;
  const messages = await db.message.findMany({
    where: { conversationId, automated: false, ...(until ? { sentAt: { lte: until.sentAt } } : {}) },
    orderBy: [{ sentAt: 'desc' }, { createdAt: 'desc' }],
    take: MAX_THREAD_MESSAGES,
    // The raw bytes can be megabytes each and the prompt never uses them.
    omit: { rawMime: true },
  });
  const files = await db.attachment.findMany({
    where: { messageId: { in: messages.map((message) => message.id) } },
    select: { messageId: true, filename: true, contentType: true, sizeBytes: true },
    orderBy: { createdAt: 'asc' },
  });
  return messages.reverse().map((message) => ({
    direction: message.direction === 'outbound' ? 'outbound' : 'inbound',
    from: message.fromAddress,
    sentAt: message.sentAt.toISOString(),
    subject: message.subject,
    text: (message.textBody ?? '').slice(0, MAX_MESSAGE_CHARS),
    attachments: files.filter((file) => file.messageId === message.id).map(({ filename, contentType, sizeBytes }) => ({ filename, contentType, sizeBytes })),
  }));
}
