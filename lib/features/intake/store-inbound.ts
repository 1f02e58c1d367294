import type { Db } from '../../platform/db/client';
import { mailboxKey } from '../../platform/mail/mailbox';
import { screenInbound, type ScreeningFlag } from '../../core/safety/screen-inbound';
import { automatedReason } from './automated-sender';
import { newConversationId } from './conversation-id';
import { inboundDedupeKey } from './dedupe-key';
import type { InboundEmail } from './inbound-email';
import { resolveThread } from './resolve-thread';
import { storable } from '../../core/text/storable-text';
import { verifySender, type SenderVerdict } from '../../core/mail/verified-sender';
import { env } from '../../platform/config/env';
import { getDb } from '../../platform/db';
import type { BlobStore } from '../../platform/storage/blob-store';
import { putAttachments, type PreparedAttachment } from '../attachments/put-attachments';
import { dmarcFailed } from './sender-auth/sender-auth-results';
import { mailDomainOf } from '../../core/mail/company-domain';
import { assignRoundRobin } from '../assignment/assign-round-robin';
import { insertConversationWithMessage, isUniqueViolation, type NewConversationRow, type NewMessageRow } from './insert-alone';
import type { IntakeFacts } from './look-before-store';
import { threadReferences } from './resolve-thread';

export interface StoredInbound {
  conversationId: string;
  messageId: string;
  duplicate: boolean;
  /** False when the message was already signalled to its workflow. */
  needsDelivery: boolean;
  /** A new conversation round-robin gave to this person (lib/features/assignment/). */
  assignedTo?: string;
}

/**
 * Stores an inbound email before anything else happens (it is acknowledged only after
 * this commits). A reply joins its conversation only when its sender belongs there
 * (resolve-thread.ts); the same delivery twice is one message (dedupe-key.ts).
 */
export interface StoreInboundOptions {
  /** Operator allow rules for unauthenticated senders; default VERIFIED_SENDER_ALLOW. */
  senderAllow?: readonly string[];
  /** What the caller read already (look-before-store.ts): the duplicate check is not repeated. */
  facts?: Pick<IntakeFacts, 'existing' | 'roundRobin'>;
}

export async function storeInbound(received: InboundEmail, db: Db = getDb(), blobs?: BlobStore, options: StoreInboundOptions = {}): Promise<StoredInbound> {
  // The key is over what arrived; every string stored (text, headers, envelope, auth results)
  // has what PostgreSQL refuses replaced, and the message says so (storable-text.ts).
  const dedupeKey = inboundDedupeKey(received);
  const { value: email, replaced } = storable(received);
  const verdict = verifySender(
    { senderAddress: email.sender.mailbox?.address ?? null, dmarc: email.authResults?.checked ? email.authResults.dmarc : undefined },
    options.senderAllow ?? env().VERIFIED_SENDER_ALLOW,
  );
  const { facts } = options;
  const existing = facts ? duplicateOf(facts.existing) : await findDuplicate(db, dedupeKey);
  if (existing) return existing;
  // Files first (content-addressed, so a retry or a crash leaves at most an unreferenced blob),
  // then the rows that point at them, with the message, in one transaction.
  const attachments = email.attachments.length > 0 ? await putAttachments(email.attachments, blobs) : [];
  const checked = { email, verdict, replaced };
  try {
    // Most mail starts a thread and needs nothing read inside the write: one statement.
    const alone = facts && !facts.roundRobin && attachments.length === 0 && threadReferences(email).length === 0;
    return alone ? await insertAlone(db, checked, dedupeKey) : await insert(db, checked, dedupeKey, attachments);
  } catch (error) {
    // Two deliveries of the same email raced; the loser reports the winner's row.
    const raced = isUniqueViolation(error) ? await findDuplicate(db, dedupeKey) : undefined;
    if (raced) return raced;
    throw error;
  }
}

function duplicateOf(existing: IntakeFacts['existing']): StoredInbound | undefined {
  return existing && { conversationId: existing.conversationId, messageId: existing.id, duplicate: true, needsDelivery: !existing.delivered };
}

/**
 * A burst may find every pooled connection busy: the sender's request waits for one (up to
 * 10 s, well inside a relay's timeout) rather than failing after Prisma's default 2 s, since
 * a refused intake only makes the relay send the email again later.
 */
const INTAKE_TRANSACTION = { maxWait: 10_000 };

async function findDuplicate(db: Db, dedupeKey: string): Promise<StoredInbound | undefined> {
  const existing = await db.message.findUnique({ where: { dedupeKey }, select: { id: true, conversationId: true, deliveredAt: true } });
  if (!existing) return undefined;
  return { conversationId: existing.conversationId, messageId: existing.id, duplicate: true, needsDelivery: !existing.deliveredAt };
}

interface Checked {
  email: InboundEmail;
  verdict: SenderVerdict;
  /** Some string held bytes PostgreSQL refuses (now U+FFFD). */
  replaced: boolean;
}

