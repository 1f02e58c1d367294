import { ApplicationFailure } from '@temporalio/activity';
import { PERMANENT_DELIVERY_FAILURE } from '../../lib/core/failures';
import { replyMessageId, replyReferences, replySubject } from '../../lib/platform/mail/reply-headers';
import { appendEvent } from './append-event';
import type { ActivityDeps } from './deps';

export interface SendReplyInput {
  conversationId: string;
  draftVersion: number;
  auto: boolean;
}

export interface SendReplyResult {
  /** `uncertain`: an earlier attempt died between claiming the ledger and finishing SMTP. */
  status: 'sent' | 'already_sent' | 'uncertain';
  messageIdHeader?: string;
}


function smtpCode(error: unknown): number | undefined {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Sends a draft exactly once. The ledger row (conversation + draft version) is claimed as
 * `sending` before SMTP and completed after: a retry finds `sent` and stops, a transient
 * SMTP error releases the claim, and a claim left by a dead worker is never re-sent blindly.
 */
export function createSendReply(deps: ActivityDeps) {
  return async function sendReply(input: SendReplyInput): Promise<SendReplyResult> {
    const { db, mailer, config } = deps;
    const ledgerKey = `${input.conversationId}:v${input.draftVersion}`;
    const existing = await db.outboundSend.findUnique({ where: { ledgerKey } });
    if (existing?.status === 'sent') return { status: 'already_sent', messageIdHeader: existing.messageIdHeader };
    if (existing?.status === 'sending') return { status: 'uncertain', messageIdHeader: existing.messageIdHeader };
    if (existing?.status === 'failed') throw ApplicationFailure.nonRetryable(existing.error ?? 'Delivery failed', PERMANENT_DELIVERY_FAILURE);

    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: input.conversationId } });
    const draft = await db.draft.findUniqueOrThrow({
      where: { conversationId_version: { conversationId: input.conversationId, version: input.draftVersion } },
    });
    const answering = await db.message.findUniqueOrThrow({ where: { id: draft.basedOnMessageId } });
    const references = replyReferences(answering.references as string[], answering.messageIdHeader);
    const messageIdHeader = replyMessageId(input.conversationId, input.draftVersion, config.mailFrom);
    const body = draft.finalBody ?? draft.aiBody;
    const subject = replySubject(conversation.subject);
    const mail = { to: conversation.customerEmail, subject, body, messageIdHeader };

    await db.outboundSend.upsert({
      where: { ledgerKey },
      create: { ledgerKey, conversationId: input.conversationId, draftVersion: input.draftVersion, toAddress: mail.to, subject, body, messageIdHeader, status: 'sending', attempts: 1 },
      update: { status: 'sending', attempts: { increment: 1 } },
    });

    let response: string;
    try {
      const result = await mailer.send({
        from: config.mailFrom,
        to: conversation.customerEmail,
        subject,
        text: body,
        messageId: messageIdHeader,
        inReplyTo: answering.messageIdHeader,
        references,
      });
      if (result.accepted.length === 0) throw Object.assign(new Error(`Recipient rejected: ${result.response}`), { responseCode: 550 });
      response = result.response;
    } catch (error) {
      const code = smtpCode(error);
      const message = error instanceof Error ? error.message : String(error);
      const permanent = code !== undefined && code >= 500;
      // Nothing was delivered: release the claim so a retry may send, or record the failure.
      await db.outboundSend.update({ where: { ledgerKey }, data: { status: permanent ? 'failed' : 'pending', error: message } });
      if (permanent) {
        await db.draft.update({ where: { id: draft.id }, data: { status: 'failed' } });
        await appendEvent(db, {
          conversationId: input.conversationId,
          key: `send_failed:v${input.draftVersion}`,
          type: 'send_failed',
          data: { draftVersion: input.draftVersion, error: message, permanent: true },
        });
        throw ApplicationFailure.nonRetryable(`The mail server refused the reply (${code}): ${message}`, PERMANENT_DELIVERY_FAILURE);
      }
      throw error;
    }

    const sentAt = new Date();
    await db.$transaction(async (tx) => {
      await tx.outboundSend.update({ where: { ledgerKey }, data: { status: 'sent', smtpResponse: response, sentAt, error: null } });
      await tx.draft.update({ where: { id: draft.id }, data: { status: 'sent', finalBody: body, decidedAt: draft.decidedAt ?? sentAt } });
      await tx.message.upsert({
        where: { messageIdHeader },
        create: {
          conversationId: input.conversationId,
          direction: 'outbound',
          messageIdHeader,
          inReplyTo: answering.messageIdHeader,
          references,
          fromAddress: config.mailFrom,
          toAddresses: [mail.to],
          subject,
          textBody: body,
          sizeBytes: Buffer.byteLength(body),
          sentAt,
          deliveredAt: sentAt,
        },
        update: {},
      });
      await tx.conversation.update({
        where: { id: input.conversationId },
        data: { messageCount: { increment: 1 }, lastMessageAt: sentAt },
      });
      await appendEvent(tx, {
        conversationId: input.conversationId,
        key: `sent:v${input.draftVersion}`,
        type: 'sent',
        data: { draftVersion: input.draftVersion, messageIdHeader, toAddress: mail.to, auto: input.auto },
        at: sentAt,
      });
    });
    return { status: 'sent', messageIdHeader };
  };
}
