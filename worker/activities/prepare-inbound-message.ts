import { appendEvent } from './append-event';
import type { ActivityDeps } from './deps';

export interface PrepareInboundMessageInput {
  conversationId: string;
  messageId: string;
}

export interface PrepareInboundMessageResult {
  automated: boolean;
  /** Intake screening plus checks that need the conversation (e.g. sender mismatch). */
  screeningFlags: string[];
}

/** Puts a stored inbound message on the timeline and returns what routing needs to know. */
export function createPrepareInboundMessage(deps: ActivityDeps) {
  return async function prepareInboundMessage(input: PrepareInboundMessageInput): Promise<PrepareInboundMessageResult> {
    const { db } = deps;
    const message = await db.message.findUniqueOrThrow({ where: { id: input.messageId } });
    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: input.conversationId } });
    const flags = new Set(message.screening as string[]);
    if (message.fromAddress.toLowerCase() !== conversation.customerEmail.toLowerCase()) flags.add('sender_mismatch');
    const screeningFlags = [...flags].sort();

    await db.$transaction(async (tx) => {
      await appendEvent(tx, {
        conversationId: input.conversationId,
        key: `received:${message.id}`,
        type: 'received',
        data: {
          messageId: message.id,
          fromAddress: message.fromAddress,
          subject: message.subject,
          automated: message.automated,
          screening: screeningFlags,
        },
        at: message.createdAt,
      });
      if (message.automated) {
        await appendEvent(tx, {
          conversationId: input.conversationId,
          key: `ignored:${message.id}`,
          type: 'ignored',
          data: { messageId: message.id, reason: message.automatedReason ?? 'automated sender' },
        });
      }
    });
    return { automated: message.automated, screeningFlags };
  };
}