function screeningOf({ email, verdict, replaced }: Checked, claimed: string[], attachments: PreparedAttachment[]): ScreeningFlag[] {
  // A DMARC failure and a From that is not one mailbox carry their own flags already.
  const unverified = verdict.verification === 'no_dmarc_pass' || verdict.verification === 'dmarc_other_domain';
  const flags: ScreeningFlag[] = [
    ...screenInbound({ text: email.text, html: email.html, attachmentCount: email.attachmentCount }),
    ...email.parseProblems,
    ...email.sender.flags,
    ...(claimed.length > 0 ? (['claims_other_thread'] as const) : []),
    ...(dmarcFailed(email.authResults) ? (['dmarc_fail'] as const) : []),
    ...(unverified ? (['unverified_sender'] as const) : []),
    ...(replaced ? (['unstorable_text'] as const) : []),
    ...(attachments.some((attachment) => attachment.refusedReason) ? (['refused_attachment'] as const) : []),
  ];
  return [...new Set(flags)].sort();
}

function previewOf(email: InboundEmail): string {
  return email.text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** A new conversation's row, whichever way it is written. */
function newConversation({ email, verdict }: Checked, conversationId: string): NewConversationRow {
  const mailbox = email.sender.mailbox;
  return {
    id: conversationId,
    rootMessageId: email.messageId,
    subject: email.subject,
    customerEmail: mailbox ? mailboxKey(mailbox.address) : email.fromAddress,
    customerName: mailbox?.name,
    customerAddress: mailbox?.address,
    customerDomain: mailDomainOf(mailbox?.address),
    status: 'received',
    lastMessageAt: email.sentAt,
    lastMessagePreview: previewOf(email),
    messageCount: 1,
    mailboxId: email.mailboxId,
    senderVerified: verdict.verified,
  };
}

/** The message's row, whichever way it is written. */
function newMessage(checked: Checked, conversationId: string, dedupeKey: string, claimed: string[], attachments: PreparedAttachment[]): NewMessageRow {
  const { email, verdict } = checked;
  const automated = automatedReason(email);
  const mailbox = email.sender.mailbox;
  return {
    conversationId,
    direction: 'inbound',
    messageIdHeader: email.messageId,
    dedupeKey,
    inReplyTo: email.inReplyTo,
    references: email.references,
    fromAddress: mailbox ? mailbox.address : email.fromAddress,
    fromName: mailbox?.name,
    fromHeader: email.sender.header,
    senderAddress: mailbox?.address,
    senderProblem: email.sender.problems.join('; ') || null,
    senderVerified: verdict.verified,
    senderVerification: verdict.verification,
    claimedConversations: claimed,
    toAddresses: email.to,
    subject: email.subject,
    textBody: email.text,
    htmlBody: email.html,
    rawMime: email.rawMime,
    sizeBytes: email.sizeBytes,
    sentAt: email.sentAt,
    automated: automated !== undefined,
    automatedReason: automated,
    screening: screeningOf(checked, claimed, attachments),
    channel: email.channel,
    mailboxId: email.mailboxId,
    envelope: email.envelope ? { ...email.envelope } : undefined,
    authResults: email.authResults,
  };
}

/** A new thread with no attachments and round-robin off: both rows in one statement (insert-alone.ts). */
async function insertAlone(db: Db, checked: Checked, dedupeKey: string): Promise<StoredInbound> {
  const conversationId = newConversationId();
  const messageId = await insertConversationWithMessage(db, newConversation(checked, conversationId), newMessage(checked, conversationId, dedupeKey, [], []));
  return { conversationId, messageId, duplicate: false, needsDelivery: true };
}

async function insert(db: Db, checked: Checked, dedupeKey: string, attachments: PreparedAttachment[]): Promise<StoredInbound> {
  const { email, verdict } = checked;
  const preview = previewOf(email);

  // The lookup and the writes share one transaction, so the
  // participants and customers it checks cannot change under it.
  return db.$transaction(async (tx) => {
    const thread = await resolveThread({ ...email, senderVerified: verdict.verified }, tx);
    const conversationId = thread.conversationId ?? newConversationId();
    let assignedTo: string | null = null;
    if (thread.conversationId) {
      await tx.conversation.update({
        where: { id: conversationId },
        data: { lastMessageAt: email.sentAt, lastMessagePreview: preview, messageCount: { increment: 1 } },
      });
    } else {
      await tx.conversation.create({ data: newConversation(checked, conversationId) });
      assignedTo = await assignRoundRobin(conversationId, tx);
    }
    const message = await tx.message.create({ data: newMessage(checked, conversationId, dedupeKey, thread.claimed, attachments) });
    if (attachments.length > 0) {
      await tx.attachment.createMany({
        data: attachments.map((attachment) => ({ ...attachment, conversationId, messageId: message.id })),
      });
    }
    return { conversationId, messageId: message.id, duplicate: false, needsDelivery: true, ...(assignedTo ? { assignedTo } : {}) };
  }, INTAKE_TRANSACTION);
}
