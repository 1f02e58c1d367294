import { randomBytes } from 'node:crypto';
import type { ScreeningFlag } from '../../core/safety/screen-inbound';
import type { Db } from '../../platform/db/client';
import type { InboundEmail, SmtpEnvelope } from './inbound-email';
import { runSql, sql } from './intake-sql';

/** A new conversation's row as store-inbound.ts builds it for either way of writing it. */
export interface NewConversationRow {
  id: string;
  rootMessageId: string;
  subject: string;
  customerEmail: string;
  customerName: string | undefined;
  customerAddress: string | undefined;
  customerDomain: string | null | undefined;
  status: 'received';
  lastMessageAt: Date;
  lastMessagePreview: string;
  messageCount: 1;
  mailboxId: string | undefined;
  senderVerified: boolean;
}

/** An inbound message's row, likewise. */
export interface NewMessageRow {
  conversationId: string;
  direction: 'inbound';
  messageIdHeader: string;
  dedupeKey: string;
  inReplyTo: string | undefined;
  references: string[];
  fromAddress: string;
  fromName: string | undefined;
  fromHeader: string;
  senderAddress: string | undefined;
  senderProblem: string | null;
  senderVerified: boolean;
  senderVerification: string;
  claimedConversations: string[];
  toAddresses: string[];
  subject: string;
  textBody: string;
  htmlBody: string | undefined;
  rawMime: Uint8Array<ArrayBuffer> | undefined;
  sizeBytes: number;
  sentAt: Date;
  automated: boolean;
  automatedReason: string | undefined;
  screening: ScreeningFlag[];
  channel: InboundEmail['channel'];
  mailboxId: string | undefined;
  /** A copy as a plain object type (Prisma's JSON input wants one). */
  envelope: Pick<SmtpEnvelope, keyof SmtpEnvelope> | undefined;
  authResults: InboundEmail['authResults'];
}

/** An id in the shape Prisma's cuid() gives the rows it creates: 'c', the time, randomness. */
function newMessageId(): string {
  return `c${Date.now().toString(36).padStart(8, '0')}${randomBytes(8).toString('hex')}`;
}

// Timestamps are stored as UTC without a zone, as Prisma stores them.
const utc = (date: Date) => date.toISOString();
const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/**
 * Writes a new conversation and its first message in one statement (atomic on its own, so no
 * BEGIN and COMMIT): the common intake, a new thread with no attachments and no round-robin,
 * in one round trip instead of four, and on node-postgres directly (intake-sql.ts).
 * The same rows the transaction in store-inbound.ts writes; a dedupe-key clash writes neither.
 */
export async function insertConversationWithMessage(db: Db, conversation: NewConversationRow, message: NewMessageRow): Promise<string> {
  const c = conversation;
  const m = message;
  const id = newMessageId();
  await runSql(db, sql`
    WITH conversation AS (
      INSERT INTO "Conversation" ("id", "rootMessageId", "subject", "customerEmail", "customerName", "customerAddress", "customerDomain", "status",
        "lastMessageAt", "lastMessagePreview", "messageCount", "mailboxId", "senderVerified", "createdAt", "updatedAt")
      VALUES (${c.id}, ${c.rootMessageId}, ${c.subject}, ${c.customerEmail}, ${c.customerName ?? null}, ${c.customerAddress ?? null}, ${c.customerDomain ?? null}, ${c.status},
        ${utc(c.lastMessageAt)}::timestamptz AT TIME ZONE 'UTC', ${c.lastMessagePreview}, ${c.messageCount}::int, ${c.mailboxId ?? null}, ${c.senderVerified}::boolean,
        now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
      RETURNING "id"
    )
    INSERT INTO "Message" ("id", "conversationId", "direction", "messageIdHeader", "dedupeKey", "inReplyTo", "references", "fromAddress", "fromName", "fromHeader",
      "senderAddress", "senderProblem", "senderVerified", "senderVerification", "claimedConversations", "toAddresses", "subject", "textBody", "htmlBody", "rawMime",
      "sizeBytes", "sentAt", "automated", "automatedReason", "screening", "channel", "mailboxId", "envelope", "authResults", "createdAt")
    SELECT ${id}, conversation."id", ${m.direction}, ${m.messageIdHeader}, ${m.dedupeKey}, ${m.inReplyTo ?? null}, ${json(m.references)}::jsonb, ${m.fromAddress}, ${m.fromName ?? null}, ${m.fromHeader},
      ${m.senderAddress ?? null}, ${m.senderProblem}, ${m.senderVerified}::boolean, ${m.senderVerification}, ${json(m.claimedConversations)}::jsonb, ${json(m.toAddresses)}::jsonb, ${m.subject}, ${m.textBody}, ${m.htmlBody ?? null}, ${m.rawMime ?? null}::bytea,
      ${m.sizeBytes}::int, ${utc(m.sentAt)}::timestamptz AT TIME ZONE 'UTC', ${m.automated}::boolean, ${m.automatedReason ?? null}, ${json(m.screening)}::jsonb, ${m.channel ?? null}, ${m.mailboxId ?? null}, ${json(m.envelope)}::jsonb, ${json(m.authResults)}::jsonb,
      now() AT TIME ZONE 'UTC'
    FROM conversation`);
  return id;
}

/** A unique violation, as Prisma reports it for its own writes (P2002) or raw SQL, or node-postgres (23505). */
export function isUniqueViolation(error: unknown): boolean {
  const { code, meta } = error as { code?: string; meta?: { code?: string; driverAdapterError?: { cause?: { kind?: string; originalCode?: string } } } };
  return code === 'P2002' || code === '23505' || meta?.code === '23505' || meta?.driverAdapterError?.cause?.originalCode === '23505';
}
