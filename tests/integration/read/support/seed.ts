import type { Db } from '../../../../lib/platform/db/client';
import type { Prisma } from '../../../../lib/platform/db/generated/client';

let counter = 0;

/** A conversation row with sensible defaults; tests override what they assert on. */
export async function seedConversation(
  db: Db,
  overrides: Partial<Prisma.ConversationUncheckedCreateInput> = {},
): Promise<string> {
  counter += 1;
  const id = overrides.id ?? `conv-${String(counter).padStart(5, '0')}`;
  await db.conversation.create({
    data: {
      rootMessageId: `<${id}@example.test>`,
      subject: `Subject ${id}`,
      customerEmail: `${id}@customer.test`,
      status: 'awaiting_approval',
      lastMessageAt: new Date('2026-03-01T12:00:00Z'),
      lastMessagePreview: `Preview of ${id}`,
      ...overrides,
      id,
    },
  });
  return id;
}

export const minutesAfter = (base: Date, minutes: number): Date => new Date(base.getTime() + minutes * 60_000);

let messages = 0;

/** An inbound message of a conversation, for what reads messages (full-text search). */
export async function seedMessage(
  db: Db,
  conversationId: string,
  fields: { subject: string; textBody?: string; fromAddress?: string; fromName?: string },
): Promise<void> {
  messages += 1;
  await db.message.create({
    data: {
      conversationId,
      direction: 'inbound',
      messageIdHeader: `<m${messages}.${conversationId}@example.test>`,
      dedupeKey: `seed:${messages}:${conversationId}`,
      fromAddress: fields.fromAddress ?? `${conversationId}@customer.test`,
      fromName: fields.fromName,
      subject: fields.subject,
      textBody: fields.textBody,
      sentAt: new Date('2026-03-01T12:00:00Z'),
    },
  });
}
