import { getDb, type Db, type DbClient } from '../../../platform/db';
import { outboundDedupeKey } from '../../intake/dedupe-key';
import { appendEvent } from '../../timeline/append-event';

/**
 * The outbound ledger: one row per conversation + draft version, claimed as `sending`
 * before SMTP and completed after. It is what makes a reply go out exactly once: a retry
 * finds `sent` and stops, and a claim left by a dead worker is never re-sent blindly.
 */
export function ledgerKeyFor(conversationId: string, draftVersion: number): string {
  return `${conversationId}:v${draftVersion}`;
}

export async function findSend(ledgerKey: string, db: DbClient = getDb()) {
  return db.outboundSend.findUnique({ where: { ledgerKey } });
}

/** Everything a reply is built from: the conversation (and its participants), the draft and the message it answers. */
export async function loadReplyContext(input: { conversationId: string; draftVersion: number }, db: DbClient = getDb()) {
  const conversation = await db.conversation.findUniqueOrThrow({ where: { id: input.conversationId }, include: { participants: true } });
  const draft = await db.draft.findUniqueOrThrow({
    where: { conversationId_version: { conversationId: input.conversationId, version: input.draftVersion } },
  });
  const answering = await db.message.findUniqueOrThrow({ where: { id: draft.basedOnMessageId }, omit: { rawMime: true } });
  return { conversation, draft, answering };
}

export interface ClaimSendInput {
  ledgerKey: string;
  conversationId: string;
  draftVersion: number;
  toAddress: string;
  subject: string;
  body: string;
  messageIdHeader: string;
}

/** Marks the reply as being handed to SMTP; counts the attempt. */
export async function claimSend(input: ClaimSendInput, db: DbClient = getDb()): Promise<void> {
  const { ledgerKey, ...row } = input;
  await db.outboundSend.upsert({
    where: { ledgerKey },
    create: { ledgerKey, ...row, status: 'sending', attempts: 1 },
    update: { status: 'sending', attempts: { increment: 1 } },
  });
}

/** Nothing was delivered and a retry may try again. */
export async function releaseSend(input: { ledgerKey: string; error: string }, db: DbClient = getDb()): Promise<void> {
  await db.outboundSend.update({ where: { ledgerKey: input.ledgerKey }, data: { status: 'pending', error: input.error } });
}

/**
 * The reply may not or could not go out for good (no verified recipient, or the mail server
 * refused it): the ledger (when claimed), the draft and the timeline say so.
 */
export async function recordSendRefused(
  input: { ledgerKey?: string; conversationId: string; draftId: string; draftVersion: number; error: string },
  db: Db = getDb(),
): Promise<void> {
  if (input.ledgerKey) await db.outboundSend.update({ where: { ledgerKey: input.ledgerKey }, data: { status: 'failed', error: input.error } });
  await db.draft.update({ where: { id: input.draftId }, data: { status: 'failed' } });
  await appendEvent(
    {
      conversationId: input.conversationId,
      key: `send_failed:v${input.draftVersion}`,
      type: 'send_failed',
      data: { draftVersion: input.draftVersion, error: input.error, permanent: true },
    },
    db,
  );
}

export interface RecordSentInput {
  ledgerKey: string;
  conversationId: string;
  draftId: string;
  draftVersion: number;
  draftDecidedAt: Date | null;
  smtpResponse: string;
  messageIdHeader: string;
  inReplyTo: string;
  references: string[];
  fromAddress: string;
  toAddress: string;
  subject: string;
  body: string;
  auto: boolean;
}

/** The relay accepted the reply: complete the ledger and mirror the outbound message. */
export async function recordSent(input: RecordSentInput, db: Db = getDb()): Promise<void> {
  const sentAt = new Date();
  await db.$transaction(async (tx) => {
    await tx.outboundSend.update({ where: { ledgerKey: input.ledgerKey }, data: { status: 'sent', smtpResponse: input.smtpResponse, sentAt, error: null } });
    await tx.draft.update({ where: { id: input.draftId }, data: { status: 'sent', finalBody: input.body, decidedAt: input.draftDecidedAt ?? sentAt } });
    const sent = await tx.message.upsert({
      where: { dedupeKey: outboundDedupeKey(input.messageIdHeader) },
      create: {
        conversationId: input.conversationId,
        direction: 'outbound',
        messageIdHeader: input.messageIdHeader,
        dedupeKey: outboundDedupeKey(input.messageIdHeader),
        inReplyTo: input.inReplyTo,
        references: input.references,
        fromAddress: input.fromAddress,
        toAddresses: [input.toAddress],
        subject: input.subject,
        textBody: input.body,
        sizeBytes: Buffer.byteLength(input.body),
        sentAt,
        deliveredAt: sentAt,
      },
      update: {},
      select: { id: true },
    });
    // Files the agent attached now belong to the message that carried them.
    await tx.attachment.updateMany({ where: { draftId: input.draftId }, data: { messageId: sent.id } });
    await tx.conversation.update({ where: { id: input.conversationId }, data: { messageCount: { increment: 1 }, lastMessageAt: sentAt } });
    await appendEvent(
      {
        conversationId: input.conversationId,
        key: `sent:v${input.draftVersion}`,
        type: 'sent',
        data: { draftVersion: input.draftVersion, messageIdHeader: input.messageIdHeader, toAddress: input.toAddress, auto: input.auto },
        at: sentAt,
      },
      tx,
    );
  });
}
