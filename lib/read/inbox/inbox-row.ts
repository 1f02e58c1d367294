import 'server-only';
import { Prisma } from '../../platform/db/generated/client';

/** One inbox line: only what the list shows, read from the Conversation mirror alone. */
export interface InboxRow {
  id: string;
  subject: string;
  customerEmail: string;
  customerName: string | null;
  /** The first message's verdict (lib/core/mail/verified-sender.ts); false shows "unverified sender". */
  senderVerified: boolean;
  preview: string;
  status: string;
  category: string | null;
  priority: string | null;
  riskScore: number | null;
  injectionSuspected: boolean;
  slaDueAt: Date | null;
  holdUntil: Date | null;
  lastMessageAt: Date;
  messageCount: number;
  /** When the reply the customer is owed is due (the SLA engine's last sweep); null: none owed. */
  responseDueAt: Date | null;
  /** Who owns it (lib/features/assignment/); null: nobody. */
  assigneeId: string | null;
  /** People's tags (lib/core/conversation/tags.ts). */
  tags: string[];
}

export const INBOX_COLUMNS = Prisma.sql`"id", "subject", "customerEmail", "customerName", "customerAddress", "senderVerified", "lastMessagePreview",
  "status", "category", "priority", "riskScore", "injectionSuspected", "slaDueAt", "holdUntil", "lastMessageAt",
  "messageCount", "assigneeId", "tags",
  (SELECT sla."dueAt" FROM "ConversationSla" sla WHERE sla."conversationId" = "Conversation"."id") AS "responseDueAt"`;

/** What $queryRaw hands back, typed loosely: the mapping below normalises it either way. */
export interface RawInboxRow {
  id: string;
  subject: string;
  customerEmail: string;
  customerName: string | null;
  customerAddress: string | null;
  senderVerified: boolean | number | bigint;
  lastMessagePreview: string;
  status: string;
  category: string | null;
  priority: string | null;
  riskScore: number | bigint | null;
  injectionSuspected: boolean | number | bigint;
  slaDueAt: Date | string | null;
  holdUntil: Date | string | null;
  lastMessageAt: Date | string;
  messageCount: number | bigint;
  responseDueAt: Date | string | null;
  assigneeId: string | null;
  tags: string[] | null;
}

const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

export function toInboxRow(raw: RawInboxRow): InboxRow {
  return {
    id: raw.id,
    subject: raw.subject,
    customerEmail: raw.customerEmail,
    customerName: raw.customerName,
    senderVerified: Boolean(Number(raw.senderVerified)),
    preview: firstLine(raw.lastMessagePreview),
    status: raw.status,
    category: raw.category,
    priority: raw.priority,
    riskScore: raw.riskScore === null ? null : Number(raw.riskScore),
    injectionSuspected: Boolean(Number(raw.injectionSuspected)),
    slaDueAt: raw.slaDueAt === null ? null : toDate(raw.slaDueAt),
    holdUntil: raw.holdUntil === null ? null : toDate(raw.holdUntil),
    lastMessageAt: toDate(raw.lastMessageAt),
    messageCount: Number(raw.messageCount),
    responseDueAt: raw.responseDueAt === null ? null : toDate(raw.responseDueAt),
    assigneeId: raw.assigneeId,
    tags: raw.tags ?? [],
  };
}

/** The first non-empty line, skipping quoted text: what a person reads first. */
function firstLine(preview: string): string {
  const line = preview.split(/\r?\n/).find((text) => text.trim() !== '' && !text.trim().startsWith('>'));
  return (line ?? '').trim().slice(0, 200);
}
